import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 19: invoices and credit notes (one table, `kind`), their gap-free number series per agency
 * (`document_counters`), VAT by buyer (the buyer's type, country and VAT number on the customer and,
 * as ordered, on the order, with the rate's reason), the agency's EU private-buyer VAT setting and
 * BAS accounts, and the outbox's invoice attachment. Tenant wall on both new tables; a viewer rule:
 * a customer reads only their own invoices, contractors none, and only staff and the system path
 * reach the counters. Orders placed before this migration were all charged the agency's own rate:
 * their reason is DOMESTIC and their buyer is their customer's country and type.
 */
export class Migration20261207004005_invoices extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "document_counters" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "series" text not null, "last_number" int not null, constraint "document_counters_pkey" primary key ("id"));`);
    this.addSql(`create index "document_counters_tenant_id_index" on "document_counters" ("tenant_id");`);
    this.addSql(`alter table "document_counters" add constraint "document_counters_tenant_id_series_unique" unique ("tenant_id", "series");`);

    this.addSql(`create table "invoices" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "kind" text check ("kind" in ('INVOICE', 'CREDIT_NOTE')) not null, "number" int not null, "order_id" uuid not null, "customer_id" uuid not null, "credited_invoice_id" uuid null, "status" text check ("status" in ('OPEN', 'PAID', 'CREDITED', 'ISSUED')) not null default 'PAID', "issue_date" date not null, "due_date" date not null, "currency" char(3) not null, "subtotal_minor" int not null, "vat_minor" int not null, "total_minor" int not null, "vat_reason" text check ("vat_reason" in ('DOMESTIC', 'REVERSE_CHARGE', 'OUTSIDE_EU', 'EU_PRIVATE_SWEDISH', 'EU_PRIVATE_DESTINATION')) not null, "language" text not null, "buyer_name" text not null, "buyer_address" jsonb not null, "buyer_country" char(2) not null, "buyer_type" text check ("buyer_type" in ('COMPANY', 'PRIVATE')) not null, "buyer_vat_number" text null, "buyer_organisation_number" text null, "seller" jsonb not null, "lines" jsonb not null, "vat_totals" jsonb not null, "exchange_rate" numeric(12,6) null, "exchange_rate_source" text null, "vat_sek_minor" int null, "pdf_url" text generated always as ('/invoices/' || id::text || '/pdf') stored not null, "pdf" bytea null, constraint "invoices_pkey" primary key ("id"));`);
    this.addSql(`create index "invoices_tenant_id_index" on "invoices" ("tenant_id");`);
    this.addSql(`create index "invoices_order_id_index" on "invoices" ("order_id");`);
    this.addSql(`create index "invoices_tenant_id_customer_id_issue_date_index" on "invoices" ("tenant_id", "customer_id", "issue_date");`);
    this.addSql(`create index "invoices_tenant_id_issue_date_index" on "invoices" ("tenant_id", "issue_date");`);
    this.addSql(`alter table "invoices" add constraint "invoices_tenant_id_kind_number_unique" unique ("tenant_id", "kind", "number");`);

    this.addSql(`alter table "document_counters" add constraint "document_counters_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "invoices" add constraint "invoices_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invoices" add constraint "invoices_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invoices" add constraint "invoices_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "invoices" add constraint "invoices_credited_invoice_id_foreign" foreign key ("credited_invoice_id") references "invoices" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "tenants" add column "eu_private_vat" text check ("eu_private_vat" in ('SWEDISH', 'DESTINATION')) not null default 'SWEDISH', add column "bas_accounts" jsonb null;`);

    this.addSql(`alter table "outbox_messages" add column "invoice_id" uuid null;`);

    this.addSql(`alter table "customers" add column "buyer_type" text check ("buyer_type" in ('COMPANY', 'PRIVATE')) not null default 'COMPANY', add column "vat_number" text null, add column "address_line1" text null, add column "postal_code" text null, add column "city" text null;`);

    this.addSql(
      `alter table "orders" add column "vat_reason" text check ("vat_reason" in ('DOMESTIC', 'REVERSE_CHARGE', 'OUTSIDE_EU', 'EU_PRIVATE_SWEDISH', 'EU_PRIVATE_DESTINATION')) null, add column "buyer_type" text check ("buyer_type" in ('COMPANY', 'PRIVATE')) null, add column "buyer_country" char(2) null, add column "buyer_vat_number" text null;`,
    );
    this.addSql(
      `update "orders" o set "vat_reason" = 'DOMESTIC', "buyer_type" = c."buyer_type", "buyer_country" = c."billing_country" from "customers" c where c."id" = o."customer_id";`,
    );
    this.addSql(
      `alter table "orders" alter column "vat_reason" set not null, alter column "buyer_type" set not null, alter column "buyer_country" set not null;`,
    );

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    const rules = {
      invoices: `(select sitecare_viewer_sees_all()) or customer_id = (select sitecare_viewer_customer())`,
      document_counters: `(select sitecare_viewer_sees_all())`,
    };
    for (const [table, visible] of Object.entries(rules)) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
      this.addSql(
        `create policy viewer_rule on "${table}" as restrictive for all using (${visible}) with check (${visible});`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoices" drop constraint "invoices_credited_invoice_id_foreign";`);

    this.addSql(`drop table if exists "document_counters" cascade;`);

    this.addSql(`drop table if exists "invoices" cascade;`);

    this.addSql(`alter table "customers" drop column "buyer_type", drop column "vat_number", drop column "address_line1", drop column "postal_code", drop column "city";`);

    this.addSql(`alter table "orders" drop column "vat_reason", drop column "buyer_type", drop column "buyer_country", drop column "buyer_vat_number";`);

    this.addSql(`alter table "outbox_messages" drop column "invoice_id";`);

    this.addSql(`alter table "tenants" drop column "eu_private_vat", drop column "bas_accounts";`);
  }

}
