import { Migration } from '@mikro-orm/migrations';

export class Migration20261125181149_privacy_base extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "suppression_entries" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "kind" text check ("kind" in ('EMAIL', 'PHONE')) not null, "hash" text not null, "reason" text not null, constraint "suppression_entries_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "suppression_entries_tenant_id_index" on "suppression_entries" ("tenant_id");`);
    this.addSql(
      `alter table "suppression_entries" add constraint "suppression_entries_tenant_id_kind_hash_unique" unique ("tenant_id", "kind", "hash");`,
    );

    this.addSql(
      `alter table "suppression_entries" add constraint "suppression_entries_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );

    // Existing agencies get a random salt; new ones get theirs from the application.
    this.addSql(
      `alter table "tenants" add column "privacy_salt" text not null default md5(random()::text || clock_timestamp()::text) || md5(random()::text);`,
    );
    this.addSql(`alter table "tenants" alter column "privacy_salt" drop default;`);

    this.addSql(
      `alter table "contacts" add column "processing_restricted_at" timestamptz null, add column "marketing_objected_at" timestamptz null, add column "age_confirmed" boolean null, add column "minor_status" text check ("minor_status" in ('NONE', 'SUSPECTED', 'PARENTAL_CONSENT')) not null default 'NONE', add column "minor_flagged_at" timestamptz null, add column "minor_erasure_due_at" timestamptz null, add column "parental_consent" jsonb null, add column "erased_at" timestamptz null;`,
    );

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    this.addSql(`alter table "suppression_entries" enable row level security;`);
    this.addSql(`alter table "suppression_entries" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "suppression_entries" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "suppression_entries" cascade;`);

    this.addSql(
      `alter table "contacts" drop column "processing_restricted_at", drop column "marketing_objected_at", drop column "age_confirmed", drop column "minor_status", drop column "minor_flagged_at", drop column "minor_erasure_due_at", drop column "parental_consent", drop column "erased_at";`,
    );

    this.addSql(`alter table "tenants" drop column "privacy_salt";`);
  }
}
