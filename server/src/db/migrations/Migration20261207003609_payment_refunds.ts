import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 19, partial refunds: the refund ledger of a payment. Each refund is a row; PostgreSQL keeps
 * `payments.refunded_minor` and `orders.refunded_minor` as the sum of the refunds that count (not
 * FAILED), added to in place so that concurrent writers are serialised on the payment's row, and a
 * CHECK refuses any sum above what was paid: the wall behind the service's check under its row lock.
 * Refunds are seen where their order is (the orders' viewer rule). Refunds made before the ledger
 * (a REFUNDED order's paying payment) become one row each.
 */
export class Migration20261207003609_payment_refunds extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "refunds" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "payment_id" uuid not null, "order_id" uuid not null, "amount_minor" int not null, "currency" char(3) not null, "status" text check ("status" in ('PENDING', 'SUCCEEDED', 'FAILED')) not null default 'SUCCEEDED', "provider_refund_id" text null, "lines" jsonb null, "reason" text not null, "idempotency_key" text not null, "created_by_id" uuid null, constraint "refunds_pkey" primary key ("id"));`);
    this.addSql(`create index "refunds_tenant_id_index" on "refunds" ("tenant_id");`);
    this.addSql(`create index "refunds_payment_id_index" on "refunds" ("payment_id");`);
    this.addSql(`create index "refunds_order_id_index" on "refunds" ("order_id");`);
    this.addSql(`create index "refunds_tenant_id_order_id_created_at_index" on "refunds" ("tenant_id", "order_id", "created_at");`);
    this.addSql(`alter table "refunds" add constraint "refunds_payment_id_idempotency_key_unique" unique ("payment_id", "idempotency_key");`);

    this.addSql(`alter table "refunds" add constraint "refunds_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "refunds" add constraint "refunds_payment_id_foreign" foreign key ("payment_id") references "payments" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "refunds" add constraint "refunds_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "refunds" add constraint "refunds_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "orders" drop constraint if exists "orders_status_check";`);

    this.addSql(`alter table "orders" add column "refunded_minor" int not null default 0;`);
    this.addSql(`alter table "orders" add constraint "orders_status_check" check("status" in ('PENDING_PAYMENT', 'PAID', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED'));`);

    this.addSql(`alter table "payments" add column "refunded_minor" int not null default 0;`);

    this.addSql(`alter table "refunds" add constraint "refunds_amount_positive" check ("amount_minor" > 0);`);
    this.addSql(
      `alter table "payments" add constraint "payments_refunded_within_amount" check (refunded_minor >= 0 and refunded_minor <= amount_minor);`,
    );
    this.addSql(
      `alter table "orders" add constraint "orders_refunded_within_total" check (refunded_minor >= 0 and refunded_minor <= total_minor);`,
    );
    this.addSql(`create function sitecare_refund_ledger() returns trigger
      language plpgsql security definer set search_path = public, pg_temp as $$
      declare
        v_old int := case when tg_op in ('UPDATE', 'DELETE') and old.status <> 'FAILED' then old.amount_minor else 0 end;
        v_new int := case when tg_op in ('INSERT', 'UPDATE') and new.status <> 'FAILED' then new.amount_minor else 0 end;
      begin
        if tg_op = 'UPDATE' and (old.payment_id <> new.payment_id or old.order_id <> new.order_id) then
          raise exception 'a refund stays with its payment and order';
        end if;
        if v_new <> v_old then
          update payments set refunded_minor = refunded_minor + v_new - v_old
           where id = coalesce(new.payment_id, old.payment_id);
          update orders set refunded_minor = refunded_minor + v_new - v_old
           where id = coalesce(new.order_id, old.order_id);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger refunds_ledger after insert or update or delete on "refunds"
      for each row execute function sitecare_refund_ledger();`);

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    this.addSql(`alter table "refunds" enable row level security;`);
    this.addSql(`alter table "refunds" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "refunds" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
    );
    const visible = `(select sitecare_viewer_sees_all()) or exists (select 1 from orders o where o.id = order_id)`;
    this.addSql(
      `create policy viewer_rule on "refunds" as restrictive for all using (${visible}) with check (${visible});`,
    );

    this.addSql(`insert into "refunds" ("id", "created_at", "updated_at", "tenant_id", "payment_id", "order_id",
        "amount_minor", "currency", "status", "reason", "idempotency_key")
      select distinct on (o.id) gen_random_uuid(), coalesce(p.refunded_at, o.refunded_at, now()), now(), o.tenant_id, p.id, o.id,
             p.amount_minor, p.currency, 'SUCCEEDED', coalesce(o.refund_reason, 'Refunded'), 'before-the-ledger'
        from orders o join payments p on p.order_id = o.id
       where o.status = 'REFUNDED' and p.status = 'REFUNDED' and p.amount_minor > 0
         and p.amount_minor <= o.total_minor and p.paid_at is not distinct from o.paid_at
       order by o.id, p.created_at;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "refunds" cascade;`);
    this.addSql(`drop function if exists sitecare_refund_ledger();`);
    this.addSql(`alter table "payments" drop constraint if exists "payments_refunded_within_amount";`);
    this.addSql(`alter table "orders" drop constraint if exists "orders_refunded_within_total";`);
    this.addSql(`update "orders" set "status" = 'PAID' where "status" = 'PARTIALLY_REFUNDED';`);

    this.addSql(`alter table "orders" drop constraint if exists "orders_status_check";`);

    this.addSql(`alter table "orders" drop column "refunded_minor";`);

    this.addSql(`alter table "orders" add constraint "orders_status_check" check("status" in ('PENDING_PAYMENT', 'PAID', 'CANCELLED', 'REFUNDED'));`);

    this.addSql(`alter table "payments" drop column "refunded_minor";`);
  }

}
