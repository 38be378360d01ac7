import { Migration } from '@mikro-orm/migrations';

/**
 * Resuming a session for a statement compiled for a known viewer (graphql/sql, a mutation sent in
 * one round trip with the session ahead of it): as sitecare_resume_session, but the session must
 * still belong to `p_user_id` with role `p_role`. Anything else raises (SQLSTATE 28000), which aborts
 * the round trip's transaction before the statements after it run: nothing is read or written for a
 * session that has ended or whose user's role has changed.
 */
export class Migration20261202200000_session_resume_as extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function sitecare_resume_session_as(
        p_tenant uuid, p_token_hash text, p_idle_seconds double precision, p_touch_seconds double precision,
        p_user_id uuid, p_role text)
      returns table (session_id uuid, user_id uuid, role text)
      language plpgsql volatile security invoker as $$
      begin
        return query
          select v.session_id, v.user_id, v.role
            from sitecare_resume_session(p_tenant, p_token_hash, p_idle_seconds, p_touch_seconds) v
           where v.user_id = p_user_id and v.role = p_role;
        if not found then
          raise exception 'the session is not the one the statement was compiled for'
            using errcode = 'invalid_authorization_specification';
        end if;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      'drop function sitecare_resume_session_as(uuid, text, double precision, double precision, uuid, text);',
    );
  }
}
