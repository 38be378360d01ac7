import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { initOrm, migrateUp } from './orm';
import { entitySchemaDiff } from './tenant-keys';

describe('migrations', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    orm = await initOrm(db.ownerUrl, { logger: () => undefined });
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('migrate an empty database up, leaving no difference between entities and tables', async () => {
    const applied = await migrateUp(orm);
    expect(applied.length).toBeGreaterThan(0);
    // The agency keys (tenant_id first) compared in the entities' terms, by rule (db/tenant-keys.ts).
    const diff = await entitySchemaDiff(orm);
    expect(diff.trim()).toBe('');
  });

  it('are all reversible: down to nothing and up again', async () => {
    const migrator = orm.getMigrator();
    await migrator.down({ to: 0 });
    expect(await migrator.getExecutedMigrations()).toHaveLength(0);
    const tables = await orm.em
      .fork()
      .execute<{ n: string }[]>(
        "select count(*) as n from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations'",
      );
    expect(Number(tables[0].n)).toBe(0);
    await migrateUp(orm);
    expect(await migrator.getPendingMigrations()).toHaveLength(0);
  });

  it('a second run applies nothing', async () => {
    expect(await migrateUp(orm)).toEqual([]);
  });
});
