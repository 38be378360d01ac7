import { Migration } from '@mikro-orm/migrations';

/** Issue 17: each agency's secrets (S31), its own SMTP relay and its inbound e-mail token. */
export class Migration20261206121000_agency_mail extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "agency_secrets" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "name" text not null, "ciphertext" text not null, "key_version" int not null, "last4" text not null, "verified_at" timestamptz null, constraint "agency_secrets_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "agency_secrets_tenant_id_index" on "agency_secrets" ("tenant_id");`);
    this.addSql(
      `alter table "agency_secrets" add constraint "agency_secrets_tenant_id_name_unique" unique ("tenant_id", "name");`,
    );
    this.addSql(
      `alter table "agency_secrets" add constraint "agency_secrets_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    this.addSql(`alter table "agency_secrets" enable row level security;`);
    this.addSql(`alter table "agency_secrets" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "agency_secrets" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
    );
    this.addSql(`alter table "tenants"
      add column "smtp_host" text null,
      add column "smtp_port" int null,
      add column "smtp_user" text null,
      add column "smtp_from_address" text null,
      add column "inbound_email_token_hash" text null;`);
    // The inbound e-mail endpoint names its agency by slug before any tenant is set: the hash of that
    // agency's token, and whether the installation has one agency only (INBOUND_EMAIL_TOKEN's fallback).
    this.addSql(`create function sitecare_inbound_token_of(p_slug text) returns table (inbound_email_token_hash text)
      language sql stable security definer set search_path = public, pg_temp as $$
        select inbound_email_token_hash from tenants where slug = p_slug
      $$;`);
    this.addSql(`create function sitecare_agency_count() returns bigint
      language sql stable security definer set search_path = public, pg_temp as $$
        select count(*) from tenants
      $$;`);
    this.addSql(`revoke all on function sitecare_inbound_token_of(text) from public;`);
    this.addSql(`revoke all on function sitecare_agency_count() from public;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists sitecare_inbound_token_of(text);`);
    this.addSql(`drop function if exists sitecare_agency_count();`);
    this.addSql(`drop table if exists "agency_secrets" cascade;`);
    this.addSql(`alter table "tenants" drop column "smtp_host", drop column "smtp_port", drop column "smtp_user",
      drop column "smtp_from_address", drop column "inbound_email_token_hash";`);
  }
}
