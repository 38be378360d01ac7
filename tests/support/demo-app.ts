// A Sitecare server process on a fresh test database with the demo data: the usual fixture of API suites.
// The database is a clone of the run's demo template (seeded once by globalSetup), so the server's own
// demo seeding finds the data there and does nothing: a start costs no seeding.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '../../server/src/testing/database';
import { TEST_CREDENTIALS_KEY } from '../../server/src/testing/env';
import { NODE_COMPILE_CACHE, REPO_ROOT, startSitecareProcess, type SitecareProcess } from './sitecare-process';
import { startSmtp, type LocalSmtp } from './smtp';

export interface DemoApp {
  db: TestDatabase;
  app: SitecareProcess;
  url: string;
  stop(): Promise<void>;
}

/**
 * A fresh database for a server started with `env` and the demo: a clone of the seeded demo template,
 * unless `env` turns the demo off or brings another CREDENTIALS_KEY (the template's secrets are sealed
 * with the test key), in which case the migrated template, and the server seeds what it needs.
 */
export function createDatabaseFor(env: Record<string, string>): Promise<TestDatabase> {
  const demo = env.SITECARE_DEMO !== 'false' && (env.CREDENTIALS_KEY ?? TEST_CREDENTIALS_KEY) === TEST_CREDENTIALS_KEY;
  return createTestDatabase({ demo });
}

export async function startDemoApp(env: Record<string, string> = {}): Promise<DemoApp> {
  const db = await createDatabaseFor(env);
  const app = await startSitecareProcess({ ...db.env, SITECARE_DEMO: 'true', ...env });
  return {
    db,
    app,
    url: app.url,
    stop: async () => {
      await app.stop();
      await db.drop();
    },
  };
}

/** Runs the built `sitecare` CLI against the demo's database (with `env`, e.g. provider keys); its stdout. */
export async function runCli(demo: DemoApp, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path.join(REPO_ROOT, 'server', 'dist', 'cli.js'), ...args],
    {
      env: { PATH: process.env.PATH, NODE_COMPILE_CACHE, ...demo.db.env, ...env, LOG_LEVEL: 'silent' },
    },
  );
  return stdout;
}

/**
 * The fixture of suites that check what mail arrived: a local SMTP server and a demo app sending to
 * it, started before the file's tests and stopped after them. Read `demo` and `smtp` inside tests.
 */
export function useDemoWithSmtp(env: Record<string, string> = {}): { demo: DemoApp; smtp: LocalSmtp } {
  const fixture = {} as { demo: DemoApp; smtp: LocalSmtp };
  beforeAll(async () => {
    fixture.smtp = await startSmtp();
    fixture.demo = await startDemoApp({
      SMTP_URL: fixture.smtp.url,
      MAIL_FROM: 'JJ Media <no-reply@jj-media.example.com>',
      ...env,
    });
  });
  afterAll(async () => {
    await fixture.demo?.stop();
    await fixture.smtp?.close();
  });
  return fixture;
}

/**
 * A demo app in production mode (introspection off, Secure cookies, PUBLIC_URL in links). In
 * production the banner shows PUBLIC_URL, so `url` is the local address from its "Listening" line.
 */
export async function startProductionDemoApp(): Promise<DemoApp> {
  const db = await createDatabaseFor({});
  const app = await startSitecareProcess({
    ...db.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    SITECARE_DEMO: 'true',
    SESSION_SECRET: 'p'.repeat(48),
    PUBLIC_URL: 'https://care.example.com',
  });
  const port = /Listening\s+[\d.]+:(\d+)/.exec(app.output())?.[1];
  if (!port) throw new Error(`no listening line in:\n${app.output()}`);
  return {
    db,
    app,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await app.stop();
      await db.drop();
    },
  };
}
