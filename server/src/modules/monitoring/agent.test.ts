// Issue 22 (M16): the site agent's contract over HTTP: a backup report and an update report with the
// site's token are stored for that site only; another site's or another agency's token is refused,
// an old token stops working when staff rotate it, and bad input gets typed errors naming the field.
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../../config';
import { initOrm } from '../../db/orm';
import { systemContext, useTenant, type AppServices } from '../../graphql/context';
import { createHttpApp, type HttpApp } from '../../http';
import { createTestDatabase, queryAs, type TestDatabase } from '../../testing/database';
import { TEST_CREDENTIALS_KEY } from '../../testing/env';
import { rotateAgentToken } from './agent.service';

let db: TestDatabase;
let owner: MikroORM;
let orm: MikroORM;
let http: HttpApp;
let base = '';
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryAs<T>(db.superuserUrl, text, params);

interface SiteRow {
  id: string;
  tenant_id: string;
}
let site: SiteRow; // JJ Media's
let sibling: SiteRow; // another site of the same agency
let foreign: SiteRow; // a site of the other agency
const tokens: Record<string, string> = {};

async function rotate(s: SiteRow): Promise<string> {
  return owner.em.fork().transactional(async (em) => {
    const ctx = systemContext(em, { logger: pino({ level: 'silent' }) } as AppServices, 'test');
    await useTenant(ctx, s.tenant_id);
    return rotateAgentToken(ctx, s.id);
  });
}

async function post(siteId: string, kind: 'backups' | 'updates', token: string | undefined, body: unknown) {
  const res = await fetch(`${base}/agent/v1/sites/${siteId}/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const backup = {
  takenAt: '2026-12-05T02:00:00Z',
  sizeBytes: 734003200,
  checksum: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  storage: 's3://jj-backups/bageriet/2026-12-05.tar.gz',
  kind: 'FULL',
};

beforeAll(async () => {
  // A clone of the run's demo template (seeded once by globalSetup, as seedDemoIfEmpty would seed it).
  db = await createTestDatabase({ demo: true });
  owner = await initOrm(db.ownerUrl, { logger: () => undefined });
  // Start from no care history (the demo's own is care.seed.ts's, tested in care.seed.test.ts).
  await sql(`truncate site_check_results, site_check_rollups, site_incidents, site_updates`);
  await sql(`delete from support_tickets where channel = 'MONITORING'`);
  const rows = await sql<SiteRow & { slug: string }>(
    `select s.id, s.tenant_id, t.slug from sites s join tenants t on t.id = s.tenant_id order by t.slug, s.domain`,
  );
  const [first, second] = rows.filter((r) => r.slug === 'jj-media');
  site = first;
  sibling = second;
  foreign = rows.find((r) => r.slug !== 'jj-media')!;
  for (const s of [site, sibling, foreign]) tokens[s.id] = await rotate(s);
  orm = await initOrm(db.appUrl, { logger: () => undefined });
  const config = loadConfig({ SITECARE_DATA_DIR: '/tmp/sitecare-agent', CREDENTIALS_KEY: TEST_CREDENTIALS_KEY });
  http = await createHttpApp({ config, orm, logger: pino({ level: 'silent' }), appUrl: db.appUrl });
  await new Promise<void>((resolve) => http.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await http?.close();
  await orm?.close(true);
  await owner?.close(true);
  await db?.drop();
});

describe('M16: the staff home page lists sites whose last backup is older than their package promises', () => {
  let cookie = '';
  async function gql(query: string) {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query }),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('sc_session=') && !c.startsWith('sc_session=;'));
    if (set) cookie = set.split(';')[0];
    return (await res.json()) as { data: Record<string, { nodes: { id: string }[] }>; errors?: unknown[] };
  }
  const overdue = async () => {
    const body = await gql(
      '{ sites(filter: { status: ACTIVE, backupOverdue: true }, page: { take: 100 }) { nodes { id } } }',
    );
    expect(body.errors).toBeUndefined();
    return body.data.sites.nodes.map((n) => n.id);
  };

  it('M16: no backup, or one older than the interval: listed; a fresh report from the agent takes it off', async () => {
    await gql(
      'mutation { login(input: { email: "erik@jj-media.example.com", password: "sitecare-demo-2026" }) { role } }',
    );
    await sql(
      `update service_packages set backups = true, backup_interval_hours = 24
        where id = (select service_package_id from sites where id = $1)`,
      [sibling.id],
    );
    await sql(`update sites set status = 'ACTIVE' where id = $1`, [sibling.id]);
    await sql(`delete from site_backups where site_id = $1`, [sibling.id]);
    expect(await overdue()).toContain(sibling.id);
    const old = new Date(Date.now() - 30 * 3600_000).toISOString();
    expect((await post(sibling.id, 'backups', tokens[sibling.id], { ...backup, takenAt: old })).status).toBe(201);
    expect(await overdue()).toContain(sibling.id); // 30 hours old, the package promises 24
    const fresh = new Date(Date.now() - 3600_000).toISOString();
    expect((await post(sibling.id, 'backups', tokens[sibling.id], { ...backup, takenAt: fresh })).status).toBe(201);
    expect(await overdue()).not.toContain(sibling.id);
    await sql(
      `update service_packages set backup_interval_hours = 1 where id = (select service_package_id from sites where id = $1)`,
      [sibling.id],
    );
    expect(await overdue()).toContain(sibling.id);
  });
});

describe('M16: the site agent contract', () => {
  it('M16: the token is kept hashed only, and shown once', async () => {
    expect(tokens[site.id]).toMatch(/^sca_[A-Za-z0-9_-]{43}$/);
    const [row] = await sql<{ agent_token_hash: string; agent_token_created_at: Date | null }>(
      `select agent_token_hash, agent_token_created_at from sites where id = $1`,
      [site.id],
    );
    expect(row.agent_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.agent_token_hash).not.toContain(tokens[site.id].slice(4));
    expect(row.agent_token_created_at).not.toBeNull();
  });

  it('M16: a backup and an update report with the site token are stored for that site only', async () => {
    const made = await post(site.id, 'backups', tokens[site.id], backup);
    expect(made.status).toBe(201);
    const [stored] = await sql<Record<string, unknown>>(
      `select site_id, tenant_id, taken_at, size_bytes::bigint::text as size, checksum, location, kind, expires_at
         from site_backups where id = $1`,
      [made.body.id],
    );
    expect(stored).toMatchObject({
      site_id: site.id,
      tenant_id: site.tenant_id,
      size: '734003200',
      checksum: backup.checksum,
      location: backup.storage,
      kind: 'FULL',
    });
    expect(new Date(stored.taken_at as string).toISOString()).toBe('2026-12-05T02:00:00.000Z');
    expect(new Date(stored.expires_at as string).getTime()).toBeGreaterThan(new Date(backup.takenAt).getTime());

    const updates = await post(site.id, 'updates', tokens[site.id], {
      updates: [
        { component: 'wordpress', from: '6.6.2', to: '6.7.1', appliedAt: '2026-12-05T03:00:00Z' },
        { component: 'plugin:woocommerce', from: '9.3.0', to: '9.4.2' },
      ],
    });
    expect(updates.status).toBe(201);
    expect(
      await sql(`select site_id, component, from_version, to_version from site_updates order by component`),
    ).toEqual([
      { site_id: site.id, component: 'plugin:woocommerce', from_version: '9.3.0', to_version: '9.4.2' },
      { site_id: site.id, component: 'wordpress', from_version: '6.6.2', to_version: '6.7.1' },
    ]);
    const [audit] = await sql<{ n: number }>(
      `select count(*)::int as n from audit_events
        where action in ('site.backup.report', 'site.updates.report') and actor_type = 'SYSTEM' and entity_id in ($1, $2)`,
      [made.body.id, site.id],
    );
    expect(audit.n).toBe(2);
  });

  it("M16: another site's token, another agency's token, an old token and no token are refused", async () => {
    const before = await sql<{ n: number }>(`select count(*)::int as n from site_backups`);
    expect((await post(site.id, 'backups', tokens[sibling.id], backup)).status).toBe(403);
    expect((await post(site.id, 'backups', tokens[foreign.id], backup)).status).toBe(403);
    expect(
      (await post(foreign.id, 'updates', tokens[site.id], { updates: [{ component: 'x', to: '1' }] })).status,
    ).toBe(403);
    expect((await post(site.id, 'backups', 'sca_guessed', backup)).status).toBe(403);
    expect((await post(site.id, 'backups', undefined, backup)).status).toBe(401);
    const old = tokens[site.id];
    tokens[site.id] = await rotate(site);
    expect((await post(site.id, 'backups', old, backup)).status).toBe(403);
    expect((await post(site.id, 'backups', tokens[site.id], backup)).status).toBe(201);
    const after = await sql<{ n: number }>(`select count(*)::int as n from site_backups`);
    expect(after[0].n).toBe(before[0].n + 1);
  });

  it('M16: bad input gets a typed error naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ ...backup, takenAt: 'yesterday' }, 'takenAt'],
      [{ ...backup, takenAt: '2099-01-01T00:00:00Z' }, 'takenAt'],
      [{ ...backup, sizeBytes: -1 }, 'sizeBytes'],
      [{ ...backup, sizeBytes: '12' }, 'sizeBytes'],
      [{ ...backup, checksum: undefined }, 'checksum'],
      [{ ...backup, storage: 'x'.repeat(201) }, 'storage'],
      [{ ...backup, kind: 'SNAPSHOT' }, 'kind'],
      [{ ...backup, retainedUntil: '2026-01-01T00:00:00Z' }, 'retainedUntil'],
    ];
    for (const [body, field] of cases) {
      const res = await post(site.id, 'backups', tokens[site.id], body);
      expect({ field, status: res.status, body: res.body }).toEqual({
        field,
        status: 400,
        body: { error: 'BAD_USER_INPUT', field, message: expect.any(String) },
      });
    }
    const updateCases: [unknown, string][] = [
      [{}, 'updates'],
      [{ updates: [] }, 'updates'],
      [{ updates: [{ component: 'wordpress', from: '6.6', to: '6.7' }, { component: 'akismet' }] }, 'updates.1.to'],
      [{ updates: [{ to: '1.0' }] }, 'updates.0.component'],
      [{ updates: [{ component: 'x', to: '1', appliedAt: 'now' }] }, 'updates.0.appliedAt'],
    ];
    for (const [body, field] of updateCases) {
      const res = await post(site.id, 'updates', tokens[site.id], body);
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 400, field });
    }
    // Nothing of a refused report was stored.
    expect(await sql(`select 1 from site_updates where component = 'akismet'`)).toEqual([]);
  });
});
