// Backup and restore, tested on the demo data while a server runs: `sitecare backup:check` backs up,
// restores into a scratch database and compares every table (rows and checksums); `sitecare backup`
// and `sitecare restore` bring the data into a fresh database that a new server then serves.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { adminUrl, createTestDatabase, queryAs, type TestDatabase } from '../../server/src/testing/database';
import { as } from '../support/api-client';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';
import { REPO_ROOT, startSitecareProcess, type SitecareProcess } from '../support/sitecare-process';

let demo: DemoApp;
let folder: string;
let fresh: TestDatabase | undefined;
let restored: SitecareProcess | undefined;

beforeAll(async () => {
  demo = await startDemoApp();
  folder = await mkdtemp(path.join(tmpdir(), 'sitecare-backup-test-'));
}, 60_000);
afterAll(async () => {
  await restored?.stop();
  await fresh?.drop();
  await demo?.stop();
  await rm(folder, { recursive: true, force: true });
});

const tablesOf = async (url: string) =>
  (
    await queryAs<{ name: string }>(
      url,
      `select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'mikro_orm_migrations'`,
    )
  ).map((r) => r.name);

describe('backup and restore', () => {
  it('backup:check restores the demo data into a scratch database with every table identical', async () => {
    const out = await runCli(demo, ['backup:check', '--superuser-url', adminUrl()]);
    const lines = out.trim().split('\n');
    const tables = await tablesOf(demo.db.superuserUrl);
    for (const table of tables) expect(lines.find((l) => l.startsWith(`${table} `))).toMatch(/\s(\d+)\s+\1\s+ok$/);
    expect(lines.at(-1)).toMatch(new RegExp(`^backup check passed: ${tables.length} tables, \\d+ rows`));
    console.log(lines.at(-1));
    // The scratch database is gone again.
    const left = await queryAs(adminUrl(), `select datname from pg_database where datname like '%_restore_check_%'`);
    expect(left).toEqual([]);
  }, 60_000);

  it('a backup restored into a fresh database is served by a new server: same logins, same data', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const COUNTS = '{ customers { totalCount } supportTickets { totalCount } orders { totalCount } }';
    const before = await admin.ok(COUNTS);
    const file = path.join(folder, 'demo.backup.gz');
    expect(await runCli(demo, ['backup', file])).toMatch(/^wrote .*: \d+ tables, \d+ rows/);

    fresh = await createTestDatabase({ migrated: false });
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(REPO_ROOT, 'server', 'dist', 'cli.js'), 'restore', file],
      { env: { PATH: process.env.PATH, ...fresh.env, LOG_LEVEL: 'silent' } },
    );
    expect(stdout).toMatch(/rows and checksums match/);
    // Restoring twice is refused: the target is no longer empty.
    await expect(
      promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'server', 'dist', 'cli.js'), 'restore', file], {
        env: { PATH: process.env.PATH, ...fresh.env, LOG_LEVEL: 'silent' },
      }),
    ).rejects.toThrow(/not empty/);

    restored = await startSitecareProcess({ ...fresh.env, SITECARE_DEMO: 'false' });
    const again = await as(restored.url, 'jj-media', 'ADMIN'); // the password hashes came along
    expect(await again.ok(COUNTS)).toEqual(before);
    // Row-level security still holds in the restored database: the other agency sees its own rows only.
    const nordvik = await as(restored.url, 'nordvik-webbyra', 'ADMIN');
    const ids = await nordvik.ok('{ customers(page: { take: 100 }) { nodes { name } } }');
    const jj = await again.ok('{ customers(page: { take: 100 }) { nodes { name } } }');
    const jjNames = new Set(jj.customers.nodes.map((c: { name: string }) => c.name));
    expect(ids.customers.nodes.some((c: { name: string }) => jjNames.has(c.name))).toBe(false);
  }, 90_000);
});
