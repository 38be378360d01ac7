import { Migration } from '@mikro-orm/migrations';

export class Migration20261125152611_identity extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "outbox_messages" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "recipient" text not null, "template" text not null, "language" text not null, "subject" text not null, "payload" jsonb not null, "status" text check ("status" in ('PENDING', 'SENT', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "sent_at" timestamptz null, "last_error" text null, constraint "outbox_messages_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "outbox_messages_tenant_id_index" on "outbox_messages" ("tenant_id");`);
    this.addSql(
      `create index "outbox_messages_status_created_at_index" on "outbox_messages" ("status", "created_at");`,
    );

    this.addSql(
      `create table "audit_events" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "actor_type" text check ("actor_type" in ('USER', 'SYSTEM', 'ANONYMOUS')) not null, "actor_user_id" uuid null, "action" text not null, "entity_type" text null, "entity_id" uuid null, "outcome" text check ("outcome" in ('ALLOWED', 'DENIED', 'FAILED')) not null, "request_id" text null, "ip" text null, "detail" jsonb not null, constraint "audit_events_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_events_tenant_id_index" on "audit_events" ("tenant_id");`);
    this.addSql(
      `create index "audit_events_tenant_id_created_at_index" on "audit_events" ("tenant_id", "created_at");`,
    );

    this.addSql(
      `create table "users" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "email" text not null, "name" text not null, "preferred_language" text check ("preferred_language" in ('sv', 'en')) not null default 'sv', "role" text check ("role" in ('ADMIN', 'EMPLOYEE', 'CONTRACTOR', 'CUSTOMER')) not null, "status" text check ("status" in ('INVITED', 'ACTIVE', 'DISABLED')) not null default 'INVITED', "password_hash" text null, "last_login_at" timestamptz null, constraint "users_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "users_tenant_id_index" on "users" ("tenant_id");`);
    this.addSql(`create unique index users_tenant_email_unique on users (tenant_id, lower(email));`);

    this.addSql(
      `create table "sessions" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "user_id" uuid not null, "token_hash" text not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "ip" text null, "user_agent" text null, constraint "sessions_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "sessions_tenant_id_index" on "sessions" ("tenant_id");`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "auth_tokens" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "user_id" uuid not null, "purpose" text check ("purpose" in ('INVITATION', 'PASSWORD_RESET')) not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "auth_tokens_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "auth_tokens_tenant_id_index" on "auth_tokens" ("tenant_id");`);
    this.addSql(`create index "auth_tokens_user_id_index" on "auth_tokens" ("user_id");`);
    this.addSql(`alter table "auth_tokens" add constraint "auth_tokens_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `alter table "outbox_messages" add constraint "outbox_messages_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "audit_events" add constraint "audit_events_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "users" add constraint "users_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "sessions" add constraint "sessions_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "auth_tokens" add constraint "auth_tokens_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "auth_tokens" add constraint "auth_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    // Tenant isolation, wall two: row-level security, forced on the owner too. The setting is made
    // per transaction (set_config(..., true)); after it, it reads '' and nullif turns that into no rows.
    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['users', 'sessions', 'auth_tokens', 'audit_events', 'outbox_messages']) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy tenant_isolation on "${table}" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
      );
    }
    this.addSql(`alter table "tenants" enable row level security;`);
    this.addSql(`alter table "tenants" force row level security;`);
    this.addSql(`create policy tenant_isolation on "tenants" using (id = ${current}) with check (id = ${current});`);

    // The one look-up that precedes knowing the tenant: which agencies have a login for this e-mail.
    // SECURITY DEFINER runs it as the owner (BYPASSRLS); it returns ids only, never a hash.
    this.addSql(`create function sitecare_login_candidates(p_email text) returns table (tenant_id uuid, user_id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
        select u.tenant_id, u.id from users u where lower(u.email) = lower(p_email) order by u.created_at
      $$;`);
    this.addSql(`revoke all on function sitecare_login_candidates(text) from public;`);

    // Login throttling state (rate-limiter-flexible's PostgreSQL store); keys are hashes, not addresses.
    this.addSql(
      `create table "rate_limits" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limits";`);
    this.addSql(`drop function if exists sitecare_login_candidates(text);`);
    this.addSql(`drop policy if exists tenant_isolation on "tenants";`);
    this.addSql(`alter table "tenants" no force row level security;`);
    this.addSql(`alter table "tenants" disable row level security;`);
    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);

    this.addSql(`alter table "auth_tokens" drop constraint "auth_tokens_user_id_foreign";`);

    this.addSql(`drop table if exists "outbox_messages" cascade;`);

    this.addSql(`drop table if exists "audit_events" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`drop table if exists "auth_tokens" cascade;`);
  }
}
