import { Migration } from '@mikro-orm/migrations';

/**
 * Resuming a session in one statement: it scopes the transaction to the cookie's tenant (row-level
 * security), finds the session if it is still valid (not revoked, before its absolute and idle
 * timeouts, its user active), refreshes `last_seen_at` when it is older than `p_touch_seconds`, and
 * clears the tenant again when nothing valid was found. Security invoker: the application role's own
 * row-level security applies to every row it reads or writes.
 */
export class Migration20261202141000_session_resume extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function sitecare_resume_session(
        p_tenant uuid, p_token_hash text, p_idle_seconds double precision, p_touch_seconds double precision)
      returns table (session_id uuid, user_id uuid, role text)
      language plpgsql volatile security invoker as $$
      begin
        perform set_config('app.tenant_id', p_tenant::text, true);
        return query
          with valid as (
            select s.id, s.user_id, u.role::text as role, s.last_seen_at
              from sessions s join users u on u.id = s.user_id
             where s.token_hash = p_token_hash and s.tenant_id = p_tenant and s.revoked_at is null
               and s.expires_at > now() and s.last_seen_at + make_interval(secs => p_idle_seconds) > now()
               and u.status = 'ACTIVE'
          ), touched as (
            update sessions s set last_seen_at = now(), updated_at = now() from valid v
             where s.id = v.id and v.last_seen_at < now() - make_interval(secs => p_touch_seconds)
            returning s.id
          )
          select v.id, v.user_id, v.role from valid v;
        if not found then
          perform set_config('app.tenant_id', '', true);
        end if;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function sitecare_resume_session(uuid, text, double precision, double precision);');
  }
}
