// Boot: config → database (embedded or DATABASE_URL) → migrations as the owner → demo data →
// the application role's pool → HTTP.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import { ConfigError, type Config } from './config';
import { resolveDatabase, type DatabaseTarget } from './db/database';
import { withMigrationLock } from './db/migrate';
import { initOrm, migrateUp } from './db/orm';
import { grantApplicationRole, roleFacts } from './db/roles';
import { seedDemoIfEmpty, type DemoSummary } from './db/seed';
import { Keyring } from './secrets/keyring';
import type { AppServices } from './graphql/context';
import { createHttpApp } from './http';
import { startJobQueue } from './jobs/queue';
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

/** Migrations, grants and demo data run as the tables' owner, one process at a time. */
async function prepareSchema(config: Config, database: DatabaseTarget, logger: Logger) {
  // Kept open afterwards as the system path's ORM (webhooks, jobs): a small pool.
  const owner = await initOrm(database.ownerUrl, {
    pool: { min: 0, max: 3 },
    logger: (message) => logger.debug({ orm: message }),
  });
  try {
    return await withMigrationLock(database.ownerUrl, async () => {
      const migrationsApplied = await migrateUp(owner);
      const appRole = decodeURIComponent(new URL(database.appUrl).username);
      const ownerRole = decodeURIComponent(new URL(database.ownerUrl).username);
      if (appRole !== ownerRole) await grantApplicationRole(database.ownerUrl, appRole);
      const demo = config.loadDemoData ? await seedDemoIfEmpty(owner, new Keyring(config.keyring)) : undefined;
      return { migrationsApplied, demo, owner };
    });
  } catch (error) {
    await owner.close(true);
    throw error;
  }
}

/** S10: row-level security only holds if the application role cannot bypass it. */
async function checkApplicationRole(config: Config, database: DatabaseTarget, logger: Logger): Promise<void> {
  const facts = await roleFacts(database.appUrl);
  const problems = [
    facts.superuser && 'is a superuser',
    facts.bypassRls && 'has BYPASSRLS',
    facts.ownedTables > 0 && `owns ${facts.ownedTables} tables`,
  ].filter(Boolean);
  if (!problems.length) return;
  const message =
    `DATABASE_URL connects as "${facts.role}", which ${problems.join(' and ')}: tenant isolation by ` +
    'row-level security would not hold. Connect DATABASE_URL as an application role and set ' +
    "DATABASE_MIGRATION_URL to the tables' owner (`pnpm sitecare db:provision` creates both).";
  if (config.isProduction) throw new ConfigError(message);
  logger.warn(message);
}

export async function startSitecare(config: Config, logger: Logger): Promise<RunningSitecare> {
  const database = await resolveDatabase(config, logger);
  const { migrationsApplied, demo, owner } = await prepareSchema(config, database, logger);
  await checkApplicationRole(config, database, logger);
  const orm = await initOrm(database.appUrl, {
    pool: { min: 0, max: config.databasePoolMax, acquireTimeoutMillis: 10_000 },
    logger: (message) => logger.debug({ orm: message }),
  });

  // The services are made with the HTTP app; the jobs only use them later, when they run.
  const made: { services?: AppServices } = {};
  const jobs = await startJobQueue({
    config,
    owner,
    ownerUrl: database.ownerUrl,
    logger,
    services: () => made.services!,
  });
  const http = await createHttpApp({
    config,
    orm,
    owner,
    logger,
    appUrl: database.appUrl,
    jobsRunning: () => jobs.running(),
  });
  made.services = http.services;
  await new Promise<void>((resolve, reject) => {
    http.httpServer.once('error', reject);
    http.httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.httpServer.address() as AddressInfo;
  logger.info({ host: config.host, port }, 'listening');
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;

  let stopping: Promise<void> | undefined;
  const drain = async () => {
    await http.close();
    await jobs.stop();
    await owner.close(true);
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
