import { Migration } from '@mikro-orm/migrations';

/**
 * The viewer's sites and customers are found once, when the viewer is set (sitecare_set_viewer, in the
 * request's transaction), and kept beside the viewer's other settings. Before, every policy that named
 * them ran their query again: a contractor's ticket list ran the assignments' query eight times per
 * request (pnpm bench, query (c)). Read from a setting, the two functions are plain expressions that
 * PostgreSQL inlines: no statement of their own. Same rows as before: now() is the transaction's time,
 * so an assignment's dates are read as of the same moment either way.
 */
const setting = (name: string) => `nullif(current_setting('app.viewer_${name}', true), '')`;

const SET_VIEWER = (extra: string) => `create or replace function sitecare_set_viewer(p_user uuid, p_role text) returns void
  language plpgsql volatile security definer set search_path = public, pg_temp as $$
  declare
    v_role text;
    v_contact uuid;
    v_customer uuid;
    v_tenant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
    v_sites text;
    v_customers text;
  begin
    if p_user is not null then
      select u.role::text, u.contact_id, c.customer_id into v_role, v_contact, v_customer
        from users u left join contacts c on c.id = u.contact_id and c.tenant_id = u.tenant_id
       where u.id = p_user and u.tenant_id = v_tenant;
    elsif p_role = 'SYSTEM' then
      v_role := 'SYSTEM';
    end if;
    perform set_config('app.viewer_user', case when v_role is null or p_user is null then '' else p_user::text end, true);
    perform set_config('app.viewer_role', coalesce(v_role, ''), true);
    perform set_config('app.viewer_contact', coalesce(v_contact::text, ''), true);
    perform set_config('app.viewer_customer',
      case when v_role = 'CUSTOMER' then coalesce(v_customer::text, '') else '' end, true);${extra}
  end $$;`;

export class Migration20261207150000_viewer_sets extends Migration {
  override async up(): Promise<void> {
    // The sites assigned to the viewer now, and the customers the viewer sees (its own, and those of
    // its sites), as comma-separated ids; the owner reads them here, for this agency only.
    this.addSql(
      SET_VIEWER(`
    select string_agg(distinct a.site_id::text, ','), string_agg(distinct s.customer_id::text, ',')
      into v_sites, v_customers
      from site_assignments a join sites s on s.id = a.site_id and s.tenant_id = a.tenant_id
     where a.user_id = p_user and a.tenant_id = v_tenant and v_role is not null
       and a.starts_at <= now() and (a.ends_at is null or a.ends_at > now());
    if v_role = 'CUSTOMER' and v_customer is not null then
      v_customers := concat_ws(',', v_customer::text, v_customers);
    end if;
    perform set_config('app.viewer_sites', coalesce(v_sites, ''), true);
    perform set_config('app.viewer_customers', coalesce(v_customers, ''), true);`),
    );
    this.addSql(`create or replace function sitecare_viewer_sites() returns uuid[] language sql stable as
      $$ select coalesce(string_to_array(${setting('sites')}, ',')::uuid[], '{}') $$;`);
    this.addSql(`create or replace function sitecare_viewer_customers() returns uuid[] language sql stable as
      $$ select coalesce(string_to_array(${setting('customers')}, ',')::uuid[], '{}') $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(SET_VIEWER(''));
    this.addSql(`create or replace function sitecare_viewer_sites() returns uuid[] language sql stable as $$
      select coalesce(array_agg(a.site_id), '{}') from site_assignments a
       where a.user_id = ${setting('user')}::uuid and a.starts_at <= now() and (a.ends_at is null or a.ends_at > now())
    $$;`);
    this.addSql(`create or replace function sitecare_viewer_customers() returns uuid[] language sql stable as $$
      select array(select ${setting('customer')}::uuid where ${setting('customer')} is not null
        union select s.customer_id from sites s where s.id = any(sitecare_viewer_sites()))
    $$;`);
  }
}
