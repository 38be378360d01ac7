import { Migration } from '@mikro-orm/migrations';

export class Migration20261125182054_privacy_requests extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "privacy_request_tokens" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "email" text not null, "type" text check ("type" in ('ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'OBJECTION', 'PORTABILITY', 'WITHDRAW_CONSENT')) not null, "details" text null, "language" text not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "privacy_request_tokens_pkey" primary key ("id"));`);
    this.addSql(`create index "privacy_request_tokens_tenant_id_index" on "privacy_request_tokens" ("tenant_id");`);
    this.addSql(`alter table "privacy_request_tokens" add constraint "privacy_request_tokens_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "privacy_requests" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "type" text check ("type" in ('ACCESS', 'RECTIFICATION', 'ERASURE', 'RESTRICTION', 'OBJECTION', 'PORTABILITY', 'WITHDRAW_CONSENT')) not null, "requester_email" text not null, "language" text not null default 'sv', "contact_ids" jsonb not null, "channel" text check ("channel" in ('PUBLIC_PAGE', 'PORTAL', 'STAFF')) not null, "status" text check ("status" in ('RECEIVED', 'IDENTITY_VERIFIED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED')) not null default 'RECEIVED', "details" text null, "received_at" timestamptz not null, "due_at" timestamptz not null, "identity_verified_at" timestamptz null, "extended_at" timestamptz null, "extension_reason" text null, "assignee_id" uuid null, "completed_at" timestamptz null, "rejection_reason" text null, "result" jsonb null, "overdue_notified_at" timestamptz null, constraint "privacy_requests_pkey" primary key ("id"));`);
    this.addSql(`create index "privacy_requests_tenant_id_index" on "privacy_requests" ("tenant_id");`);
    this.addSql(`create index "privacy_requests_tenant_id_due_at_index" on "privacy_requests" ("tenant_id", "due_at");`);
    this.addSql(`create index "privacy_requests_tenant_id_status_due_at_index" on "privacy_requests" ("tenant_id", "status", "due_at");`);

    this.addSql(`create table "privacy_exports" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "request_id" uuid not null, "content" bytea not null, "token_hash" text null, "expires_at" timestamptz not null, "downloaded_at" timestamptz null, constraint "privacy_exports_pkey" primary key ("id"));`);
    this.addSql(`create index "privacy_exports_tenant_id_index" on "privacy_exports" ("tenant_id");`);
    this.addSql(`create index "privacy_exports_request_id_index" on "privacy_exports" ("request_id");`);
    this.addSql(`alter table "privacy_exports" add constraint "privacy_exports_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "privacy_request_tokens" add constraint "privacy_request_tokens_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "privacy_requests" add constraint "privacy_requests_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "privacy_requests" add constraint "privacy_requests_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "privacy_exports" add constraint "privacy_exports_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "privacy_exports" add constraint "privacy_exports_request_id_foreign" foreign key ("request_id") references "privacy_requests" ("id") on update cascade on delete cascade;`);

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['privacy_requests', 'privacy_request_tokens', 'privacy_exports']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "privacy_exports" drop constraint "privacy_exports_request_id_foreign";`);

    this.addSql(`drop table if exists "privacy_request_tokens" cascade;`);

    this.addSql(`drop table if exists "privacy_requests" cascade;`);

    this.addSql(`drop table if exists "privacy_exports" cascade;`);
  }

}
