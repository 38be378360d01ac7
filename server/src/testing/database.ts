// One database per test file, cloned from a template that globalSetup made: the migrated one, or the
// migrated one with the demo data.
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { APP_ROLE, OWNER_ROLE, provisionRoles, withCredentials, withDatabaseName } from '../db/roles';
import { DEMO_TEMPLATE_DATABASE, TEMPLATE_DATABASE, TEST_CREDENTIALS_KEY, TEST_ENV, TEST_PASSWORDS } from './env';

export interface TestDatabase {
  name: string;
  /** The application role (row-level security applies). */
  appUrl: string;
  /** The tables' owner (migrations, seeding). */
  ownerUrl: string;
  /** The superuser, for inspecting what the roles cannot see. */
  superuserUrl: string;
  /** Environment for a server process on this database. */
  env: { DATABASE_URL: string; DATABASE_MIGRATION_URL: string; CREDENTIALS_KEY: string };
  drop(): Promise<void>;
}

export function adminUrl(): string {
  const url = process.env[TEST_ENV.adminUrl];
  if (!url)
    throw new Error(`${TEST_ENV.adminUrl} is not set: run the tests through jest (globalSetup starts PostgreSQL)`);
  return url;
}

/**
 * A few kept connections per URL (issue 24): opening one costs a backend and a SCRAM exchange, 40 to
 * 60 ms on a loaded machine, against well under a millisecond for a statement on an open one, and the
 * suites make thousands of these calls. Idle connections close after a second and never keep a jest
 * worker alive.
 */
const pools = new Map<string, Pool>();
function poolFor(url: string): Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new Pool({ connectionString: url, max: 3, idleTimeoutMillis: 1_000, allowExitOnIdle: true });
    // An idle connection cut off (its database dropped, the cluster stopped) just leaves the pool.
    pool.on('error', () => undefined);
    pools.set(url, pool);
  }
  return pool;
}

async function endPools(urls: string[]): Promise<void> {
  await Promise.all(
    urls.map(async (url) => {
      const pool = pools.get(url);
      pools.delete(url);
      await pool?.end();
    }),
  );
}

/**
 * One statement (or a semicolon-separated script) as `url`'s role, on a session as good as new: the
 * connection is reset afterwards (DISCARD ALL: settings, temporary tables, prepared statements), and
 * one left in a transaction or an error is closed, so nothing a call did carries over to the next.
 * (A custom setting such as app.tenant_id, once set, reads '' after the reset rather than null: the
 * row rules read both as unset.)
 */
export async function queryAs<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = await poolFor(url).connect();
  let broken: Error | undefined;
  try {
    return (await client.query(sql, params)).rows as T[];
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    if (!broken) await client.query('discard all').catch((error: Error) => (broken = error));
    client.release(broken ?? false);
  }
}

export const adminQuery = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  queryAs<T>(adminUrl(), sql, params);

/**
 * `migrated: false` gives an empty database, for testing the migrations themselves; `demo: true` one
 * with the demo data already loaded, as a server with `SITECARE_DEMO` and this run's `CREDENTIALS_KEY`
 * would have seeded it (`createDemoDatabase`).
 */
export async function createTestDatabase(options: { migrated?: boolean; demo?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const template = options.migrated === false ? 'template0' : options.demo ? DEMO_TEMPLATE_DATABASE : TEMPLATE_DATABASE;
  await adminQuery(`create database ${name} template ${template}`);
  await provisionRoles(adminUrl(), name, TEST_PASSWORDS);
  const superuserUrl = withDatabaseName(adminUrl(), name);
  const appUrl = withCredentials(superuserUrl, APP_ROLE, TEST_PASSWORDS.app);
  const ownerUrl = withCredentials(superuserUrl, OWNER_ROLE, TEST_PASSWORDS.owner);
  return {
    name,
    appUrl,
    ownerUrl,
    superuserUrl,
    env: { DATABASE_URL: appUrl, DATABASE_MIGRATION_URL: ownerUrl, CREDENTIALS_KEY: TEST_CREDENTIALS_KEY },
    drop: async () => {
      await endPools([appUrl, ownerUrl, superuserUrl]);
      await connectionsGone(name);
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Waits (up to `timeoutMs`) until no backend is connected to database `name`. A client that has just
 * ended may still have its backend on the way out; `drop database … with (force)` terminating it then
 * reaches the client, which no longer listens, as an unhandled 57P01 error in whichever test runs
 * (seen in the scale loader's test). After the time is up, the drop's `force` ends what is left.
 */
async function connectionsGone(name: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await adminQuery<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    if (n === 0 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
