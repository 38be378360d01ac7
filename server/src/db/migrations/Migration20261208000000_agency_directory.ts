import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 26, before the keys change: the two tables that lacked an agency get one.
 *
 * - `webhook_events` (the provider events' ledger) records the agency whose URL the event came
 *   through (issue 17: `/webhooks/<provider>/<agency slug>`), and deduplicates per agency. Rows recorded
 *   before have no link to an agency: they are given the oldest agency (the one the single-agency URLs
 *   served), so no row is lost; a replay of such an old event through another agency's URL is then
 *   recorded anew, and acts, as before, on that agency's payments only.
 * - `login_directory`: the one look-up made before a login knows its agency (which agencies have a
 *   login for an e-mail) reads this small table instead of every agency's `users`. It holds the
 *   SHA-256 of the lower-cased address (no address), the agency and the login; a trigger on `users`
 *   keeps it, in the same transaction, for every path that creates, renames or deletes a login. It is
 *   designed as a Citus reference table (server/src/db/citus.sql): one copy on every node.
 */
export class Migration20261208000000_agency_directory extends Migration {
  override async up(): Promise<void> {
    const current = `nullif(current_setting('app.tenant_id', true), '')::uuid`;

    this.addSql(`alter table "webhook_events" add column "tenant_id" uuid null;`);
    this.addSql(
      `update "webhook_events" set "tenant_id" = (select "id" from "tenants" order by "created_at", "id" limit 1);`,
    );
    // An installation with no agency has no events either; should one exist, it cannot be kept.
    this.addSql(`delete from "webhook_events" where "tenant_id" is null;`);
    this.addSql(`alter table "webhook_events" alter column "tenant_id" set not null;`);
    this.addSql(`alter table "webhook_events" drop constraint "webhook_events_provider_event_id_unique";`);
    this.addSql(
      `alter table "webhook_events" add constraint "webhook_events_tenant_id_provider_event_id_unique" unique ("tenant_id", "provider", "event_id");`,
    );
    this.addSql(`create index "webhook_events_tenant_id_index" on "webhook_events" ("tenant_id");`);
    this.addSql(
      `alter table "webhook_events" add constraint "webhook_events_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "webhook_events" enable row level security;`);
    this.addSql(`alter table "webhook_events" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "webhook_events" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
    );

    this.addSql(`create table "login_directory" (
      "email_hash" bytea not null,
      "tenant_id" uuid not null,
      "user_id" uuid not null,
      "created_at" timestamptz not null,
      constraint "login_directory_pkey" primary key ("email_hash", "tenant_id", "user_id"));`);
    // The application role reaches it only through the functions below (and row-level security
    // would show it its own agency's rows only, which it reads in `users` anyway).
    this.addSql(`alter table "login_directory" enable row level security;`);
    this.addSql(`alter table "login_directory" force row level security;`);
    this.addSql(
      `create policy tenant_isolation on "login_directory" using (tenant_id = ${current}) with check (tenant_id = ${current});`,
    );
    this.addSql(`create function sitecare_login_email_hash(p_email text) returns bytea
      language sql immutable strict parallel safe as $$ select sha256(convert_to(lower(p_email), 'UTF8')) $$;`);
    // One definition of what the directory holds: the trigger runs as the owner (the application
    // role creates and renames logins in requests), for inserts, e-mail changes and deletes.
    this.addSql(`create function sitecare_login_directory_sync() returns trigger
      language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          delete from login_directory d
           where d.email_hash = sitecare_login_email_hash(old.email) and d.tenant_id = old.tenant_id and d.user_id = old.id;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          insert into login_directory (email_hash, tenant_id, user_id, created_at)
          values (sitecare_login_email_hash(new.email), new.tenant_id, new.id, new.created_at)
          on conflict do nothing;
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger login_directory_sync after insert or delete or update of email, tenant_id, id, created_at
      on "users" for each row execute function sitecare_login_directory_sync();`);
    this.addSql(`insert into login_directory (email_hash, tenant_id, user_id, created_at)
      select sitecare_login_email_hash(email), tenant_id, id, created_at from users;`);
    this.addSql(`create or replace function sitecare_login_candidates(p_email text) returns table (tenant_id uuid, user_id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
        select d.tenant_id, d.user_id from login_directory d
         where d.email_hash = sitecare_login_email_hash(p_email) order by d.created_at
      $$;`);
    this.addSql(`revoke all on function sitecare_login_candidates(text) from public;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function sitecare_login_candidates(p_email text) returns table (tenant_id uuid, user_id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
        select u.tenant_id, u.id from users u where lower(u.email) = lower(p_email) order by u.created_at
      $$;`);
    this.addSql(`drop trigger if exists login_directory_sync on "users";`);
    this.addSql(`drop function if exists sitecare_login_directory_sync();`);
    this.addSql(`drop table if exists "login_directory";`);
    this.addSql(`drop function if exists sitecare_login_email_hash(text);`);

    this.addSql(`drop policy if exists tenant_isolation on "webhook_events";`);
    this.addSql(`alter table "webhook_events" no force row level security;`);
    this.addSql(`alter table "webhook_events" disable row level security;`);
    this.addSql(`alter table "webhook_events" drop constraint "webhook_events_tenant_id_foreign";`);
    this.addSql(`alter table "webhook_events" drop constraint "webhook_events_tenant_id_provider_event_id_unique";`);
    // Per agency, one event could have been recorded once per agency: keep the first.
    this.addSql(`delete from "webhook_events" e using "webhook_events" f
      where e.provider = f.provider and e.event_id = f.event_id and (e.created_at, e.id) > (f.created_at, f.id);`);
    this.addSql(
      `alter table "webhook_events" add constraint "webhook_events_provider_event_id_unique" unique ("provider", "event_id");`,
    );
    this.addSql(`drop index if exists "webhook_events_tenant_id_index";`);
    this.addSql(`alter table "webhook_events" drop column "tenant_id";`);
  }
}
