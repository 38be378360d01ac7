import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 19: subscription periods are counted from their anchor (the start of the first period) in
 * the agency's time zone, not chained from the previous end (which drifted: 31 January → 3 March).
 * Existing subscriptions are anchored at their first order's payment, so their next period end
 * returns to the day they started on.
 */
export class Migration20261207001000_subscription_period_anchor extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "subscriptions" add column "period_anchor" timestamptz null;`);
    this.addSql(`update "subscriptions" s set "period_anchor" = coalesce(
        (select o."paid_at" from "orders" o where o."id" = s."first_order_id"), s."current_period_start");`);
    this.addSql(`alter table "subscriptions" alter column "period_anchor" set not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "subscriptions" drop column "period_anchor";`);
  }
}
