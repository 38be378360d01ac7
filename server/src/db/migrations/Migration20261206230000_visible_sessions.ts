import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20, sessions you can see. Two definitions, written once here and used by every path:
 *
 * - sitecare_session_live(session, idle seconds): a session is live while it is not revoked, before
 *   its absolute timeout and within its idle timeout. Resuming a session (both functions, which the
 *   resolvers and the compiled SQL use) and the list of a user's sessions ask it.
 * - sitecare_truncate_ip(ip): the approximate place of an address: IPv4 to its /24 (203.0.113.57 →
 *   203.0.113.0), IPv6 to its /48; an IPv4-mapped IPv6 address as IPv4; anything unparsable null.
 *   The visit log's retention and the session list use it.
 */

/** The inline condition of migration second_factor, which `down()` restores. */
const OLD_LIVE = `s.revoked_at is null
           and s.expires_at > now() and s.last_seen_at + make_interval(secs => p_idle_seconds) > now()`;
const LIVE = 'sitecare_session_live(s, p_idle_seconds)';

/** sitecare_resume_session (migration second_factor) with `live` as its session condition. */
const resumeSession = (live: string) => `create or replace function sitecare_resume_session(
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
         where s.token_hash = p_token_hash and s.tenant_id = p_tenant and s.pending_step is null
           and ${live}
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

/** sitecare_resume_pending_session (migration second_factor) with `live` as its session condition. */
const resumePendingSession = (live: string) => `create or replace function sitecare_resume_pending_session(
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
         where s.token_hash = p_token_hash and s.tenant_id = p_tenant and s.pending_step is not null
           and ${live}
           and u.status = 'ACTIVE';
        if v_session is null then
          perform set_config('app.tenant_id', '', true);
          perform sitecare_set_viewer(null, null);
          return;
        end if;
        perform sitecare_set_viewer(v_user, null);
        return query select v_session, v_user, v_role, v_pending;
      end $$;`;

export class Migration20261206230000_visible_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function sitecare_truncate_ip(p_ip text) returns text
      language plpgsql immutable strict parallel safe as $$
      declare
        v inet;
      begin
        v := regexp_replace(p_ip, '^::ffff:(\\d+\\.\\d+\\.\\d+\\.\\d+)$', '\\1')::inet;
        return host(network(set_masklen(v, case family(v) when 4 then 24 else 48 end)));
      exception when invalid_text_representation then
        return null;
      end $$;`);
    this.addSql(`create function sitecare_session_live(s sessions, p_idle_seconds double precision)
      returns boolean language sql stable as $$
        select s.revoked_at is null and s.expires_at > now()
           and s.last_seen_at + make_interval(secs => p_idle_seconds) > now()
      $$;`);
    this.addSql(resumeSession(LIVE));
    this.addSql(resumePendingSession(LIVE));
  }

  override async down(): Promise<void> {
    this.addSql(resumeSession(OLD_LIVE));
    this.addSql(resumePendingSession(OLD_LIVE));
    this.addSql('drop function sitecare_session_live(sessions, double precision);');
    this.addSql('drop function sitecare_truncate_ip(text);');
  }
}
