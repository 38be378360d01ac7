import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20: passkeys (WebAuthn discoverable credentials), a second factor and a login of their own.
 *
 * - `passkeys`: one user's credentials (the public key only), tenant-isolated, with a viewer rule:
 *   staff and SYSTEM of the agency (an admin's second-factor reset removes them), else the viewer's
 *   own rows only (the service reads and removes the viewer's own for everyone).
 * - sitecare_passkey_owner(credential id): the one look-up of a usernameless login, made before a
 *   tenant is known (as sitecare_login_candidates for an e-mail): ids only, never a key.
 * - `webauthn_challenges`: every challenge the server handed out, stored as its SHA-256, with its
 *   purpose, the session it was made for (none for a usernameless login) and its expiry; taken
 *   exactly once by `delete … returning`. Outside any agency (a usernameless login has none yet),
 *   as `rate_limits`; it holds nothing about a person.
 */
export class Migration20261207002557_passkeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "passkeys" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "user_id" uuid not null, "credential_id" text not null, "public_key" text not null, "counter" bigint not null default 0, "transports" text[] not null, "name" text not null, "last_used_at" timestamptz null, constraint "passkeys_pkey" primary key ("id"));`);
    this.addSql(`create index "passkeys_tenant_id_index" on "passkeys" ("tenant_id");`);
    this.addSql(`create index "passkeys_user_id_index" on "passkeys" ("user_id");`);
    this.addSql(`alter table "passkeys" add constraint "passkeys_credential_id_unique" unique ("credential_id");`);
    this.addSql(`alter table "passkeys" add constraint "passkeys_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "passkeys" add constraint "passkeys_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    const visible = `(select sitecare_viewer_sees_all()) or user_id = (select sitecare_viewer_user())`;
    this.addSql(`alter table "passkeys" enable row level security;`);
    this.addSql(`alter table "passkeys" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "passkeys" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
    );
    this.addSql(
      `create policy viewer_rule on "passkeys" as restrictive for all using (${visible}) with check (${visible});`,
    );

    this.addSql(`create function sitecare_passkey_owner(p_credential_id text) returns table (tenant_id uuid, user_id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
        select p.tenant_id, p.user_id from passkeys p where p.credential_id = p_credential_id
      $$;`);
    this.addSql(`revoke all on function sitecare_passkey_owner(text) from public;`);

    this.addSql(`create table "webauthn_challenges" (
        "challenge_hash" text primary key,
        "purpose" text not null check ("purpose" in ('REGISTER', 'LOGIN', 'SECOND_STEP', 'STEP_UP')),
        "session_id" uuid null,
        "expires_at" timestamptz not null);`);
    this.addSql(`create index "webauthn_challenges_expires_at_index" on "webauthn_challenges" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webauthn_challenges";`);
    this.addSql(`drop function if exists sitecare_passkey_owner(text);`);
    this.addSql(`drop table if exists "passkeys" cascade;`);
  }
}
