import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21, API keys (S35): the table (tenant wall; only admins reach it, through the permission
 * matrix), audit events whose actor is a key, and `sitecare_resume_api_key`: the key's counterpart of
 * sitecare_resume_session. It scopes the transaction to the key's agency, checks the key (not revoked,
 * not expired, its admin still an active member of staff), refreshes its last use once a minute, and
 * sets PostgreSQL's viewer with the same `sitecare_set_viewer` a session uses (the admin who made the
 * key: a member of staff, whose rows are those of an EMPLOYEE); nothing valid: no tenant, no viewer.
 */
export class Migration20261207002636_api_keys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_keys" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tenant_id" uuid not null, "name" text not null, "role" text check ("role" in ('EMPLOYEE')) not null, "hint" text not null, "token_hash" text not null, "created_by_id" uuid not null, "expires_at" timestamptz null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_keys_pkey" primary key ("id"));`);
    this.addSql(`create index "api_keys_tenant_id_index" on "api_keys" ("tenant_id");`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "api_keys_created_by_id_index" on "api_keys" ("created_by_id");`);

    this.addSql(`alter table "api_keys" add constraint "api_keys_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "audit_events" drop constraint if exists "audit_events_actor_type_check";`);

    this.addSql(`alter table "audit_events" add constraint "audit_events_actor_type_check" check("actor_type" in ('USER', 'SYSTEM', 'ANONYMOUS', 'API_KEY'));`);

    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;
    this.addSql(`alter table "api_keys" enable row level security;`);
    this.addSql(`alter table "api_keys" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "api_keys" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
    );
    this.addSql(`create function sitecare_resume_api_key(p_tenant uuid, p_token_hash text, p_touch_seconds double precision)
      returns table (key_id uuid, key_name text, role text, user_id uuid)
      language plpgsql volatile security invoker as $$
      declare
        v_key uuid;
        v_name text;
        v_role text;
        v_user uuid;
        v_used timestamptz;
      begin
        perform set_config('app.tenant_id', p_tenant::text, true);
        select k.id, k.name, k.role, k.created_by_id, k.last_used_at into v_key, v_name, v_role, v_user, v_used
          from api_keys k join users u on u.id = k.created_by_id and u.tenant_id = k.tenant_id
         where k.token_hash = p_token_hash and k.tenant_id = p_tenant and k.revoked_at is null
           and (k.expires_at is null or k.expires_at > now())
           and u.status = 'ACTIVE' and u.role in ('ADMIN', 'EMPLOYEE');
        if v_key is null then
          perform set_config('app.tenant_id', '', true);
          perform sitecare_set_viewer(null, null);
          return;
        end if;
        if v_used is null or v_used < now() - make_interval(secs => p_touch_seconds) then
          update api_keys k set last_used_at = now(), updated_at = now() where k.id = v_key;
        end if;
        perform sitecare_set_viewer(v_user, null);
        return query select v_key, v_name, v_role, v_user;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists sitecare_resume_api_key(uuid, text, double precision);`);
    this.addSql(`drop table if exists "api_keys" cascade;`);

    this.addSql(`alter table "audit_events" drop constraint if exists "audit_events_actor_type_check";`);

    this.addSql(`alter table "audit_events" add constraint "audit_events_actor_type_check" check("actor_type" in ('USER', 'SYSTEM', 'ANONYMOUS'));`);
  }

}
