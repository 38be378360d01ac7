// Issue 22 (M16): the demo's sites under care have a month of check history, one past incident with
// its ticket, backups reported with checksums, and updates.
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { demoCareHistory } from '@sitecare/seeds';
import { initOrm } from '../../db/orm';
import { createTestDatabase, queryAs, type TestDatabase } from '../../testing/database';

let db: TestDatabase;
let owner: MikroORM;
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryAs<T>(db.superuserUrl, text, params);

beforeAll(async () => {
  // A clone of the run's demo template (seeded once by globalSetup, as seedDemoIfEmpty would seed it).
  db = await createTestDatabase({ demo: true });
  owner = await initOrm(db.ownerUrl, { logger: () => undefined });
});

afterAll(async () => {
  await owner?.close(true);
  await db?.drop();
});

describe('the demo care history', () => {
  it('M16: every monitored demo site has 30 days of daily roll-ups and raw checks for the last days', async () => {
    const sites = await sql<{ id: string; days: number; raw_days: number; raw: number }>(
      `select s.id,
              (select count(*) from site_check_rollups r where r.site_id = s.id and r.period = 'DAY'
                  and r.period_start >= date_trunc('day', now() - interval '30 days'))::int as days,
              (select count(distinct date_trunc('day', c.checked_at)) from site_check_results c where c.site_id = s.id)::int as raw_days,
              (select count(*) from site_check_results c where c.site_id = s.id)::int as raw
         from sites s join service_packages p on p.id = s.service_package_id
        where s.status = 'ACTIVE' and p.uptime_monitoring`,
    );
    expect(sites.length).toBeGreaterThanOrEqual(4);
    for (const site of sites) {
      expect(site.days).toBeGreaterThanOrEqual(demoCareHistory.days);
      expect(site.raw_days).toBeGreaterThanOrEqual(demoCareHistory.rawDays);
      expect(site.raw).toBeGreaterThanOrEqual(demoCareHistory.rawDays * 288);
    }
    // Nothing older than the raw window is kept raw, and the roll-ups carry response times.
    const [old] = await sql<{ n: number }>(
      `select count(*)::int as n from site_check_results where checked_at < now() - interval '7 days'`,
    );
    expect(old.n).toBe(0);
    const [missing] = await sql<{ n: number }>(
      `select count(*)::int as n from site_check_rollups where p50_ms is null or p95_ms < p50_ms`,
    );
    expect(missing.n).toBe(0);
  });

  it('M16: each agency has one past outage, closed, with its closed ticket and its failures in that day', async () => {
    const incidents = await sql<{
      tenant_id: string;
      minutes: number;
      status: string;
      channel: string;
      messages: number;
      day_ok: number;
      day_checks: number;
    }>(
      `select i.tenant_id, extract(epoch from i.closed_at - i.opened_at)::int / 60 as minutes, t.status, t.channel,
              (select count(*) from ticket_messages m where m.ticket_id = t.id)::int as messages,
              r.ok_checks as day_ok, r.checks as day_checks
         from site_incidents i join support_tickets t on t.id = i.ticket_id
         join site_check_rollups r on r.site_id = i.site_id and r.period = 'DAY'
              and r.period_start = date_trunc('day', i.opened_at, 'UTC')`,
    );
    expect(incidents).toHaveLength(2);
    expect(new Set(incidents.map((i) => i.tenant_id)).size).toBe(2);
    for (const i of incidents) {
      expect(i).toMatchObject({ minutes: demoCareHistory.outage.minutes, status: 'CLOSED', channel: 'MONITORING' });
      expect(i.messages).toBe(2);
      expect(i.day_checks - i.day_ok).toBe(5); // 25 minutes of 5-minute checks
    }
  });

  it('M16: monitored sites have updates and backups with their kind and checksum', async () => {
    const rows = await sql<{ updates: number; backups: number; unsummed: number }>(
      `select (select count(*) from site_updates u where u.site_id = s.id)::int as updates,
              (select count(*) from site_backups b where b.site_id = s.id)::int as backups,
              (select count(*) from site_backups b where b.site_id = s.id and (b.checksum is null or b.kind is null))::int as unsummed
         from sites s join service_packages p on p.id = s.service_package_id
        where s.status = 'ACTIVE' and p.uptime_monitoring`,
    );
    for (const row of rows) {
      expect(row.updates).toBe(demoCareHistory.updates.length);
      expect(row.backups).toBeGreaterThan(0);
      expect(row.unsummed).toBe(0);
    }
  });
});
