import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 19 (pay by invoice): an invoice's OCR reference (unique per agency), when and how it was paid;
 * the agency's default days to the due date; imported BgMax files with their rows; reminders sent per
 * overdue step. `sitecare_invoice_days_overdue` is THE overdue rule (an OPEN invoice past its due date
 * in the agency's time zone), which every path reads: the Invoice fields, the list filter, the home
 * page and the reminder job (which passes its own clock). Tenant wall on the new tables; a viewer rule:
 * staff and the system path only. Invoices issued before this were paid when their orders were.
 */
export class Migration20261207040835_pay_by_invoice extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "invoice_reminders" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "invoice_id" uuid not null, "step" int not null, "days_overdue" int not null, constraint "invoice_reminders_pkey" primary key ("id"));`);
    this.addSql(`create index "invoice_reminders_tenant_id_index" on "invoice_reminders" ("tenant_id");`);
    this.addSql(`alter table "invoice_reminders" add constraint "invoice_reminders_invoice_id_step_unique" unique ("invoice_id", "step");`);

    this.addSql(`create table "bgmax_imports" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "file_name" text not null, "file_hash" text not null, "imported_by_id" uuid null, "file_created_at" text not null, "test" boolean not null, "payments" int not null, "matched" int not null, "overpaid" int not null, "underpaid" int not null, "not_open" int not null, "unmatched" int not null, "total_minor" int not null, constraint "bgmax_imports_pkey" primary key ("id"));`);
    this.addSql(`create index "bgmax_imports_tenant_id_index" on "bgmax_imports" ("tenant_id");`);
    this.addSql(`create index "bgmax_imports_tenant_id_created_at_index" on "bgmax_imports" ("tenant_id", "created_at");`);
    this.addSql(`alter table "bgmax_imports" add constraint "bgmax_imports_tenant_id_file_hash_unique" unique ("tenant_id", "file_hash");`);

    this.addSql(`create table "bgmax_import_rows" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "import_id" uuid not null, "line" int not null, "reference" text not null, "amount_minor" int not null, "payment_date" date not null, "serial_number" text not null, "result" text check ("result" in ('MATCHED', 'OVERPAID', 'UNDERPAID', 'NOT_OPEN', 'UNMATCHED')) not null, "invoice_id" uuid null, "difference_minor" int not null default 0, constraint "bgmax_import_rows_pkey" primary key ("id"));`);
    this.addSql(`create index "bgmax_import_rows_tenant_id_index" on "bgmax_import_rows" ("tenant_id");`);
    this.addSql(`create index "bgmax_import_rows_import_id_index" on "bgmax_import_rows" ("import_id");`);

    this.addSql(`alter table "invoice_reminders" add constraint "invoice_reminders_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invoice_reminders" add constraint "invoice_reminders_invoice_id_foreign" foreign key ("invoice_id") references "invoices" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "bgmax_imports" add constraint "bgmax_imports_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "bgmax_imports" add constraint "bgmax_imports_imported_by_id_foreign" foreign key ("imported_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "bgmax_import_rows" add constraint "bgmax_import_rows_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "bgmax_import_rows" add constraint "bgmax_import_rows_import_id_foreign" foreign key ("import_id") references "bgmax_imports" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "bgmax_import_rows" add constraint "bgmax_import_rows_invoice_id_foreign" foreign key ("invoice_id") references "invoices" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "tenants" add column "invoice_due_days" int not null default 30;`);

    this.addSql(`alter table "invoices" add column "ocr_reference" text null, add column "paid_at" timestamptz null, add column "paid_via" text check ("paid_via" in ('PROVIDER', 'MANUAL', 'BGMAX')) null;`);
    this.addSql(`alter table "invoices" add constraint "invoices_tenant_id_ocr_reference_unique" unique ("tenant_id", "ocr_reference");`);
    this.addSql(
      `update "invoices" i set "paid_at" = o."paid_at", "paid_via" = 'PROVIDER' from "orders" o where o."id" = i."order_id" and i."kind" = 'INVOICE' and i."status" in ('PAID', 'CREDITED');`,
    );

    // Days an invoice is overdue at `p_at` (0 unless an OPEN invoice past its due date), by the agency's calendar.
    this.addSql(`create function sitecare_invoice_days_overdue(p_kind text, p_status text, p_due_date date, p_tenant_id uuid, p_at timestamptz)
      returns integer language sql stable as $$
        select case when p_kind = 'INVOICE' and p_status = 'OPEN'
          then greatest(0, (p_at at time zone coalesce((select t.timezone from tenants t where t.id = p_tenant_id), 'Europe/Stockholm'))::date - p_due_date)
          else 0 end
      $$;`);

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    const staffOnly = `(select sitecare_viewer_sees_all())`;
    for (const table of ['invoice_reminders', 'bgmax_imports', 'bgmax_import_rows']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
      this.addSql(
        `create policy viewer_rule on "${table}" as restrictive for all using (${staffOnly}) with check (${staffOnly});`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists sitecare_invoice_days_overdue(text, text, date, uuid, timestamptz);`);
    this.addSql(`alter table "bgmax_import_rows" drop constraint "bgmax_import_rows_import_id_foreign";`);

    this.addSql(`drop table if exists "invoice_reminders" cascade;`);

    this.addSql(`drop table if exists "bgmax_imports" cascade;`);

    this.addSql(`drop table if exists "bgmax_import_rows" cascade;`);

    this.addSql(`alter table "invoices" drop constraint "invoices_tenant_id_ocr_reference_unique";`);
    this.addSql(`alter table "invoices" drop column "ocr_reference", drop column "paid_at", drop column "paid_via";`);

    this.addSql(`alter table "tenants" drop column "invoice_due_days";`);
  }

}
