import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 19: the payments ledger of an invoice (partial payments, over- and underpayments): each payment
 * applied to an invoice, the amount applied and any surplus (the customer's credit), how and when; the
 * card payment or BgMax row it came from. The invoices paid before this get one row for their total
 * (paid when their invoice says). Tenant wall; a viewer sees a ledger row when it sees its invoice.
 */
export class Migration20261207120000_invoice_payments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "invoice_payments" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "invoice_id" uuid not null, "amount_minor" int not null, "surplus_minor" int not null default 0, "paid_at" timestamptz not null, "via" text check ("via" in ('PROVIDER', 'MANUAL', 'BGMAX')) not null, "payment_id" uuid null, "bgmax_row_id" uuid null, constraint "invoice_payments_pkey" primary key ("id"));`);
    this.addSql(`alter table "invoice_payments" add constraint invoice_payments_amounts_check check(amount_minor >= 0 and surplus_minor >= 0 and amount_minor + surplus_minor > 0);`);
    this.addSql(`create index "invoice_payments_tenant_id_index" on "invoice_payments" ("tenant_id");`);
    this.addSql(`create index "invoice_payments_invoice_id_index" on "invoice_payments" ("invoice_id");`);
    this.addSql(`alter table "invoice_payments" add constraint "invoice_payments_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invoice_payments" add constraint "invoice_payments_invoice_id_foreign" foreign key ("invoice_id") references "invoices" ("id") on update cascade on delete cascade;`);

    this.addSql(
      `insert into "invoice_payments" ("id", "tenant_id", "invoice_id", "amount_minor", "paid_at", "via")
       select gen_random_uuid(), i."tenant_id", i."id", i."total_minor", coalesce(i."paid_at", i."created_at"), coalesce(i."paid_via", 'PROVIDER')
         from "invoices" i where i."kind" = 'INVOICE' and i."status" in ('PAID', 'CREDITED') and i."total_minor" > 0;`,
    );

    this.addSql(`alter table "bgmax_imports" add column "credit_minor" int not null default 0;`);
    this.addSql(
      `update "bgmax_imports" b set "credit_minor" = coalesce((select sum(r."difference_minor") from "bgmax_import_rows" r where r."import_id" = b."id" and r."result" = 'OVERPAID'), 0);`,
    );

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    const visible = `(select sitecare_viewer_sees_all()) or exists (select 1 from invoices i where i.id = invoice_id)`;
    this.addSql(`alter table "invoice_payments" enable row level security;`);
    this.addSql(`alter table "invoice_payments" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "invoice_payments" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
    );
    this.addSql(
      `create policy viewer_rule on "invoice_payments" as restrictive for all using (${visible}) with check (${visible});`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invoice_payments" cascade;`);
    this.addSql(`alter table "bgmax_imports" drop column "credit_minor";`);
  }
}
