import { Migration } from '@mikro-orm/migrations';

export class Migration20261125165225_subscriptions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "subscriptions" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "customer_id" uuid not null, "site_id" uuid null, "service_package_id" uuid not null, "first_order_id" uuid not null, "interval" text check ("interval" in ('MONTHLY', 'YEARLY')) not null, "currency" char(3) not null, "status" text check ("status" in ('ACTIVE', 'PAST_DUE', 'CANCELLED')) not null default 'ACTIVE', "provider" text check ("provider" in ('STRIPE', 'PAYPAL', 'MOLLIE')) not null, "provider_reference" text null, "current_period_start" timestamptz not null, "current_period_end" timestamptz not null, "next_renewal_at" timestamptz not null, "recurring_consent" jsonb not null, "cancelled_at" timestamptz null, "cancel_reason" text null, constraint "subscriptions_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "subscriptions_tenant_id_index" on "subscriptions" ("tenant_id");`);
    this.addSql(
      `create index "subscriptions_status_next_renewal_at_index" on "subscriptions" ("status", "next_renewal_at");`,
    );
    this.addSql(
      `create index "subscriptions_tenant_id_customer_id_index" on "subscriptions" ("tenant_id", "customer_id");`,
    );

    this.addSql(
      `alter table "subscriptions" add constraint "subscriptions_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "subscriptions" add constraint "subscriptions_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "subscriptions" add constraint "subscriptions_site_id_foreign" foreign key ("site_id") references "sites" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "subscriptions" add constraint "subscriptions_service_package_id_foreign" foreign key ("service_package_id") references "service_packages" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "subscriptions" add constraint "subscriptions_first_order_id_foreign" foreign key ("first_order_id") references "orders" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(`alter table "orders" add column "recurring_consent_text" text null;`);

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    this.addSql(`alter table "subscriptions" enable row level security;`);
    this.addSql(`alter table "subscriptions" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "subscriptions" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subscriptions" cascade;`);

    this.addSql(`alter table "orders" drop column "recurring_consent_text";`);
  }
}
