import { Migration } from '@mikro-orm/migrations';

export class Migration20261125174223_payment_lifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "orders" add column "refunded_at" timestamptz null, add column "refund_reason" text null;`,
    );

    this.addSql(`alter table "subscriptions" add column "pending_method_reference" text null;`);
    this.addSql(
      `create index "subscriptions_provider_pending_method_reference_index" on "subscriptions" ("provider", "pending_method_reference");`,
    );

    this.addSql(
      `alter table "payments" add column "via_mandate" boolean not null default false, add column "failure_reason" text null, add column "refunded_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders" drop column "refunded_at", drop column "refund_reason";`);

    this.addSql(
      `alter table "payments" drop column "via_mandate", drop column "failure_reason", drop column "refunded_at";`,
    );

    this.addSql(`drop index "subscriptions_provider_pending_method_reference_index";`);
    this.addSql(`alter table "subscriptions" drop column "pending_method_reference";`);
  }
}
