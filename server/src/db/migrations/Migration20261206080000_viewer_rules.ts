import { Migration } from '@mikro-orm/migrations';

/**
 * The viewer's row rules (P18, S39), written once and enforced by PostgreSQL for every path: the
 * ORM, the compiled SQL, raw SQL. The viewer is set in the request's transaction beside the tenant
 * (`app.viewer_*`, by sitecare_set_viewer: from a resumed session, a login, or explicitly as SYSTEM
 * when code acts for a public form of one agency). Staff and SYSTEM see every row of their agency;
 * a contractor the rows of the sites assigned to them now; a customer login its own customer's rows;
 * nobody else anything. Each rule is a RESTRICTIVE policy beside `tenant_isolation`, for reads and
 * writes alike. The tables' owner (migrations, jobs, CLI, webhooks) has BYPASSRLS: the system path.
 *
 * The viewer functions are called as `(select f())` in the policies: an initplan, evaluated once per
 * statement rather than once per row.
 */
const VIEWER_RULES: Record<string, string> = {
  sites: `customer_id = (select sitecare_viewer_customer()) or id = any((select sitecare_viewer_sites())::uuid[])`,
  site_assignments: `user_id = (select sitecare_viewer_user())`,
  site_credentials: `site_id = any((select sitecare_viewer_sites())::uuid[])`,
  site_backups: `exists (select 1 from sites s where s.id = site_id)`,
  customers: `id = any((select sitecare_viewer_customers())::uuid[])`,
  contacts: `id = (select sitecare_viewer_contact()) or customer_id = any((select sitecare_viewer_customers())::uuid[])`,
  support_tickets: `customer_id = (select sitecare_viewer_customer()) or site_id = any((select sitecare_viewer_sites())::uuid[])`,
  // Customers never see internal notes; everyone sees a message only through a ticket they see.
  ticket_messages: `exists (select 1 from support_tickets t where t.id = ticket_id)
    and (not internal or (select sitecare_viewer_role()) is distinct from 'CUSTOMER')`,
  orders: `customer_id = (select sitecare_viewer_customer())`,
  order_lines: `exists (select 1 from orders o where o.id = order_id)`,
  payments: `exists (select 1 from orders o where o.id = order_id)`,
  subscriptions: `customer_id = (select sitecare_viewer_customer())`,
};

export class Migration20261206080000_viewer_rules extends Migration {
  override async up(): Promise<void> {
    const setting = (name: string) => `nullif(current_setting('app.viewer_${name}', true), '')`;
    this.addSql(`create function sitecare_viewer_role() returns text language sql stable as
      $$ select ${setting('role')} $$;`);
    for (const name of ['user', 'customer', 'contact'])
      this.addSql(`create function sitecare_viewer_${name}() returns uuid language sql stable as
        $$ select ${setting(name)}::uuid $$;`);
    this.addSql(`create function sitecare_viewer_sees_all() returns boolean language sql stable as
      $$ select coalesce(${setting('role')} in ('ADMIN', 'EMPLOYEE', 'SYSTEM'), false) $$;`);
    // Security invoker: the assignments are read under their own rules.
    this.addSql(`create function sitecare_viewer_sites() returns uuid[] language sql stable as $$
      select coalesce(array_agg(a.site_id), '{}') from site_assignments a
       where a.user_id = ${setting('user')}::uuid and a.starts_at <= now() and (a.ends_at is null or a.ends_at > now())
    $$;`);
    this.addSql(`create function sitecare_viewer_customers() returns uuid[] language sql stable as $$
      select array(select ${setting('customer')}::uuid where ${setting('customer')} is not null
        union select s.customer_id from sites s where s.id = any(sitecare_viewer_sites()))
    $$;`);

    // Who the viewer is, looked up as the owner (a customer login's contact and customer are rows the
    // viewer could not read before it is set). `p_user` null: `p_role` may only be SYSTEM (code acting
    // for a public form of this agency) or null (nobody: no rows).
    this.addSql(`create function sitecare_set_viewer(p_user uuid, p_role text) returns void
      language plpgsql volatile security definer set search_path = public, pg_temp as $$
      declare
        v_role text;
        v_contact uuid;
        v_customer uuid;
      begin
        if p_user is not null then
          select u.role::text, u.contact_id, c.customer_id into v_role, v_contact, v_customer
            from users u left join contacts c on c.id = u.contact_id and c.tenant_id = u.tenant_id
           where u.id = p_user and u.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid;
        elsif p_role = 'SYSTEM' then
          v_role := 'SYSTEM';
        end if;
        perform set_config('app.viewer_user', case when v_role is null or p_user is null then '' else p_user::text end, true);
        perform set_config('app.viewer_role', coalesce(v_role, ''), true);
        perform set_config('app.viewer_contact', coalesce(v_contact::text, ''), true);
        perform set_config('app.viewer_customer',
          case when v_role = 'CUSTOMER' then coalesce(v_customer::text, '') else '' end, true);
      end $$;`);

    // Resuming a session sets the viewer with the tenant (same signature and result as before).
    this.addSql(`create or replace function sitecare_resume_session(
        p_tenant uuid, p_token_hash text, p_idle_seconds double precision, p_touch_seconds double precision)
      returns table (session_id uuid, user_id uuid, role text)
      language plpgsql volatile security invoker as $$
      declare
        v_session uuid;
        v_user uuid;
        v_role text;
        v_seen timestamptz;
      begin
        perform set_config('app.tenant_id', p_tenant::text, true);
        select s.id, s.user_id, u.role::text, s.last_seen_at into v_session, v_user, v_role, v_seen
          from sessions s join users u on u.id = s.user_id
         where s.token_hash = p_token_hash and s.tenant_id = p_tenant and s.revoked_at is null
           and s.expires_at > now() and s.last_seen_at + make_interval(secs => p_idle_seconds) > now()
           and u.status = 'ACTIVE';
        if v_session is null then
          perform set_config('app.tenant_id', '', true);
          perform sitecare_set_viewer(null, null);
          return;
        end if;
        if v_seen < now() - make_interval(secs => p_touch_seconds) then
          update sessions s set last_seen_at = now(), updated_at = now() where s.id = v_session;
        end if;
        perform sitecare_set_viewer(v_user, null);
        return query select v_session, v_user, v_role;
      end $$;`);

    for (const [table, rule] of Object.entries(VIEWER_RULES)) {
      const visible = `(select sitecare_viewer_sees_all()) or ${rule}`;
      this.addSql(
        `create policy viewer_rule on "${table}" as restrictive for all using (${visible}) with check (${visible});`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of Object.keys(VIEWER_RULES)) this.addSql(`drop policy viewer_rule on "${table}";`);
    // The session function as before: it no longer sets a viewer.
    this.addSql(`create or replace function sitecare_resume_session(
        p_tenant uuid, p_token_hash text, p_idle_seconds double precision, p_touch_seconds double precision)
      returns table (session_id uuid, user_id uuid, role text)
      language plpgsql volatile security invoker as $$
      begin
        perform set_config('app.tenant_id', p_tenant::text, true);
        return query
          with valid as (
            select s.id, s.user_id, u.role::text as role, s.last_seen_at
              from sessions s join users u on u.id = s.user_id
             where s.token_hash = p_token_hash and s.tenant_id = p_tenant and s.revoked_at is null
               and s.expires_at > now() and s.last_seen_at + make_interval(secs => p_idle_seconds) > now()
               and u.status = 'ACTIVE'
          ), touched as (
            update sessions s set last_seen_at = now(), updated_at = now() from valid v
             where s.id = v.id and v.last_seen_at < now() - make_interval(secs => p_touch_seconds)
            returning s.id
          )
          select v.id, v.user_id, v.role from valid v;
        if not found then
          perform set_config('app.tenant_id', '', true);
        end if;
      end $$;`);
    this.addSql('drop function sitecare_set_viewer(uuid, text);');
    for (const name of ['customers', 'sites', 'sees_all', 'contact', 'customer', 'user', 'role'])
      this.addSql(`drop function sitecare_viewer_${name}();`);
  }
}
