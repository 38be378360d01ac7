import { Migration } from '@mikro-orm/migrations';

export class Migration20261125160954_helpdesk extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "service_packages" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "name_sv" text not null, "name_en" text not null, "description_sv" text not null default '', "description_en" text not null default '', "backups" boolean not null, "updates" boolean not null, "uptime_monitoring" boolean not null, "support_hours_per_month" int not null, "response_time_hours" int not null, "prices" jsonb not null, "active" boolean not null default true, constraint "service_packages_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "service_packages_tenant_id_index" on "service_packages" ("tenant_id");`);

    this.addSql(
      `create table "leads" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "name" text not null, "email" text not null, "phone" text null, "company" text null, "message" text not null, "consent_given" boolean not null, "consent_text" text not null, "source_page" text null, "ip" text null, "user_agent" text null, "status" text check ("status" in ('NEW', 'CONTACTED', 'CONVERTED', 'ARCHIVED')) not null default 'NEW', "converted_customer_id" uuid null, constraint "leads_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "leads_tenant_id_index" on "leads" ("tenant_id");`);
    this.addSql(
      `create index "leads_tenant_id_status_created_at_index" on "leads" ("tenant_id", "status", "created_at");`,
    );

    this.addSql(
      `create table "support_tickets" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "subject" text not null, "customer_id" uuid null, "contact_id" uuid null, "site_id" uuid null, "requester_name" text null, "requester_email" text null, "status" text check ("status" in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED')) not null default 'NEW', "priority" text check ("priority" in ('LOW', 'NORMAL', 'HIGH', 'URGENT')) not null default 'NORMAL', "assignee_id" uuid null, "channel" text check ("channel" in ('PORTAL', 'FORM', 'EMAIL')) not null, "first_response_due_at" timestamptz not null, "first_responded_at" timestamptz null, "password_flagged" boolean not null default false, constraint "support_tickets_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "support_tickets_tenant_id_index" on "support_tickets" ("tenant_id");`);
    this.addSql(
      `create index "support_tickets_tenant_id_site_id_index" on "support_tickets" ("tenant_id", "site_id");`,
    );
    this.addSql(
      `create index "support_tickets_tenant_id_customer_id_index" on "support_tickets" ("tenant_id", "customer_id");`,
    );
    this.addSql(
      `create index "support_tickets_tenant_id_status_first_response_due_at_index" on "support_tickets" ("tenant_id", "status", "first_response_due_at");`,
    );

    this.addSql(
      `create table "ticket_messages" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "ticket_id" uuid not null, "author_user_id" uuid null, "author_name" text null, "body" text not null, "internal" boolean not null default false, "password_hints" jsonb not null, constraint "ticket_messages_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "ticket_messages_tenant_id_index" on "ticket_messages" ("tenant_id");`);
    this.addSql(
      `create index "ticket_messages_tenant_id_ticket_id_created_at_index" on "ticket_messages" ("tenant_id", "ticket_id", "created_at");`,
    );

    this.addSql(
      `alter table "service_packages" add constraint "service_packages_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "leads" add constraint "leads_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "leads" add constraint "leads_converted_customer_id_foreign" foreign key ("converted_customer_id") references "customers" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "support_tickets" add constraint "support_tickets_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "support_tickets" add constraint "support_tickets_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "support_tickets" add constraint "support_tickets_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "support_tickets" add constraint "support_tickets_site_id_foreign" foreign key ("site_id") references "sites" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "support_tickets" add constraint "support_tickets_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "ticket_messages" add constraint "ticket_messages_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "ticket_messages" add constraint "ticket_messages_ticket_id_foreign" foreign key ("ticket_id") references "support_tickets" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "ticket_messages" add constraint "ticket_messages_author_user_id_foreign" foreign key ("author_user_id") references "users" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "sites" add column "service_package_id" uuid null;`);
    this.addSql(
      `alter table "sites" add constraint "sites_service_package_id_foreign" foreign key ("service_package_id") references "service_packages" ("id") on update cascade on delete set null;`,
    );

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['service_packages', 'support_tickets', 'ticket_messages', 'leads']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
    }

    // Public forms name their agency by slug, before any tenant is set: this is their one look-up.
    this.addSql(`create function sitecare_tenant_by_slug(p_slug text) returns uuid
      language sql stable security definer set search_path = public, pg_temp as $$
        select id from tenants where slug = p_slug
      $$;`);
    this.addSql(`revoke all on function sitecare_tenant_by_slug(text) from public;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists sitecare_tenant_by_slug(text);`);
    this.addSql(`alter table "sites" drop constraint "sites_service_package_id_foreign";`);

    this.addSql(`alter table "ticket_messages" drop constraint "ticket_messages_ticket_id_foreign";`);

    this.addSql(`drop table if exists "service_packages" cascade;`);

    this.addSql(`drop table if exists "leads" cascade;`);

    this.addSql(`drop table if exists "support_tickets" cascade;`);

    this.addSql(`drop table if exists "ticket_messages" cascade;`);

    this.addSql(`alter table "sites" drop column "service_package_id";`);
  }
}
