// One database per test file, cloned from a template that globalSetup made: the migrated one, or the
// migrated one with the demo data.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
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

export async function queryAs<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
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
  const template =
    options.migrated === false ? 'template0' : options.demo ? DEMO_TEMPLATE_DATABASE : TEMPLATE_DATABASE;
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
    drop: async () => void (await adminQuery(`drop database if exists ${name} with (force)`)),
  };
}
