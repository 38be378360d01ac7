import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startSitecareProcess } from '../support/sitecare-process';

/** The embedded cluster's port, from the JSON log line the server writes when it starts it. */
function embeddedPort(output: string): number {
  const line = output.split('\n').find((l) => l.includes('embedded PostgreSQL started'));
  if (!line) throw new Error(`no embedded PostgreSQL line in:\n${output}`);
  return JSON.parse(line).port;
}

describe('pnpm start on the embedded default (no DATABASE_URL)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'sitecare-embedded-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('initialises PostgreSQL in the data folder, serves, and stops it on SIGINT', async () => {
    const app = await startSitecareProcess({ SITECARE_DATA_DIR: dataDir });
    expect(app.output()).toContain('embedded PostgreSQL in ' + dataDir);
    expect(app.output()).toContain('Demo data loaded');
    expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);

    expect(await app.stop('SIGINT')).toBe(0);
    // PostgreSQL removes its pid file only on a clean shutdown.
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('restarts on the same data without loading the demo a second time', async () => {
    const app = await startSitecareProcess({ SITECARE_DATA_DIR: dataDir });
    try {
      expect(app.output()).not.toContain('Demo data loaded');
      expect(app.output()).not.toContain('Migrations applied');
      const { superuser: password } = JSON.parse(await readFile(path.join(dataDir, 'postgres.json'), 'utf8'));
      const client = new Client({
        host: '127.0.0.1',
        port: embeddedPort(app.output()),
        user: 'postgres',
        password,
        database: 'sitecare',
      });
      await client.connect();
      try {
        const { rows } = await client.query('select slug from tenants order by slug');
        expect(rows.map((r) => r.slug)).toEqual(['jj-media', 'nordvik-webbyra']);
      } finally {
        await client.end();
      }
    } finally {
      expect(await app.stop('SIGTERM')).toBe(0);
    }
  });
});
