// Where the database comes from: DATABASE_URL (and DATABASE_MIGRATION_URL), or the embedded
// PostgreSQL in the data folder, provisioned with an owner role and an application role.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded';
import { APP_ROLE, OWNER_ROLE, provisionRoles, withCredentials, withDatabaseName } from './roles';

export const EMBEDDED_DATABASE = 'sitecare';

export interface DatabaseTarget {
  /** The application role's connection: row-level security applies to everything it does. */
  appUrl: string;
  /** The tables' owner: migrations, grants, seeding and the explicit system path. */
  ownerUrl: string;
  embedded?: EmbeddedPostgresHandle;
}

/** Creates `name` on the server behind `adminUrl` when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export interface EmbeddedPasswords {
  superuser: string;
  owner: string;
  app: string;
}

/** The embedded cluster's passwords are made once per data folder and kept beside it, private. */
export function embeddedPasswords(dataDir: string): EmbeddedPasswords {
  const file = path.join(dataDir, 'postgres.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const make = () => randomBytes(24).toString('base64url');
  const passwords = { superuser: make(), owner: make(), app: make() };
  writeFileSync(file, JSON.stringify(passwords, null, 2) + '\n', { mode: 0o600 });
  return passwords;
}

export async function resolveDatabase(config: Config, logger: Logger): Promise<DatabaseTarget> {
  if (config.databaseUrl) {
    return { appUrl: config.databaseUrl, ownerUrl: config.databaseMigrationUrl ?? config.databaseUrl };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const passwords = embeddedPasswords(config.dataDir);
  const dataDir = path.join(config.dataDir, 'postgres');
  const embedded = await startEmbeddedPostgres({
    dataDir,
    password: passwords.superuser,
    onLog: (line) => line && logger.debug({ postgres: line }),
  });
  await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
  await provisionRoles(embedded.url, EMBEDDED_DATABASE, passwords);
  logger.info({ port: embedded.port, dataDir }, 'embedded PostgreSQL started');
  const url = withDatabaseName(embedded.url, EMBEDDED_DATABASE);
  return {
    appUrl: withCredentials(url, APP_ROLE, passwords.app),
    ownerUrl: withCredentials(url, OWNER_ROLE, passwords.owner),
    embedded,
  };
}
