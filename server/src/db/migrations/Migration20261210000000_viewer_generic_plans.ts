import { Migration } from '@mikro-orm/migrations';

/**
 * Every request sets its viewer (`sitecare_set_viewer`, from the session's resume), and the viewer's
 * query of assigned sites was planned again on every call: PL/pgSQL keeps a statement's custom plan
 * while the generic one is estimated dearer, and for a user with no assignments (every member of
 * staff) the custom plan always looks cheaper. Planning that join cost about 90 µs of the call's
 * 130 µs (a loop of calls inside PostgreSQL, on the bench's scale data), on every request of every
 * role. The functions of the session's resume keep their generic plans: the same index look-ups for
 * every user, planned once per connection.
 */
const FUNCTIONS = [
  'sitecare_set_viewer(uuid, text)',
  'sitecare_resume_session(uuid, text, double precision, double precision)',
  'sitecare_resume_session_as(uuid, text, double precision, double precision, uuid, text)',
];

export class Migration20261210000000_viewer_generic_plans extends Migration {
  override async up(): Promise<void> {
    for (const fn of FUNCTIONS) this.addSql(`alter function ${fn} set plan_cache_mode = force_generic_plan;`);
  }

  override async down(): Promise<void> {
    for (const fn of FUNCTIONS) this.addSql(`alter function ${fn} reset plan_cache_mode;`);
  }
}
