import { Migration } from '@mikro-orm/migrations';

export class Migration20261125182031_consents extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "processing_purposes" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "key" text not null, "description_sv" text not null, "description_en" text not null, "legal_basis" text check ("legal_basis" in ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'LEGITIMATE_INTEREST', 'VITAL_INTEREST', 'PUBLIC_TASK')) not null, "data_categories" jsonb not null, "retention_days" int null, constraint "processing_purposes_pkey" primary key ("id"));`);
    this.addSql(`create index "processing_purposes_tenant_id_index" on "processing_purposes" ("tenant_id");`);
    this.addSql(`alter table "processing_purposes" add constraint "processing_purposes_tenant_id_key_unique" unique ("tenant_id", "key");`);

    this.addSql(`create table "policy_versions" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "version" text not null, "language" text not null, "text" text not null, "published_at" timestamptz null, "material_change" boolean not null default false, constraint "policy_versions_pkey" primary key ("id"));`);
    this.addSql(`create index "policy_versions_tenant_id_index" on "policy_versions" ("tenant_id");`);
    this.addSql(`alter table "policy_versions" add constraint "policy_versions_tenant_id_version_language_unique" unique ("tenant_id", "version", "language");`);

    this.addSql(`create table "newsletter_signups" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "email" text not null, "name" text null, "language" text not null, "country" char(2) null, "wording" text not null, "source_url" text null, "ip" text null, "user_agent" text null, "token_hash" text not null, "expires_at" timestamptz not null, "confirmed_at" timestamptz null, constraint "newsletter_signups_pkey" primary key ("id"));`);
    this.addSql(`create index "newsletter_signups_tenant_id_index" on "newsletter_signups" ("tenant_id");`);
    this.addSql(`alter table "newsletter_signups" add constraint "newsletter_signups_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "policy_acceptances" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "policy_version_id" uuid not null, "contact_id" uuid not null, "accepted_at" timestamptz null, "ip" text null, "user_agent" text null, constraint "policy_acceptances_pkey" primary key ("id"));`);
    this.addSql(`create index "policy_acceptances_tenant_id_index" on "policy_acceptances" ("tenant_id");`);
    this.addSql(`create index "policy_acceptances_contact_id_index" on "policy_acceptances" ("contact_id");`);
    this.addSql(`alter table "policy_acceptances" add constraint "policy_acceptances_policy_version_id_contact_id_unique" unique ("policy_version_id", "contact_id");`);

    this.addSql(`create table "consent_events" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "contact_id" uuid null, "subject_email" text null, "visitor_id" text null, "purpose_id" uuid not null, "channel" text check ("channel" in ('EMAIL', 'SMS', 'PHONE', 'SOCIAL', 'WEB')) not null, "decision" text check ("decision" in ('GRANTED', 'WITHDRAWN')) not null, "method" text check ("method" in ('FORM', 'PORTAL', 'IMPORT', 'UNSUBSCRIBE_LINK', 'STAFF_ON_INSTRUCTION', 'DOUBLE_OPT_IN', 'COOKIE_BANNER')) not null, "policy_version_id" uuid null, "wording" text null, "source_url" text null, "ip" text null, "user_agent" text null, "recorded_by_user_id" uuid null, "signup_proof" jsonb null, constraint "consent_events_pkey" primary key ("id"));`);
    this.addSql(`create index "consent_events_tenant_id_index" on "consent_events" ("tenant_id");`);
    this.addSql(`create index "consent_events_tenant_id_visitor_id_created_at_index" on "consent_events" ("tenant_id", "visitor_id", "created_at");`);
    this.addSql(`create index "consent_events_tenant_id_subject_email_created_at_index" on "consent_events" ("tenant_id", "subject_email", "created_at");`);
    this.addSql(`create index "consent_events_tenant_id_contact_id_created_at_index" on "consent_events" ("tenant_id", "contact_id", "created_at");`);

    this.addSql(`create table "tracking_events" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "email" text not null, "outbox_message_id" uuid not null, "kind" text check ("kind" in ('OPEN', 'CLICK')) not null, "url" text null, "ip" text null, "user_agent" text null, constraint "tracking_events_pkey" primary key ("id"));`);
    this.addSql(`create index "tracking_events_tenant_id_index" on "tracking_events" ("tenant_id");`);
    this.addSql(`create index "tracking_events_tenant_id_email_index" on "tracking_events" ("tenant_id", "email");`);

    this.addSql(`alter table "processing_purposes" add constraint "processing_purposes_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "policy_versions" add constraint "policy_versions_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "newsletter_signups" add constraint "newsletter_signups_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "policy_acceptances" add constraint "policy_acceptances_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "policy_acceptances" add constraint "policy_acceptances_policy_version_id_foreign" foreign key ("policy_version_id") references "policy_versions" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "policy_acceptances" add constraint "policy_acceptances_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "consent_events" add constraint "consent_events_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "consent_events" add constraint "consent_events_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "consent_events" add constraint "consent_events_purpose_id_foreign" foreign key ("purpose_id") references "processing_purposes" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "consent_events" add constraint "consent_events_policy_version_id_foreign" foreign key ("policy_version_id") references "policy_versions" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "tracking_events" add constraint "tracking_events_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "outbox_messages" add column "headers" jsonb null;`);

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of [
      'processing_purposes',
      'policy_versions',
      'policy_acceptances',
      'newsletter_signups',
      'consent_events',
      'tracking_events',
    ]) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
    }

    // P13: the consent history is append-only. Only the erasure path (which sets app.erasure = 'on'
    // for its transaction) and cascades from a deleted contact or agency (trigger depth > 1) may
    // change or remove a row.
    this.addSql(`create or replace function consent_events_append_only() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('app.erasure', true), '') = 'on' or pg_trigger_depth() > 1 then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  raise exception 'consent_events is append-only: record a new event instead' using errcode = 'raise_exception';
end $$;`);
    this.addSql(
      `create trigger consent_events_append_only before update or delete on "consent_events" for each row execute function consent_events_append_only();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "consent_events" drop constraint "consent_events_purpose_id_foreign";`);

    this.addSql(`alter table "policy_acceptances" drop constraint "policy_acceptances_policy_version_id_foreign";`);

    this.addSql(`alter table "consent_events" drop constraint "consent_events_policy_version_id_foreign";`);

    this.addSql(`drop table if exists "processing_purposes" cascade;`);

    this.addSql(`drop table if exists "policy_versions" cascade;`);

    this.addSql(`drop table if exists "newsletter_signups" cascade;`);

    this.addSql(`drop table if exists "policy_acceptances" cascade;`);

    this.addSql(`drop table if exists "consent_events" cascade;`);
    this.addSql(`drop function if exists consent_events_append_only();`);

    this.addSql(`drop table if exists "tracking_events" cascade;`);

    this.addSql(`alter table "outbox_messages" drop column "headers";`);
  }

}
