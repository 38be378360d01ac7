import { Migration } from '@mikro-orm/migrations';

export class Migration20261125162435_orders extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "number" int not null, "customer_id" uuid not null, "contact_id" uuid null, "site_id" uuid null, "status" text check ("status" in ('PENDING_PAYMENT', 'PAID', 'CANCELLED', 'REFUNDED')) not null default 'PENDING_PAYMENT', "provider" text check ("provider" in ('STRIPE', 'PAYPAL', 'MOLLIE')) not null, "currency" char(3) not null, "subtotal_minor" int not null, "vat_rate_basis_points" int not null, "vat_minor" int not null, "total_minor" int not null, "placed_by_id" uuid null, "ip" text null, "user_agent" text null, "paid_at" timestamptz null, constraint "orders_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "orders_tenant_id_index" on "orders" ("tenant_id");`);
    this.addSql(
      `create index "orders_tenant_id_status_created_at_index" on "orders" ("tenant_id", "status", "created_at");`,
    );
    this.addSql(
      `create index "orders_tenant_id_customer_id_created_at_index" on "orders" ("tenant_id", "customer_id", "created_at");`,
    );
    this.addSql(`alter table "orders" add constraint "orders_tenant_id_number_unique" unique ("tenant_id", "number");`);

    this.addSql(
      `create table "payments" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "order_id" uuid not null, "provider" text check ("provider" in ('STRIPE', 'PAYPAL', 'MOLLIE')) not null, "provider_reference" text not null, "provider_payment_id" text null, "method" text null, "amount_minor" int not null, "currency" char(3) not null, "status" text check ("status" in ('PENDING', 'PAID', 'FAILED', 'REFUNDED')) not null default 'PENDING', "paid_at" timestamptz null, constraint "payments_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "payments_tenant_id_index" on "payments" ("tenant_id");`);
    this.addSql(`create index "payments_tenant_id_order_id_index" on "payments" ("tenant_id", "order_id");`);
    this.addSql(
      `alter table "payments" add constraint "payments_provider_provider_reference_unique" unique ("provider", "provider_reference");`,
    );

    this.addSql(
      `create table "order_lines" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "order_id" uuid not null, "service_package_id" uuid null, "description" text not null, "interval" text check ("interval" in ('MONTHLY', 'YEARLY')) not null, "quantity" int not null, "unit_price_minor" int not null, "total_minor" int not null, constraint "order_lines_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "order_lines_tenant_id_index" on "order_lines" ("tenant_id");`);
    this.addSql(`create index "order_lines_order_id_index" on "order_lines" ("order_id");`);

    this.addSql(
      `create table "webhook_events" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "provider" text check ("provider" in ('STRIPE', 'PAYPAL', 'MOLLIE')) not null, "event_id" text not null, "type" text not null, "processed_at" timestamptz null, "outcome" text null, constraint "webhook_events_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "webhook_events" add constraint "webhook_events_provider_event_id_unique" unique ("provider", "event_id");`,
    );

    this.addSql(
      `alter table "orders" add constraint "orders_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_site_id_foreign" foreign key ("site_id") references "sites" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_placed_by_id_foreign" foreign key ("placed_by_id") references "users" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "payments" add constraint "payments_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "payments" add constraint "payments_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "order_lines" add constraint "order_lines_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "order_lines" add constraint "order_lines_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "order_lines" add constraint "order_lines_service_package_id_foreign" foreign key ("service_package_id") references "service_packages" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "tenants" add column "vat_rate_basis_points" int not null default 2500;`);

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['orders', 'order_lines', 'payments']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payments" drop constraint "payments_order_id_foreign";`);

    this.addSql(`alter table "order_lines" drop constraint "order_lines_order_id_foreign";`);

    this.addSql(`drop table if exists "orders" cascade;`);

    this.addSql(`drop table if exists "payments" cascade;`);

    this.addSql(`drop table if exists "order_lines" cascade;`);

    this.addSql(`drop table if exists "webhook_events" cascade;`);

    this.addSql(`alter table "tenants" drop column "vat_rate_basis_points";`);
  }
}
