import 'reflect-metadata';
import { emptyDatabaseFixture } from '../testing/migrations-fixture';
import { migrateUp } from './orm';
import { entitySchemaDiff } from './tenant-keys';

describe('migrations', () => {
  const fixture = emptyDatabaseFixture();

  it('migrate an empty database up, leaving no difference between entities and tables', async () => {
    const applied = await migrateUp(fixture.orm);
    expect(applied.length).toBeGreaterThan(0);
    // The agency keys (tenant_id first) compared in the entities' terms, by rule (db/tenant-keys.ts).
    const diff = await entitySchemaDiff(fixture.orm);
    expect(diff.trim()).toBe('');
  });

  it('are all reversible: down to nothing and up again', async () => {
    const migrator = fixture.orm.getMigrator();
    await migrator.down({ to: 0 });
    expect(await migrator.getExecutedMigrations()).toHaveLength(0);
    const tables = await fixture.orm.em
      .fork()
      .execute<{ n: string }[]>(
        "select count(*) as n from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations'",
      );
    expect(Number(tables[0].n)).toBe(0);
    await migrateUp(fixture.orm);
    expect(await migrator.getPendingMigrations()).toHaveLength(0);
  });

  it('a second run applies nothing', async () => {
    expect(await migrateUp(fixture.orm)).toEqual([]);
  });
});
