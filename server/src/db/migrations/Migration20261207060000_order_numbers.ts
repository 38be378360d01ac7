import { Migration } from '@mikro-orm/migrations';

/**
 * Order numbers are per agency, but the next one was read as `max(number) + 1` under the viewer's row
 * rule: a customer checking out while logged in saw only her own orders and took a number another
 * buyer already held (an internal error on the unique key). `sitecare_next_order_number` reads the
 * agency's highest number as the owner, for the transaction's agency only; the caller still holds the
 * agency's advisory lock, so two checkouts never take the same number.
 */
export class Migration20261207060000_order_numbers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function sitecare_next_order_number() returns integer
      language sql stable security definer set search_path = public, pg_temp as $$
        select coalesce(max(o.number), 0) + 1 from orders o
         where o.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists sitecare_next_order_number()`);
  }
}
