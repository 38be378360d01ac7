// The two database roles behind tenant isolation's second wall (row-level security):
// the owner runs migrations and owns the tables; the application role only reads and writes rows.
import { Client } from 'pg';

export const OWNER_ROLE = 'sitecare_owner';
export const APP_ROLE = 'sitecare_app';

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * As a superuser: creates (or updates) both roles and hands `database` to the owner. Roles are
 * cluster-wide, so this runs outside migrations. The owner has BYPASSRLS for the explicit system
 * path (migrations, seeding, cross-tenant jobs and the login look-up function); the app role has not.
 */
export async function provisionRoles(
  superuserUrl: string,
  database: string,
  passwords: { owner: string; app: string },
): Promise<void> {
  await withClient(superuserUrl, async (client) => {
    // Roles are the cluster's: two processes provisioning at once (test files side by side) would both
    // alter a role and one would fail with "tuple concurrently updated". One at a time, for the session.
    await client.query('select pg_advisory_lock(hashtext($1))', ['sitecare provision roles']);
    const ensure = async (role: string, password: string, attributes: string) => {
      const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      const verb = rowCount ? 'alter' : 'create';
      const literal = client.escapeLiteral(password);
      await client.query(`${verb} role ${role} with ${attributes} password ${literal}`);
    };
    await ensure(OWNER_ROLE, passwords.owner, 'login nosuperuser bypassrls nocreaterole nocreatedb');
    await ensure(APP_ROLE, passwords.app, 'login nosuperuser nobypassrls nocreaterole nocreatedb noinherit');
    await client.query(`alter database ${client.escapeIdentifier(database)} owner to ${OWNER_ROLE}`);
    await client.query(`revoke all on database ${client.escapeIdentifier(database)} from public`);
    await client.query(`grant connect, temporary on database ${client.escapeIdentifier(database)} to ${APP_ROLE}`);
  });
  // PostgreSQL 15+: the public schema belongs to the database owner only after this.
  await withClient(withDatabaseName(superuserUrl, database), async (client) => {
    await client.query(`alter schema public owner to ${OWNER_ROLE}`);
  });
}

/**
 * As the owner, after migrations: the application role may read and write rows of every table,
 * may only append to the audit log, and may call the functions meant for it. Runs at every boot,
 * so tables added by a migration are covered.
 */
export async function grantApplicationRole(ownerUrl: string, appRole: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const role = client.escapeIdentifier(appRole);
    await client.query(`grant usage on schema public to ${role}`);
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${role}`);
    await client.query(`grant usage, select on all sequences in schema public to ${role}`);
    // Append-only, enforced by the database: no update or delete on the audit log.
    await client.query(`revoke update, delete, truncate on audit_events from ${role}`);
    await client.query(`revoke all on mikro_orm_migrations from ${role}`);
    await client.query(`grant execute on all functions in schema public to ${role}`);
  });
}

export interface RoleFacts {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  ownedTables: number;
}

/** What the connection in `url` may do: S10 wants no superuser, no BYPASSRLS and no owned tables. */
export async function roleFacts(url: string): Promise<RoleFacts> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `select current_user as role, r.rolsuper as superuser, r.rolbypassrls as bypass_rls,
              (select count(*) from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as owned
         from pg_roles r where r.rolname = current_user`,
    );
    return {
      role: rows[0].role,
      superuser: rows[0].superuser,
      bypassRls: rows[0].bypass_rls,
      ownedTables: Number(rows[0].owned),
    };
  });
}

export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
