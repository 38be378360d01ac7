import { Migration } from '@mikro-orm/migrations';

export class Migration20261125155610_care extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "customers" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "name" text not null, "organisation_number" text null, "billing_country" char(2) not null, "notes" text null, constraint "customers_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "customers_tenant_id_index" on "customers" ("tenant_id");`);
    this.addSql(`create index "customers_tenant_id_name_index" on "customers" ("tenant_id", "name");`);

    this.addSql(
      `create table "sites" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "customer_id" uuid not null, "domain" text not null, "platform" text check ("platform" in ('WORDPRESS', 'WOOCOMMERCE', 'WEBFLOW', 'STATIC', 'OTHER')) not null, "production_url" text not null, "staging_url" text null, "status" text check ("status" in ('ACTIVE', 'PAUSED', 'ENDED')) not null default 'ACTIVE', constraint "sites_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "sites_tenant_id_index" on "sites" ("tenant_id");`);
    this.addSql(`create index "sites_tenant_id_customer_id_index" on "sites" ("tenant_id", "customer_id");`);
    this.addSql(`alter table "sites" add constraint "sites_tenant_id_domain_unique" unique ("tenant_id", "domain");`);

    this.addSql(
      `create table "site_credentials" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "site_id" uuid not null, "kind" text check ("kind" in ('CMS_ADMIN', 'SFTP', 'SSH', 'HOSTING_PANEL', 'DNS', 'DATABASE', 'OTHER')) not null, "label" text not null, "url" text null, "username" text null, "secret_ciphertext" text not null, "key_version" int not null, "notes" text null, "last_revealed_at" timestamptz null, constraint "site_credentials_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "site_credentials_tenant_id_index" on "site_credentials" ("tenant_id");`);
    this.addSql(
      `create index "site_credentials_tenant_id_site_id_index" on "site_credentials" ("tenant_id", "site_id");`,
    );

    this.addSql(
      `create table "site_backups" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "site_id" uuid not null, "taken_at" timestamptz not null, "location" text not null, "size_bytes" bigint not null, "expires_at" timestamptz not null, constraint "site_backups_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "site_backups_tenant_id_index" on "site_backups" ("tenant_id");`);
    this.addSql(
      `create index "site_backups_tenant_id_site_id_taken_at_index" on "site_backups" ("tenant_id", "site_id", "taken_at");`,
    );

    this.addSql(
      `create table "contacts" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "customer_id" uuid not null, "name" text not null, "email" text not null, "phone" text null, "postal_code" text null, "country" char(2) null, "preferred_language" text not null default 'sv', "social_identities" jsonb not null, "notes" text null, constraint "contacts_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "contacts_tenant_id_index" on "contacts" ("tenant_id");`);
    this.addSql(`create index contacts_tenant_email_index on contacts (tenant_id, lower(email));`);
    this.addSql(`create index "contacts_tenant_id_customer_id_index" on "contacts" ("tenant_id", "customer_id");`);

    this.addSql(
      `create table "site_assignments" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "site_id" uuid not null, "user_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "reason" text null, constraint "site_assignments_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "site_assignments_tenant_id_index" on "site_assignments" ("tenant_id");`);
    this.addSql(
      `create index "site_assignments_tenant_id_user_id_site_id_index" on "site_assignments" ("tenant_id", "user_id", "site_id");`,
    );

    this.addSql(
      `alter table "customers" add constraint "customers_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "sites" add constraint "sites_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "sites" add constraint "sites_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "site_credentials" add constraint "site_credentials_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "site_credentials" add constraint "site_credentials_site_id_foreign" foreign key ("site_id") references "sites" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "site_backups" add constraint "site_backups_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "site_backups" add constraint "site_backups_site_id_foreign" foreign key ("site_id") references "sites" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "contacts" add constraint "contacts_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "contacts" add constraint "contacts_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "site_assignments" add constraint "site_assignments_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "site_assignments" add constraint "site_assignments_site_id_foreign" foreign key ("site_id") references "sites" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "site_assignments" add constraint "site_assignments_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "users" add column "contact_id" uuid null;`);
    this.addSql(
      `alter table "users" add constraint "users_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "users_contact_id_index" on "users" ("contact_id");`);

    // Row-level security on every new tenant table (see the identity migration).
    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['customers', 'contacts', 'sites', 'site_assignments', 'site_backups', 'site_credentials']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sites" drop constraint "sites_customer_id_foreign";`);

    this.addSql(`alter table "contacts" drop constraint "contacts_customer_id_foreign";`);

    this.addSql(`alter table "site_credentials" drop constraint "site_credentials_site_id_foreign";`);

    this.addSql(`alter table "site_backups" drop constraint "site_backups_site_id_foreign";`);

    this.addSql(`alter table "site_assignments" drop constraint "site_assignments_site_id_foreign";`);

    this.addSql(`alter table "users" drop constraint "users_contact_id_foreign";`);

    this.addSql(`drop table if exists "customers" cascade;`);

    this.addSql(`drop table if exists "sites" cascade;`);

    this.addSql(`drop table if exists "site_credentials" cascade;`);

    this.addSql(`drop table if exists "site_backups" cascade;`);

    this.addSql(`drop table if exists "contacts" cascade;`);

    this.addSql(`drop table if exists "site_assignments" cascade;`);

    this.addSql(`drop index "users_contact_id_index";`);
    this.addSql(`alter table "users" drop column "contact_id";`);
  }
}
