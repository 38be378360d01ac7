// The fixture of files that need the owner's ORM on a database of their own (the migrations tests, the
// key migration's, the reply mail's). Apart from database.ts, which every suite loads: this one loads
// the ORM and with it every entity and module, about a second of each test file's start in jest's
// module registry (issue 24), which a suite that only needs a database does without.
import type { MikroORM } from '@mikro-orm/postgresql';
import { initOrm } from '../db/orm';
import { createTestDatabase, type TestDatabase } from './database';

/**
 * A database made with `options` (createTestDatabase's: `migrated: false` empty, `demo: true` a clone of
 * the run's demo template) and the owner's ORM on it, made before the file's tests and dropped after them.
 */
export function ormDatabaseFixture(options: Parameters<typeof createTestDatabase>[0]): {
  db: TestDatabase;
  orm: MikroORM;
} {
  const fixture = {} as { db: TestDatabase; orm: MikroORM };
  beforeAll(async () => {
    fixture.db = await createTestDatabase(options);
    fixture.orm = await initOrm(fixture.db.ownerUrl, { logger: () => undefined });
  });
  afterAll(async () => {
    await fixture.orm?.close(true);
    await fixture.db?.drop();
  });
  return fixture;
}

/** For a file that tests the migrations themselves: an empty database (no migration run) and the owner's ORM on it. */
export const emptyDatabaseFixture = () => ormDatabaseFixture({ migrated: false });
