// A throwaway Sitecare database for benchmark scripts: an embedded PostgreSQL in a temp folder with
// the owner and application roles, every migration applied and the application role's grants, the
// way `pnpm start` prepares one. Reads the built server (server/dist): build it first.
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const SERVER_DIST = path.join(REPO_ROOT, 'server', 'dist');
require(require.resolve('reflect-metadata', { paths: [SERVER_DIST] }));

/** A module of the built server (`db/roles.js`) or a package it depends on (`pg`). */
export const fromServer = (name) =>
  require(name.endsWith('.js') ? path.join(SERVER_DIST, name) : require.resolve(name, { paths: [SERVER_DIST] }));

const passwords = { superuser: 'bench', owner: 'bench-owner', app: 'bench-app' };

/**
 * Starts the cluster and prepares database `name`. `settings` are PostgreSQL server settings
 * (shared_preload_libraries for pg_stat_statements, say). `keepDir` leaves the data folder for a
 * later start (cold start measurements); by default stop() deletes it.
 */
export async function startBenchDatabase({ name = 'bench', settings, dir, onLog } = {}) {
  const { startEmbeddedPostgres } = fromServer('db/embedded.js');
  const { ensureDatabase } = fromServer('db/database.js');
  const { initOrm, migrateUp } = fromServer('db/orm.js');
  const roles = fromServer('db/roles.js');
  const ownDir = !dir;
  const root = dir ?? (await mkdtemp(path.join(tmpdir(), 'sitecare-bench-')));
  const clusterOptions = { dataDir: path.join(root, 'data'), password: passwords.superuser, settings, onLog };
  let pg = await startEmbeddedPostgres(clusterOptions);
  try {
    await ensureDatabase(pg.url, name);
    await roles.provisionRoles(pg.url, name, passwords);
    const base = roles.withDatabaseName(pg.url, name);
    const ownerUrl = roles.withCredentials(base, roles.OWNER_ROLE, passwords.owner);
    const appUrl = roles.withCredentials(base, roles.APP_ROLE, passwords.app);
    const orm = await initOrm(ownerUrl, { logger: () => undefined });
    try {
      await migrateUp(orm);
    } finally {
      await orm.close(true);
    }
    await roles.grantApplicationRole(ownerUrl, roles.APP_ROLE);
    return {
      dir: root,
      superuserUrl: base,
      ownerUrl,
      appUrl,
      appRole: roles.APP_ROLE,
      port: pg.port,
      /** Stops PostgreSQL and starts it again on the same data (a cold start); resolves when it accepts connections. */
      restart: async () => {
        await pg.stop();
        pg = await startEmbeddedPostgres({ ...clusterOptions, port: pg.port });
      },
      stop: async () => {
        await pg.stop();
        if (ownDir) await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await pg.stop();
    if (ownDir) await rm(root, { recursive: true, force: true });
    throw error;
  }
}
