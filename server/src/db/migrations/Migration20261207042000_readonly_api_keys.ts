import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21: a read-only API key role. A READONLY key reads as an EMPLOYEE and every write is refused
 * (graphql/authorization.ts: `refuseReadOnlyWrite`, used by mutations and by the HTTP routes that write).
 */
export class Migration20261207042000_readonly_api_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "api_keys" drop constraint if exists "api_keys_role_check";`);
    this.addSql(
      `alter table "api_keys" add constraint "api_keys_role_check" check ("role" in ('EMPLOYEE', 'READONLY'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "api_keys" where "role" = 'READONLY';`);
    this.addSql(`alter table "api_keys" drop constraint if exists "api_keys_role_check";`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_role_check" check ("role" in ('EMPLOYEE'));`);
  }
}
