import { Migration } from '@mikro-orm/migrations';

export class Migration20261125170837_renewals extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "orders" add column "subscription_id" uuid null, add column "period_start" timestamptz null;`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_subscription_id_foreign" foreign key ("subscription_id") references "subscriptions" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_renewal_unique" unique ("subscription_id", "period_start");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders" drop constraint "orders_subscription_id_foreign";`);

    this.addSql(`alter table "orders" drop constraint "orders_renewal_unique";`);
    this.addSql(`alter table "orders" drop column "subscription_id", drop column "period_start";`);
  }
}
