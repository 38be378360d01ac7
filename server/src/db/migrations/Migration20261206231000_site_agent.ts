import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 22, reports from the sites: a per-site agent token (only its SHA-256 is kept; staff rotate
 * it, which shows the new one once), a backup's checksum and kind, how often a package promises a
 * backup (the staff home page lists sites whose last backup is older), and the updates applied on a site
 * (tenant wall and a viewer rule through the site, as site_backups). The agent names no agency: its
 * token is looked up before any tenant is set, by `sitecare_site_by_agent_token` (like the public
 * forms' slug look-up), which answers the site and its agency only.
 */
export class Migration20261206231000_site_agent extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "sites" add column "agent_token_hash" text null, add column "agent_token_created_at" timestamptz null;`);
    this.addSql(`alter table "sites" add constraint "sites_agent_token_hash_unique" unique ("agent_token_hash");`);
    this.addSql(`alter table "site_backups" add column "checksum" text null, add column "kind" text null;`);
    this.addSql(`alter table "service_packages" add column "backup_interval_hours" int not null default 24;`);

    this.addSql(
      `create table "site_updates" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "site_id" uuid not null, "component" text not null, "from_version" text null, "to_version" text not null, "applied_at" timestamptz not null, constraint "site_updates_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "site_updates_tenant_id_index" on "site_updates" ("tenant_id");`);
    this.addSql(
      `create index "site_updates_tenant_id_site_id_applied_at_index" on "site_updates" ("tenant_id", "site_id", "applied_at");`,
    );
    this.addSql(
      `alter table "site_updates" add constraint "site_updates_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "site_updates" add constraint "site_updates_site_id_foreign" foreign key ("site_id") references "sites" ("id") on update cascade on delete cascade;`,
    );
    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    const visible = `(select sitecare_viewer_sees_all()) or exists (select 1 from sites s where s.id = site_id)`;
    this.addSql(`alter table "site_updates" enable row level security;`);
    this.addSql(`alter table "site_updates" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "site_updates" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
    );
    this.addSql(
      `create policy viewer_rule on "site_updates" as restrictive for all using (${visible}) with check (${visible});`,
    );

    this.addSql(`create function sitecare_site_by_agent_token(p_hash text)
      returns table (tenant_id uuid, site_id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
        select s.tenant_id, s.id from sites s where s.agent_token_hash = p_hash and p_hash is not null
      $$;`);
    this.addSql(`revoke all on function sitecare_site_by_agent_token(text) from public;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists sitecare_site_by_agent_token(text);`);
    this.addSql(`drop table if exists "site_updates" cascade;`);
    this.addSql(`alter table "site_backups" drop column "checksum", drop column "kind";`);
    this.addSql(`alter table "service_packages" drop column "backup_interval_hours";`);
    this.addSql(`alter table "sites" drop constraint "sites_agent_token_hash_unique";`);
    this.addSql(`alter table "sites" drop column "agent_token_hash", drop column "agent_token_created_at";`);
  }
}
