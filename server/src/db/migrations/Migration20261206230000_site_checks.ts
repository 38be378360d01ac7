import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 22, checks: a care package's check interval, the check schedule (a due time per monitored
 * site, taken with FOR UPDATE SKIP LOCKED), raw check results (7 days) and their hourly and daily
 * roll-ups, and incidents (one open per site and kind: a partial unique index), whose tickets come
 * from the new ticket channel MONITORING. Each table has the tenant wall and a viewer rule reached through its site (a customer
 * sees its own sites' checks, a contractor its assigned sites'), as site_backups does.
 */
const TABLES = ['site_check_schedules', 'site_check_results', 'site_check_rollups', 'site_incidents'];

export class Migration20261206230000_site_checks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "service_packages" add column "check_interval_minutes" int not null default 5;`);
    this.addSql(
      `alter table "service_packages" add column "notify_customer_of_incidents" boolean not null default false;`,
    );

    this.addSql(
      `create table "site_check_schedules" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "site_id" uuid not null, "due_at" timestamptz not null, "expected_text" text null, "consecutive_failures" int not null default 0, "tls_checked_at" timestamptz null, "domain_checked_at" timestamptz null, constraint "site_check_schedules_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "site_check_schedules_tenant_id_index" on "site_check_schedules" ("tenant_id");`);
    this.addSql(
      `alter table "site_check_schedules" add constraint "site_check_schedules_site_id_unique" unique ("site_id");`,
    );
    this.addSql(`create index "site_check_schedules_due_at_index" on "site_check_schedules" ("due_at");`);

    this.addSql(
      `create table "site_check_results" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "site_id" uuid not null, "kind" text check ("kind" in ('HTTP', 'TLS', 'DOMAIN')) not null, "checked_at" timestamptz not null, "ok" boolean not null, "status_code" int null, "response_ms" int null, "error" text null, "expires_at" timestamptz null, constraint "site_check_results_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "site_check_results_tenant_id_index" on "site_check_results" ("tenant_id");`);
    this.addSql(
      `create index "site_check_results_tenant_id_site_id_checked_at_index" on "site_check_results" ("tenant_id", "site_id", "checked_at");`,
    );
    this.addSql(`create index "site_check_results_checked_at_index" on "site_check_results" ("checked_at");`);

    this.addSql(
      `create table "site_check_rollups" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "site_id" uuid not null, "period" text check ("period" in ('HOUR', 'DAY')) not null, "period_start" timestamptz not null, "checks" int not null, "ok_checks" int not null, "p50_ms" int null, "p95_ms" int null, constraint "site_check_rollups_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "site_check_rollups_tenant_id_index" on "site_check_rollups" ("tenant_id");`);
    this.addSql(
      `create index "site_check_rollups_tenant_id_site_id_period_period_start_index" on "site_check_rollups" ("tenant_id", "site_id", "period", "period_start");`,
    );
    this.addSql(
      `alter table "site_check_rollups" add constraint "site_check_rollups_site_id_period_period_start_unique" unique ("site_id", "period", "period_start");`,
    );

    this.addSql(
      `create table "site_incidents" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "site_id" uuid not null, "kind" text check ("kind" in ('DOWN', 'CERTIFICATE', 'DOMAIN')) not null, "opened_at" timestamptz not null, "closed_at" timestamptz null, "detail" text not null default '', "ticket_id" uuid null, constraint "site_incidents_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "site_incidents_tenant_id_index" on "site_incidents" ("tenant_id");`);
    this.addSql(
      `create index "site_incidents_tenant_id_site_id_opened_at_index" on "site_incidents" ("tenant_id", "site_id", "opened_at");`,
    );
    this.addSql(
      `create unique index "site_incidents_open_unique" on "site_incidents" ("site_id", "kind") where "closed_at" is null;`,
    );
    this.addSql(
      `alter table "site_incidents" add constraint "site_incidents_ticket_id_foreign" foreign key ("ticket_id") references "support_tickets" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "support_tickets" drop constraint if exists "support_tickets_channel_check";`);
    this.addSql(
      `alter table "support_tickets" add constraint "support_tickets_channel_check" check ("channel" in ('PORTAL', 'FORM', 'EMAIL', 'MONITORING'));`,
    );

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    const visible = `(select sitecare_viewer_sees_all()) or exists (select 1 from sites s where s.id = site_id)`;
    for (const table of TABLES) {
      this.addSql(
        `alter table "${table}" add constraint "${table}_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
      );
      this.addSql(
        `alter table "${table}" add constraint "${table}_site_id_foreign" foreign key ("site_id") references "sites" ("id") on update cascade on delete cascade;`,
      );
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
    for (const table of [...TABLES].reverse()) this.addSql(`drop table if exists "${table}" cascade;`);
    this.addSql(`alter table "support_tickets" drop constraint if exists "support_tickets_channel_check";`);
    this.addSql(
      `alter table "support_tickets" add constraint "support_tickets_channel_check" check ("channel" in ('PORTAL', 'FORM', 'EMAIL'));`,
    );
    this.addSql(`alter table "service_packages" drop column "check_interval_minutes";`);
    this.addSql(`alter table "service_packages" drop column "notify_customer_of_incidents";`);
  }
}
