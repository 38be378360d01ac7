// A test database with the demo data loaded (both demo agencies, their logins and records).
import 'reflect-metadata';
import { initOrm } from '../db/orm';
import { seedDemoIfEmpty } from '../db/seed';
import { createTestDatabase, type TestDatabase } from './database';
import { testKeyring } from './env';

export async function createDemoDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  const owner = await initOrm(db.ownerUrl, { logger: () => undefined });
  try {
    await seedDemoIfEmpty(owner, testKeyring());
  } finally {
    await owner.close(true);
  }
  return db;
}
