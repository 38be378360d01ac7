// jest globalSetup: one embedded PostgreSQL per test run, its two roles, a migrated template, and a
// second template with the demo data loaded (issue 24: seeding once per run instead of once per server
// start or test file saves seconds in each of the ~80 files that use the demo).
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '../db/database';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../db/embedded';
import { initOrm, migrateUp } from '../db/orm';
import { seedDemoIfEmpty } from '../db/seed';
import {
  APP_ROLE,
  OWNER_ROLE,
  grantApplicationRole,
  provisionRoles,
  withCredentials,
  withDatabaseName,
} from '../db/roles';
import { queryAs } from './database';
import { DEMO_TEMPLATE_DATABASE, TEMPLATE_DATABASE, TEST_ENV, TEST_PASSWORDS, testKeyring } from './env';

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
    }
    // The demo template: a clone of the migrated one, seeded as a server with SITECARE_DEMO would do it
    // (the same function, the test keyring that test servers get as CREDENTIALS_KEY).
    await queryAs(handle.url, `create database ${DEMO_TEMPLATE_DATABASE} template ${TEMPLATE_DATABASE}`);
    await provisionRoles(handle.url, DEMO_TEMPLATE_DATABASE, TEST_PASSWORDS);
    const demoOwnerUrl = withCredentials(
      withDatabaseName(handle.url, DEMO_TEMPLATE_DATABASE),
      OWNER_ROLE,
      TEST_PASSWORDS.owner,
    );
    const demo = await initOrm(demoOwnerUrl, { logger: () => undefined });
    try {
      await seedDemoIfEmpty(demo, testKeyring());
    } finally {
      await demo.close(true);
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
