// jest globalSetup: one embedded PostgreSQL per test run, and a migrated template database.
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../db/embedded';
import { ensureDatabase, withDatabase } from '../db/database';
import { initOrm, migrateUp } from '../db/orm';
import { TEMPLATE_DATABASE, TEST_ENV } from './env';

declare global {
  var __SITECARE_PG__: { handle: EmbeddedPostgresHandle; dir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sitecare-test-pg-'));
  let handle: EmbeddedPostgresHandle | undefined;
  try {
    handle = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), password: 'sitecare-test', fast: true });
    await ensureDatabase(handle.url, TEMPLATE_DATABASE);
    const orm = await initOrm(withDatabase(handle.url, TEMPLATE_DATABASE), { logger: () => undefined });
    try {
      await migrateUp(orm);
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
