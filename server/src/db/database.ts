// Where the database comes from: DATABASE_URL, or the embedded PostgreSQL in the data folder.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded';

export const EMBEDDED_DATABASE = 'sitecare';

export interface DatabaseTarget {
  url: string;
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

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The embedded superuser's password is made once per data folder and kept beside the cluster. */
function embeddedPassword(dataDir: string): string {
  const file = path.join(dataDir, 'postgres.password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

export async function resolveDatabase(config: Config, logger: Logger): Promise<DatabaseTarget> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  mkdirSync(config.dataDir, { recursive: true });
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, 'postgres'),
    password: embeddedPassword(config.dataDir),
    onLog: (line) => line && logger.debug({ postgres: line }),
  });
  await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
  logger.info({ port: embedded.port, dataDir: path.join(config.dataDir, 'postgres') }, 'embedded PostgreSQL started');
  return { url: withDatabase(embedded.url, EMBEDDED_DATABASE), embedded };
}
