// `pnpm sitecare <command>`: operator commands against the embedded default or DATABASE_URL.
import 'reflect-metadata';
import { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { loadConfig } from './config';
import { resolveDatabase } from './db/database';
import { withMigrationLock } from './db/migrate';
import { initOrm, migrateUp } from './db/orm';
import { printSitecareSchema } from './graphql/schema';
import { createLogger } from './logger';

const program = new Command('sitecare').description('Sitecare operator commands');

/** Runs `work` with the owner's connection (migrations and operator work are the system path). */
async function withDatabase<T>(work: (ownerUrl: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await resolveDatabase(config, createLogger(config.logLevel));
  try {
    return await work(database.ownerUrl);
  } finally {
    await database.embedded?.stop();
  }
}

program
  .command('schema:emit')
  .description('write the GraphQL SDL to schema/schema.graphql')
  .action(async () => {
    const file = require.resolve('@sitecare/schema/schema.graphql');
    await writeFile(file, await printSitecareSchema());
    console.log(`wrote ${file}`);
  });

program
  .command('migrate')
  .description('apply pending migrations')
  .action(() =>
    withDatabase(async (url) => {
      const orm = await initOrm(url);
      try {
        const applied = await withMigrationLock(url, () => migrateUp(orm));
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
      } finally {
        await orm.close(true);
      }
    }),
  );

program
  .command('migration:create')
  .argument('[name]', 'a short name for the migration')
  .description('write a migration for the difference between the entities and the migrated database')
  .action((name?: string) =>
    withDatabase(async (url) => {
      const migrated = await initOrm(url);
      await withMigrationLock(url, () => migrateUp(migrated)).finally(() => migrated.close(true));
      // A second ORM that resolves migration paths to the TypeScript sources, where the new file belongs.
      const orm = await initOrm(url, { preferTs: true });
      try {
        const result = await orm.getMigrator().createMigration(undefined, false, false, name);
        console.log(result.diff.up.length ? `wrote ${result.fileName}` : 'no changes: nothing written');
      } finally {
        await orm.close(true);
      }
    }),
  );

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
