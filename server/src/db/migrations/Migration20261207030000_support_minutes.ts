import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 22: one definition of "support minutes". The care report summed a site's time entries over a
 * month in the agency's time zone with a query of its own, while the portal's monthly totals
 * (`sitecare_support_minutes`, issue 18) summed a customer's in UTC months, so the two could disagree
 * at a month's edge. Now `sitecare_support_minutes_by_site_of` is the one sum: per site and month in
 * the agency's time zone, checked against the viewer as the customer totals were. The customer
 * totals are its sum over sites; the care report reads its site and month.
 */
export class Migration20261207030000_support_minutes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function sitecare_support_minutes_by_site_of(p_customer uuid, p_site uuid, p_from timestamptz)
      returns table (site_id uuid, month text, minutes bigint)
      language sql stable security definer set search_path = public, pg_temp as $$
        select t.site_id, to_char(date_trunc('month', e.spent_at at time zone a.timezone), 'YYYY-MM'), sum(e.minutes)
          from ticket_time_entries e
          join support_tickets t on t.id = e.ticket_id and t.tenant_id = e.tenant_id
          join tenants a on a.id = e.tenant_id
         where (p_customer is null or t.customer_id = p_customer)
           and (p_site is null or t.site_id = p_site)
           and e.spent_at >= p_from
           and e.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           -- The viewer functions the customers' rule is made of: staff see every customer, a
           -- customer only itself, a contractor none (contractors read the entries themselves).
           and (sitecare_viewer_sees_all() or t.customer_id = any(sitecare_viewer_customers()))
         group by 1, 2
      $$;`);
    this.addSql(`create or replace function sitecare_support_minutes_of(p_customer uuid, p_from timestamptz)
      returns table (month text, minutes bigint)
      language sql stable security definer set search_path = public, pg_temp as $$
        select m.month, sum(m.minutes)::bigint from sitecare_support_minutes_by_site_of(p_customer, null, p_from) m
         where p_customer is not null
         group by m.month
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function sitecare_support_minutes_of(p_customer uuid, p_from timestamptz)
      returns table (month text, minutes bigint)
      language sql stable security definer set search_path = public, pg_temp as $$
        select to_char(date_trunc('month', e.spent_at at time zone 'UTC'), 'YYYY-MM'), sum(e.minutes)
          from ticket_time_entries e join support_tickets t on t.id = e.ticket_id and t.tenant_id = e.tenant_id
         where t.customer_id = p_customer and e.spent_at >= p_from
           and e.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           and (sitecare_viewer_sees_all() or p_customer = any(sitecare_viewer_customers()))
         group by 1
      $$;`);
    this.addSql(`drop function if exists sitecare_support_minutes_by_site_of(uuid, uuid, timestamptz)`);
  }
}
