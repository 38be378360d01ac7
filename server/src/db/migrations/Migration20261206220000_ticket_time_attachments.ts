import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 18, time and attachments: time entries on tickets and files on ticket messages, each with
 * the tenant wall and a viewer rule reached through the row it belongs to (migration viewer_rules):
 * a time entry is seen where its ticket is, and never by a customer (customers read the monthly
 * totals only, through `sitecare_support_minutes`); an attachment is seen where its message is (so
 * an internal note's files never reach a customer).
 */
const VIEWER_RULES: Record<string, string> = {
  ticket_time_entries: `exists (select 1 from support_tickets t where t.id = ticket_id)
    and (select sitecare_viewer_role()) is distinct from 'CUSTOMER'`,
  ticket_attachments: `exists (select 1 from ticket_messages m where m.id = message_id)`,
};

export class Migration20261206220000_ticket_time_attachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "ticket_time_entries" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "ticket_id" uuid not null, "user_id" uuid null, "minutes" int not null, "spent_at" timestamptz not null, "note" text not null default '', constraint "ticket_time_entries_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "ticket_time_entries_tenant_id_index" on "ticket_time_entries" ("tenant_id");`);
    this.addSql(`create index "ticket_time_entries_ticket_id_index" on "ticket_time_entries" ("ticket_id");`);
    this.addSql(`create index "ticket_time_entries_user_id_index" on "ticket_time_entries" ("user_id");`);
    this.addSql(
      `create index "ticket_time_entries_tenant_id_ticket_id_spent_at_index" on "ticket_time_entries" ("tenant_id", "ticket_id", "spent_at");`,
    );
    this.addSql(
      `create index "ticket_time_entries_tenant_id_spent_at_index" on "ticket_time_entries" ("tenant_id", "spent_at");`,
    );
    this.addSql(
      `alter table "ticket_time_entries" add constraint "ticket_time_entries_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "ticket_time_entries" add constraint "ticket_time_entries_ticket_id_foreign" foreign key ("ticket_id") references "support_tickets" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "ticket_time_entries" add constraint "ticket_time_entries_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `create table "ticket_attachments" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "message_id" uuid not null, "uploaded_by_id" uuid null, "filename" text not null, "content_type" text not null, "size_bytes" int not null, "storage_key" text not null, constraint "ticket_attachments_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "ticket_attachments_tenant_id_index" on "ticket_attachments" ("tenant_id");`);
    this.addSql(`create index "ticket_attachments_message_id_index" on "ticket_attachments" ("message_id");`);
    this.addSql(`create index "ticket_attachments_uploaded_by_id_index" on "ticket_attachments" ("uploaded_by_id");`);
    this.addSql(
      `create index "ticket_attachments_tenant_id_message_id_index" on "ticket_attachments" ("tenant_id", "message_id");`,
    );
    this.addSql(
      `alter table "ticket_attachments" add constraint "ticket_attachments_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "ticket_attachments" add constraint "ticket_attachments_message_id_foreign" foreign key ("message_id") references "ticket_messages" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "ticket_attachments" add constraint "ticket_attachments_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "users" ("id") on update cascade on delete set null;`,
    );

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    for (const [table, rule] of Object.entries(VIEWER_RULES)) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
      const visible = `(select sitecare_viewer_sees_all()) or ${rule}`;
      this.addSql(
        `create policy viewer_rule on "${table}" as restrictive for all using (${visible}) with check (${visible});`,
      );
    }

    // A customer's monthly totals: the customer is checked as the caller (the customers' own row
    // rule: a customer it cannot see gives no rows), the entries summed as the owner (a customer
    // never reads the entries themselves). Months in UTC, from p_from on. `sitecare_support_minutes`
    // is the entry point; `_of` checks the viewer again for a direct call.
    this.addSql(`create function sitecare_support_minutes_of(p_customer uuid, p_from timestamptz)
      returns table (month text, minutes bigint)
      language sql stable security definer set search_path = public, pg_temp as $$
        select to_char(date_trunc('month', e.spent_at at time zone 'UTC'), 'YYYY-MM'), sum(e.minutes)
          from ticket_time_entries e join support_tickets t on t.id = e.ticket_id and t.tenant_id = e.tenant_id
         where t.customer_id = p_customer and e.spent_at >= p_from
           and e.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           -- Called directly (every function is granted to the application role): the same viewer
           -- functions the customers' rule is made of, so that it never answers for a customer the
           -- viewer cannot see.
           and (sitecare_viewer_sees_all() or p_customer = any(sitecare_viewer_customers()))
         group by 1
      $$;`);
    this.addSql(`create function sitecare_support_minutes(p_customer uuid, p_from timestamptz)
      returns table (month text, minutes bigint)
      language sql stable security invoker as $$
        select m.month, m.minutes from sitecare_support_minutes_of(p_customer, p_from) m
         where exists (select 1 from customers c where c.id = p_customer)
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists sitecare_support_minutes(uuid, timestamptz);`);
    this.addSql(`drop function if exists sitecare_support_minutes_of(uuid, timestamptz);`);
    this.addSql(`drop table if exists "ticket_attachments" cascade;`);
    this.addSql(`drop table if exists "ticket_time_entries" cascade;`);
  }
}
