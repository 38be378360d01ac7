import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20 (S33, S34): a second factor (TOTP, sealed under the keyring; recovery codes stored as
 * SHA-256 hashes), a session's pending step (a password was right but the second step is still owed:
 * SECOND_FACTOR; or the agency requires a factor the user has not set up: SETUP) and the time of its
 * last second step (step-up), and each agency's roles that must have a second factor.
 *
 * A pending session is not a session for anything but finishing the login: sitecare_resume_session
 * (which the resolvers and the compiled SQL both use) does not return it, so no compiled read and no
 * resolver sees a viewer; only sitecare_resume_pending_session, called by the resolvers' path when
 * the first finds nothing, gives the half-logged-in viewer, whose every operation but finishing the
 * login is refused by the permission check (graphql/authorization.ts).
 */
/** sitecare_resume_session (migration viewer_rules), with one more condition on the session. */
const resumeSession = (condition: string) => `create or replace function sitecare_resume_session(
        p_tenant uuid, p_token_hash text, p_idle_seconds double precision, p_touch_seconds double precision)
      returns table (session_id uuid, user_id uuid, role text)
      language plpgsql volatile security invoker as $$
      declare
        v_session uuid;
        v_user uuid;
        v_role text;
        v_seen timestamptz;
      begin
        perform set_config('app.tenant_id', p_tenant::text, true);
        select s.id, s.user_id, u.role::text, s.last_seen_at into v_session, v_user, v_role, v_seen
          from sessions s join users u on u.id = s.user_id
         where s.token_hash = p_token_hash and s.tenant_id = p_tenant and s.revoked_at is null
${condition}
           and s.expires_at > now() and s.last_seen_at + make_interval(secs => p_idle_seconds) > now()
           and u.status = 'ACTIVE';
        if v_session is null then
          perform set_config('app.tenant_id', '', true);
          perform sitecare_set_viewer(null, null);
          return;
        end if;
        if v_seen < now() - make_interval(secs => p_touch_seconds) then
          update sessions s set last_seen_at = now(), updated_at = now() where s.id = v_session;
        end if;
        perform sitecare_set_viewer(v_user, null);
        return query select v_session, v_user, v_role;
      end $$;`;

export class Migration20261206220000_second_factor extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users"
      add column "totp_secret_ciphertext" text null,
      add column "totp_confirmed_at" timestamptz null,
      add column "totp_last_step" int null,
      add column "recovery_code_hashes" text[] not null default '{}';`);
    this.addSql(`alter table "sessions"
      add column "pending_step" text null,
      add column "step_up_at" timestamptz null;`);
    this.addSql(`alter table "sessions" add constraint "sessions_pending_step_check"
      check ("pending_step" in ('SECOND_FACTOR', 'SETUP'));`);
    // Existing agencies (and the demo) keep password-only logins until an admin turns it on;
    // new agencies get the default from createTenant.
    this.addSql(`alter table "tenants" add column "second_factor_roles" text[] not null default '{}';`);

    this.addSql(resumeSession('and s.pending_step is null'));

    // The half-logged-in session: the same checks, only for a session with a pending step. It sets
    // the tenant and the viewer (setting up a factor writes the user's own row).
    this.addSql(`create function sitecare_resume_pending_session(
        p_tenant uuid, p_token_hash text, p_idle_seconds double precision)
      returns table (session_id uuid, user_id uuid, role text, pending_step text)
      language plpgsql volatile security invoker as $$
      declare
        v_session uuid;
        v_user uuid;
        v_role text;
        v_pending text;
      begin
        perform set_config('app.tenant_id', p_tenant::text, true);
        select s.id, s.user_id, u.role::text, s.pending_step into v_session, v_user, v_role, v_pending
          from sessions s join users u on u.id = s.user_id
         where s.token_hash = p_token_hash and s.tenant_id = p_tenant and s.revoked_at is null
           and s.pending_step is not null
           and s.expires_at > now() and s.last_seen_at + make_interval(secs => p_idle_seconds) > now()
           and u.status = 'ACTIVE';
        if v_session is null then
          perform set_config('app.tenant_id', '', true);
          perform sitecare_set_viewer(null, null);
          return;
        end if;
        perform sitecare_set_viewer(v_user, null);
        return query select v_session, v_user, v_role, v_pending;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function sitecare_resume_pending_session(uuid, text, double precision);');
    this.addSql(`update sessions set revoked_at = now() where pending_step is not null and revoked_at is null;`);
    this.addSql(resumeSession(''));
    this.addSql(`alter table "sessions" drop constraint "sessions_pending_step_check";`);
    this.addSql(`alter table "sessions" drop column "pending_step", drop column "step_up_at";`);
    this.addSql(`alter table "users" drop column "totp_secret_ciphertext", drop column "totp_confirmed_at",
      drop column "totp_last_step", drop column "recovery_code_hashes";`);
    this.addSql(`alter table "tenants" drop column "second_factor_roles";`);
  }
}
