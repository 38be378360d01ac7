// One database per test file, cloned from the migrated template that globalSetup made.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../db/database';
import { TEMPLATE_DATABASE, TEST_ENV } from './env';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export function adminUrl(): string {
  const url = process.env[TEST_ENV.adminUrl];
  if (!url)
    throw new Error(`${TEST_ENV.adminUrl} is not set: run the tests through jest (globalSetup starts PostgreSQL)`);
  return url;
}

export async function adminQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** `migrated: false` gives an empty database, for testing the migrations themselves. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const template = options.migrated === false ? 'template0' : TEMPLATE_DATABASE;
  await adminQuery(`create database ${name} template ${template}`);
  return {
    name,
    url: withDatabase(adminUrl(), name),
    drop: async () => void (await adminQuery(`drop database if exists ${name} with (force)`)),
  };
}
