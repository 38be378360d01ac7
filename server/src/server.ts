// Boot: config → database (embedded or DATABASE_URL) → migrations → demo data → HTTP.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { resolveDatabase, type DatabaseTarget } from './db/database';
import { withMigrationLock } from './db/migrate';
import { initOrm, migrateUp } from './db/orm';
import { seedDemoIfEmpty, type DemoSummary } from './db/seed';
import { createHttpApp } from './http';
import type { Logger } from './logger';

export interface RunningSitecare {
  url: string;
  port: number;
  orm: MikroORM;
  database: DatabaseTarget;
  migrationsApplied: string[];
  demo: DemoSummary | undefined;
  /** Closes HTTP, then the pool, then (embedded only) PostgreSQL. Safe to call more than once. */
  stop(): Promise<void>;
}

export async function startSitecare(config: Config, logger: Logger): Promise<RunningSitecare> {
  const database = await resolveDatabase(config, logger);
  const orm = await initOrm(database.url, {
    pool: { min: 0, max: config.databasePoolMax },
    logger: (message) => logger.debug({ orm: message }),
  });
  const { migrationsApplied, demo } = await withMigrationLock(database.url, async () => ({
    migrationsApplied: await migrateUp(orm),
    demo: config.loadDemoData ? await seedDemoIfEmpty(orm) : undefined,
  }));

  const http = await createHttpApp({ config, orm, logger });
  await new Promise<void>((resolve, reject) => {
    http.httpServer.once('error', reject);
    http.httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.httpServer.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;

  let stopping: Promise<void> | undefined;
  const drain = async () => {
    await http.close();
    await orm.close(true);
  };
  // With the embedded database, its own exit hook stops PostgreSQL; it waits for this drain first.
  database.embedded?.beforeStop(drain);

  return {
    url: config.publicUrl ?? `http://${shownHost}:${port}`,
    port,
    orm,
    database,
    migrationsApplied,
    demo,
    stop: () => (stopping ??= database.embedded ? database.embedded.stop() : drain()),
  };
}
