// A Sitecare server process on a fresh test database with the demo data: the usual fixture of API suites.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '../../server/src/testing/database';
import { REPO_ROOT, startSitecareProcess, type SitecareProcess } from './sitecare-process';

export interface DemoApp {
  db: TestDatabase;
  app: SitecareProcess;
  url: string;
  stop(): Promise<void>;
}

export async function startDemoApp(env: Record<string, string> = {}): Promise<DemoApp> {
  const db = await createTestDatabase();
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
      env: { PATH: process.env.PATH, ...demo.db.env, ...env, LOG_LEVEL: 'silent' },
    },
  );
  return stdout;
}
