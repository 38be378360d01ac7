// jest globalSetup: one embedded PostgreSQL per test run, its two roles, and a migrated template.
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '../db/database';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../db/embedded';
import { initOrm, migrateUp } from '../db/orm';
import {
  APP_ROLE,
  OWNER_ROLE,
  grantApplicationRole,
  provisionRoles,
  withCredentials,
  withDatabaseName,
} from '../db/roles';
import { TEMPLATE_DATABASE, TEST_ENV, TEST_PASSWORDS } from './env';

declare global {
  var __SITECARE_PG__: { handle: EmbeddedPostgresHandle; dir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sitecare-test-pg-'));
  let handle: EmbeddedPostgresHandle | undefined;
  try {
    handle = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'data'),
      password: TEST_PASSWORDS.superuser,
      fast: true,
    });
    await ensureDatabase(handle.url, TEMPLATE_DATABASE);
    await provisionRoles(handle.url, TEMPLATE_DATABASE, TEST_PASSWORDS);
    const ownerUrl = withCredentials(withDatabaseName(handle.url, TEMPLATE_DATABASE), OWNER_ROLE, TEST_PASSWORDS.owner);
    const orm = await initOrm(ownerUrl, { logger: () => undefined });
    try {
      await migrateUp(orm);
      await grantApplicationRole(ownerUrl, APP_ROLE);
    } finally {
      await orm.close(true);
      // MikroORM keeps entity metadata on globalThis; with --runInBand the test files would share this
      // process's copy (made in another realm) and fail discovery. Each test file makes its own.
      delete (globalThis as Record<string, unknown>)['mikro-orm-metadata'];
    }
  } catch (error) {
    await handle?.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  globalThis.__SITECARE_PG__ = { handle, dir };
  // Workers inherit the environment of this process.
  process.env[TEST_ENV.adminUrl] = handle.url;
}
