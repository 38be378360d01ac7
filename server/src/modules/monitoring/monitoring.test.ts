// Issue 22 (M16): checks of sites under care against loopback HTTP and HTTPS servers (a self-signed
// certificate made here, expiring in five days), the schedule shared by two workers, and the hourly
// and daily roll-ups with the pruning of raw results.
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { initOrm } from '../../db/orm';
import { createTestDatabase, queryAs, type TestDatabase } from '../../testing/database';
import { runDueChecks, syncCheckSchedules, type CheckRunOptions } from './checks';
import { probeHttp, probeTls } from './probe';
import { pruneChecks } from './rollups';
import { reviewIncidents } from './incidents';
import pino from 'pino';
import type { AppServices } from '../../graphql/context';

let db: TestDatabase;
let owner: MikroORM;
let httpServer: Server;
let httpsServer: Server;
let httpBase = '';
let httpsBase = '';
let certPem = '';
const certExpires = new Date(Date.now() + 5 * 86_400_000);
const releaseSlow: (() => void)[] = [];

const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryAs<T>(db.superuserUrl, text, params);

function handler(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) {
  if (req.url === '/down') return void res.writeHead(503).end('maintenance');
  if (req.url === '/slow') return void releaseSlow.push(() => res.writeHead(200).end('late')); // answers only at the end
  if (req.url === '/moved') return void res.writeHead(302, { location: '/' }).end();
  if (req.url?.startsWith('/domain/')) {
    const domain = decodeURIComponent(req.url.slice('/domain/'.length));
    return void res.writeHead(200, { 'content-type': 'application/rdap+json' }).end(
      JSON.stringify({
        ldhName: domain,
        events: [
          { eventAction: 'registration', eventDate: '2015-03-01T00:00:00Z' },
          { eventAction: 'expiration', eventDate: '2027-01-10T00:00:00Z' },
        ],
      }),
    );
  }
  if (req.url === '/other') return void res.writeHead(200).end('<h1>Domain parked</h1>');
  res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Välkommen till Bageriet</h1>');
}

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(String((server.address() as AddressInfo).port))),
  );

const options = (over: Partial<CheckRunOptions> = {}): CheckRunOptions => ({
  batch: 100,
  concurrency: 8,
  timeoutMs: 1_500,
  allowPrivate: true,
  ca: [certPem],
  ...over,
});

/** The demo's monitored sites; the first `n` pointed at `urls` and due now, the others not due. */
async function monitored(): Promise<{ id: string; tenant_id: string }[]> {
  return sql<{ id: string; tenant_id: string }>(
    `select s.id, s.tenant_id from sites s join service_packages p on p.id = s.service_package_id
      where s.status = 'ACTIVE' and p.uptime_monitoring order by s.domain`,
  );
}

async function makeDue(targets: { siteId: string; url: string; expectedText?: string }[]) {
  await sql(`update site_check_schedules set due_at = now() + interval '1 day'`);
  for (const t of targets) {
    await sql(`update sites set production_url = $2 where id = $1`, [t.siteId, t.url]);
    await sql(
      `update site_check_schedules set due_at = now() - interval '1 second', expected_text = $2, tls_checked_at = null
        where site_id = $1`,
      [t.siteId, t.expectedText ?? null],
    );
  }
}

const resultsOf = (siteId: string, kind = 'HTTP') =>
  sql<{
    ok: boolean;
    status_code: number | null;
    response_ms: number | null;
    error: string | null;
    expires_at: Date | null;
  }>(
    `select ok, status_code, response_ms, error, expires_at from site_check_results
      where site_id = $1 and kind = $2 order by checked_at desc`,
    [siteId, kind],
  );

beforeAll(async () => {
  // A clone of the run's demo template (seeded once by globalSetup, as seedDemoIfEmpty would seed it).
  db = await createTestDatabase({ demo: true });
  owner = await initOrm(db.ownerUrl, { logger: () => undefined });
  // Start from no care history (the demo's own is care.seed.ts's, tested in care.seed.test.ts).
  await sql(`truncate site_check_results, site_check_rollups, site_incidents, site_updates`);
  await sql(`delete from support_tickets where channel = 'MONITORING'`);
  // Every demo site is monitored, every five minutes, so there are enough to share between workers.
  await sql(`update service_packages set uptime_monitoring = true, check_interval_minutes = 5`);
  await sql(`update sites set status = 'ACTIVE',
    service_package_id = coalesce(service_package_id, (select p.id from service_packages p where p.tenant_id = sites.tenant_id limit 1))`);

  const made = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    notBeforeDate: new Date(Date.now() - 86_400_000),
    notAfterDate: certExpires,
    keyType: 'ec',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  certPem = made.cert;
  httpServer = createHttpServer(handler);
  httpsServer = createHttpsServer({ key: made.private, cert: made.cert }, handler);
  httpBase = `http://127.0.0.1:${await listen(httpServer)}`;
  httpsBase = `https://127.0.0.1:${await listen(httpsServer)}`;
});

afterAll(async () => {
  for (const release of releaseSlow) release();
  httpServer?.closeAllConnections();
  httpsServer?.closeAllConnections();
  await Promise.all([httpServer, httpsServer].map((s) => s && new Promise((r) => s.close(r))));
  await owner?.close(true);
  await db?.drop();
});

describe('M16: checks against loopback HTTP and HTTPS servers', () => {
  it('M16: every monitored site gets one due time within its interval; an unmonitored one loses it', async () => {
    const sites = await monitored();
    expect(sites.length).toBeGreaterThan(4);
    expect((await syncCheckSchedules(owner.em)).added).toBe(sites.length);
    expect((await syncCheckSchedules(owner.em)).added).toBe(0); // idempotent
    const [spread] = await sql<{ n: number; inside: number; distinct_due: number }>(
      `select count(*)::int as n, count(*) filter (where due_at > now() - interval '1 minute' and due_at <= now() + interval '5 minutes')::int as inside,
              count(distinct date_trunc('second', due_at))::int as distinct_due from site_check_schedules`,
    );
    expect(spread.inside).toBe(spread.n);
    expect(spread.distinct_due).toBeGreaterThan(1); // spread over the interval, not all at once
    await sql(`update sites set status = 'PAUSED' where id = $1`, [sites[0].id]);
    expect(await syncCheckSchedules(owner.em)).toEqual({ added: 0, removed: 1 });
    await sql(`update sites set status = 'ACTIVE' where id = $1`, [sites[0].id]);
    expect((await syncCheckSchedules(owner.em)).added).toBe(1);
  });

  it('M16: up, down, wrong text and slow are told apart; HTTPS reads the certificate and its expiry', async () => {
    const [up, down, wrongText, slow, secure] = await monitored();
    await makeDue([
      { siteId: up.id, url: `${httpBase}/` },
      { siteId: down.id, url: `${httpBase}/down` },
      { siteId: wrongText.id, url: `${httpBase}/other`, expectedText: 'Bageriet' },
      { siteId: slow.id, url: `${httpBase}/slow` },
      { siteId: secure.id, url: `${httpsBase}/` },
    ]);
    const report = await runDueChecks(owner.em, options({ timeoutMs: 1_000 }));
    expect(report).toMatchObject({ checked: 5, failed: 3 });

    expect(await resultsOf(up.id)).toEqual([expect.objectContaining({ ok: true, status_code: 200, error: null })]);
    expect((await resultsOf(up.id))[0].response_ms).toBeGreaterThanOrEqual(0);
    expect(await resultsOf(down.id)).toEqual([
      expect.objectContaining({ ok: false, status_code: 503, error: 'HTTP 503' }),
    ]);
    expect(await resultsOf(wrongText.id)).toEqual([
      expect.objectContaining({ ok: false, status_code: 200, error: 'expected text missing' }),
    ]);
    expect(
      await probeHttp(`${httpBase}/`, 'Välkommen till Bageriet', { timeoutMs: 2_000, allowPrivate: true }),
    ).toMatchObject({ ok: true, statusCode: 200, error: null });
    const [late] = await resultsOf(slow.id);
    expect(late).toMatchObject({ ok: false, status_code: null, error: 'timeout' });
    expect(late.response_ms).toBeGreaterThanOrEqual(900);
    expect(await resultsOf(secure.id)).toEqual([expect.objectContaining({ ok: true, status_code: 200 })]);
    const [tls] = await resultsOf(secure.id, 'TLS');
    expect(tls).toMatchObject({ ok: true, error: null });
    // The certificate's notAfter, to the second: it expires within the 14 days of a warning.
    expect(Math.abs(new Date(tls.expires_at!).getTime() - certExpires.getTime())).toBeLessThan(1_000);
    expect(await resultsOf(up.id, 'TLS')).toEqual([]); // plain http has no certificate
    expect(await resultsOf(up.id, 'DOMAIN')).toEqual([]); // RDAP is off unless configured

    // Failures in a row are counted on the schedule, a success resets them.
    const counts = await sql<{ site_id: string; consecutive_failures: number }>(
      `select site_id, consecutive_failures from site_check_schedules where site_id = any($1)`,
      [[up.id, down.id]],
    );
    expect(Object.fromEntries(counts.map((c) => [c.site_id, c.consecutive_failures]))).toEqual({
      [up.id]: 0,
      [down.id]: 1,
    });

    // Each check moved on by whole intervals: not due again now.
    expect(await runDueChecks(owner.em, options())).toEqual({ checked: 0, failed: 0, sites: [] });
  });

  it('M16: redirects are followed; domain expiry comes from RDAP only when configured, once a day', async () => {
    expect(await probeHttp(`${httpBase}/moved`, 'Bageriet', { timeoutMs: 2_000, allowPrivate: true })).toMatchObject({
      ok: true,
      statusCode: 200,
    });
    const [site] = await monitored();
    const before = (await resultsOf(site.id)).length;
    await makeDue([{ siteId: site.id, url: `${httpBase}/` }]);
    expect(await runDueChecks(owner.em, options({ rdapUrl: `${httpBase}/` }))).toMatchObject({ checked: 1, failed: 0 });
    const [domain] = await resultsOf(site.id, 'DOMAIN');
    expect(domain).toMatchObject({ ok: true });
    expect(new Date(domain.expires_at!).toISOString()).toBe('2027-01-10T00:00:00.000Z');
    await makeDue([{ siteId: site.id, url: `${httpBase}/` }]);
    await runDueChecks(owner.em, options({ rdapUrl: `${httpBase}/` }));
    expect(await resultsOf(site.id, 'DOMAIN')).toHaveLength(1); // not again within the day
    expect(await resultsOf(site.id)).toHaveLength(before + 2);
  });

  it('M16: a certificate nobody trusts is invalid, though its expiry is still read', async () => {
    const probe = await probeTls(`${httpsBase}/`, { timeoutMs: 2_000, allowPrivate: true });
    expect(probe.ok).toBe(false);
    expect(probe.error).toMatch(/SELF_SIGNED|self.signed/i);
    expect(probe.expiresAt?.toISOString().slice(0, 16)).toBe(certExpires.toISOString().slice(0, 16));
    expect(await probeHttp(`${httpsBase}/`, null, { timeoutMs: 2_000, allowPrivate: true })).toMatchObject({
      ok: false,
      statusCode: null,
    });
  });

  it('M16: in production loopback and private addresses are never checked (the SSRF guard)', async () => {
    for (const url of [`${httpBase}/`, 'http://169.254.169.254/latest/meta-data/', 'http://localhost:1/'])
      expect(await probeHttp(url, null, { timeoutMs: 2_000, allowPrivate: false })).toMatchObject({
        ok: false,
        statusCode: null,
        error: expect.stringMatching(/public address/),
      });
    expect(await probeTls(`${httpsBase}/`, { timeoutMs: 2_000, allowPrivate: false })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/public address/),
    });
  });

  it('M16: two workers taking due checks at once run each check exactly once', async () => {
    const sites = await monitored();
    await sql(`delete from site_check_results`);
    await makeDue(sites.map((s) => ({ siteId: s.id, url: `${httpBase}/` })));
    const second = await initOrm(db.ownerUrl, { logger: () => undefined });
    try {
      const reports = await Promise.all([
        runDueChecks(owner.em, options({ batch: 3, concurrency: 2 })),
        runDueChecks(second.em, options({ batch: 3, concurrency: 2 })),
        runDueChecks(owner.em, options({ batch: 3, concurrency: 2 })),
        runDueChecks(second.em, options({ batch: 100, concurrency: 2 })),
      ]);
      expect(reports.reduce((n, r) => n + r.checked, 0)).toBe(sites.length);
      const perSite = await sql<{ site_id: string; n: number }>(
        `select site_id, count(*)::int as n from site_check_results where kind = 'HTTP' group by site_id`,
      );
      expect(perSite).toHaveLength(sites.length);
      expect(perSite.every((row) => row.n === 1)).toBe(true);
    } finally {
      await second.close(true);
    }
  });
});

describe('M16: incidents', () => {
  const app = { logger: pino({ level: 'silent' }) } as AppServices;
  let site: { id: string; tenant_id: string };
  let assignee: { id: string; email: string };

  /** One round as the check loop does it: the due checks, then their incidents (K = 2). */
  async function round(url: string, now?: Date) {
    await makeDue([{ siteId: site.id, url }]);
    const since = new Date();
    const report = await runDueChecks(owner.em, options());
    return reviewIncidents(owner.em, app, report.sites, { failuresToOpen: 2, since, now });
  }
  const incidents = () =>
    sql<{ id: string; kind: string; opened_at: Date; closed_at: Date | null; ticket_id: string | null }>(
      `select id, kind, opened_at, closed_at, ticket_id from site_incidents where site_id = $1 order by opened_at`,
      [site.id],
    );
  const tickets = () =>
    sql<{ id: string; assignee_id: string; channel: string; subject: string }>(
      `select id, assignee_id, channel, subject from support_tickets where site_id = $1 and channel = 'MONITORING'`,
      [site.id],
    );
  const mails = () =>
    sql<{ recipient: string; template: string }>(
      `select o.recipient, o.template from outbox_messages o join support_tickets t on t.id = o.ticket_id
        where t.site_id = $1 and t.channel = 'MONITORING'`,
      [site.id],
    );
  const messages = (ticketId: string) =>
    sql<{ body: string }>(`select body from ticket_messages where ticket_id = $1 order by created_at`, [ticketId]);

  beforeAll(async () => {
    [site] = await monitored();
    await sql(`update site_check_schedules set consecutive_failures = 0`);
    // The site's assignee: a staff member who keeps ticket mail on.
    [assignee] = await sql<{ id: string; email: string }>(
      `update users set ticket_mail = true
        where id = (select id from users where tenant_id = $1 and role in ('ADMIN', 'EMPLOYEE') and status = 'ACTIVE' order by role desc, email limit 1)
        returning id, email`,
      [site.tenant_id],
    );
    await sql(`delete from site_assignments where site_id = $1`, [site.id]);
    await sql(
      `insert into site_assignments (id, tenant_id, site_id, user_id, starts_at) values (gen_random_uuid(), $1, $2, $3, now() - interval '1 day')`,
      [site.tenant_id, site.id, assignee.id],
    );
  });

  it('M16: K failures in a row open one incident, one ticket for the assignee, one mail; recovery closes it with its duration', async () => {
    expect(await round(`${httpBase}/down`)).toEqual({ opened: 0, reopened: 0, closed: 0 }); // one failure: not yet
    expect(await incidents()).toEqual([]);
    const openedAt = new Date();
    expect(await round(`${httpBase}/down`, openedAt)).toEqual({ opened: 1, reopened: 0, closed: 0 });
    expect(await round(`${httpBase}/down`)).toEqual({ opened: 0, reopened: 0, closed: 0 }); // still down: nothing new
    const [ticket] = await tickets();
    expect(await tickets()).toHaveLength(1);
    expect(ticket).toMatchObject({ assignee_id: assignee.id, channel: 'MONITORING' });
    expect(await mails()).toEqual([{ recipient: assignee.email, template: 'ticket.opened' }]);
    const [incident] = await incidents();
    expect(incident).toMatchObject({ kind: 'DOWN', closed_at: null, ticket_id: ticket.id });

    const closedAt = new Date(openedAt.getTime() + 17 * 60_000);
    expect(await round(`${httpBase}/`, closedAt)).toEqual({ opened: 0, reopened: 0, closed: 1 });
    const [closed] = await incidents();
    expect(new Date(closed.closed_at!).getTime() - new Date(closed.opened_at).getTime()).toBe(17 * 60_000);
    expect((await messages(ticket.id)).map((m) => m.body).at(-1)).toMatch(/17 min/);
    expect(await mails()).toHaveLength(1);
  });

  it('M16: flapping does not spam: down again within the hour reopens the same incident, with no new ticket or mail', async () => {
    await round(`${httpBase}/down`);
    expect(await round(`${httpBase}/down`)).toEqual({ opened: 0, reopened: 1, closed: 0 });
    expect(await round(`${httpBase}/`)).toMatchObject({ closed: 1 });
    await round(`${httpBase}/down`);
    await round(`${httpBase}/`); // one failure between successes: nothing
    await round(`${httpBase}/down`);
    expect(await round(`${httpBase}/down`)).toMatchObject({ reopened: 1 });
    expect(await incidents()).toHaveLength(1);
    expect(await tickets()).toHaveLength(1);
    expect(await mails()).toHaveLength(1);
    await round(`${httpBase}/`);
  });

  it("M16: the customer's portal users are told when the package says so, in their language, once per outage", async () => {
    const customerMails = () =>
      sql<{ recipient: string; template: string; language: string; subject: string }>(
        `select recipient, template, language, subject from outbox_messages where template in ('site.down', 'site.up')
          order by created_at, template`,
      );
    await sql(
      `update service_packages set notify_customer_of_incidents = true
                where id = (select service_package_id from sites where id = $1)`,
      [site.id],
    );
    // One portal user of the customer, in English; a contact without a login is not mailed.
    const [person] = await sql<{ email: string }>(
      `update contacts set preferred_language = 'en'
        where id = (select u.contact_id from users u join contacts c on c.id = u.contact_id
                     where c.customer_id = (select customer_id from sites where id = $1) and u.status = 'ACTIVE' limit 1)
        returning email`,
      [site.id],
    );
    expect(person).toBeDefined();
    const [{ domain }] = await sql<{ domain: string }>(`select domain from sites where id = $1`, [site.id]);
    const opened = new Date(Date.now() + 2 * 3600_000); // past the flapping window: a new outage
    await round(`${httpBase}/down`, opened);
    await round(`${httpBase}/down`, opened);
    await round(`${httpBase}/down`, opened);
    await round(`${httpBase}/`, new Date(opened.getTime() + 42 * 60_000));
    const sent = await customerMails();
    expect(sent).toEqual([
      {
        recipient: person.email,
        template: 'site.down',
        language: 'en',
        subject: `We are looking into an outage of ${domain}`,
      },
      { recipient: person.email, template: 'site.up', language: 'en', subject: `${domain} is back up` },
    ]);
    const [{ payload }] = await sql<{ payload: { minutes: number } }>(
      `select payload from outbox_messages where template = 'site.up'`,
    );
    expect(payload.minutes).toBe(42);
    await sql(`update service_packages set notify_customer_of_incidents = false`);
  });

  it('M16: a certificate expiring within 14 days opens a warning once', async () => {
    expect(await round(`${httpsBase}/`)).toEqual({ opened: 1, reopened: 0, closed: 0 });
    expect(await round(`${httpsBase}/`)).toEqual({ opened: 0, reopened: 0, closed: 0 });
    const warnings = (await incidents()).filter((i) => i.kind === 'CERTIFICATE');
    expect(warnings).toHaveLength(1);
    const [ticket] = await sql<{ subject: string }>(`select subject from support_tickets where id = $1`, [
      warnings[0].ticket_id,
    ]);
    expect(ticket.subject).toContain(certExpires.toISOString().slice(0, 10));
    expect((await tickets()).filter((t) => t.id === warnings[0].ticket_id)).toHaveLength(1);
    expect((await tickets()).filter((t) => /Certifikat|certificate/.test(t.subject))).toHaveLength(1);
  });
});

describe('M16: roll-ups and retention', () => {
  it('M16: complete hours and days become roll-ups (uptime, p50/p95); raw results past 7 days go, roll-ups stay', async () => {
    const [site] = await monitored();
    await sql(`delete from site_check_results`);
    await sql(`delete from site_check_rollups`);
    const now = new Date('2026-12-06T12:30:00Z');
    // 2 days ago, 10:00-11:00 UTC: 20 checks, 19 up (10..190 ms), one down.
    await sql(
      `insert into site_check_results (id, tenant_id, site_id, kind, checked_at, ok, status_code, response_ms)
       select gen_random_uuid(), $1, $2, 'HTTP', timestamptz '2026-12-04T10:00:00Z' + make_interval(mins => 3 * i),
              i <> 20, case when i <> 20 then 200 else 503 end, 10 * i
         from generate_series(1, 20) i`,
      [site.tenant_id, site.id],
    );
    // 9 days ago: old raw rows (their roll-ups were made while they were in the window).
    await sql(
      `insert into site_check_results (id, tenant_id, site_id, kind, checked_at, ok, status_code, response_ms)
       values (gen_random_uuid(), $1, $2, 'HTTP', '2026-11-27T10:00:00Z', true, 200, 50)`,
      [site.tenant_id, site.id],
    );
    // The current hour is not complete: not rolled up yet.
    await sql(
      `insert into site_check_results (id, tenant_id, site_id, kind, checked_at, ok, status_code, response_ms)
       values (gen_random_uuid(), $1, $2, 'HTTP', '2026-12-06T12:10:00Z', true, 200, 50)`,
      [site.tenant_id, site.id],
    );
    await sql(
      `insert into site_check_rollups (id, tenant_id, site_id, period, period_start, checks, ok_checks, p50_ms, p95_ms)
       values (gen_random_uuid(), $1, $2, 'DAY', '2026-11-27T00:00:00Z', 288, 288, 50, 80),
              (gen_random_uuid(), $1, $2, 'HOUR', '2026-08-01T00:00:00Z', 12, 12, 50, 80)`,
      [site.tenant_id, site.id],
    );

    const first = await pruneChecks(owner.em, now);
    expect(first.find((r) => r.task === 'check results')?.removed).toBe(1);
    expect(first.find((r) => r.task === 'check roll-ups')?.removed).toBe(1); // the hour older than 90 days
    const rollups = await sql<{
      period: string;
      period_start: Date;
      checks: number;
      ok_checks: number;
      p50_ms: number;
      p95_ms: number;
    }>(
      `select period, period_start, checks, ok_checks, p50_ms, p95_ms from site_check_rollups
        where site_id = $1 order by period, period_start`,
      [site.id],
    );
    const byKey = (period: string, iso: string) =>
      rollups.find((r) => r.period === period && new Date(r.period_start).toISOString() === iso);
    // Median and 95th percentile of 10..190 ms (the failed check has no response time to count).
    expect(byKey('HOUR', '2026-12-04T10:00:00.000Z')).toMatchObject({
      checks: 19,
      ok_checks: 19,
      p50_ms: 100,
      p95_ms: 181,
    });
    expect(byKey('HOUR', '2026-12-04T11:00:00.000Z')).toMatchObject({ checks: 1, ok_checks: 0, p50_ms: null });
    expect(byKey('DAY', '2026-12-04T00:00:00.000Z')).toMatchObject({ checks: 20, ok_checks: 19, p50_ms: 100 });
    expect(byKey('DAY', '2026-11-27T00:00:00.000Z')).toMatchObject({ checks: 288 }); // kept, not remade from a pruned day
    expect(byKey('HOUR', '2026-12-06T12:00:00.000Z')).toBeUndefined();
    expect(byKey('DAY', '2026-12-06T00:00:00.000Z')).toBeUndefined();
    expect(rollups).toHaveLength(4);

    // Again: the same roll-ups, nothing more to prune.
    const again = await pruneChecks(owner.em, now);
    expect(again.find((r) => r.task === 'check results')?.removed).toBe(0);
    expect(
      await sql(
        `select period, period_start, checks, ok_checks from site_check_rollups where site_id = $1 order by 1, 2`,
        [site.id],
      ),
    ).toEqual(
      rollups.map(({ period, period_start, checks, ok_checks }) => ({ period, period_start, checks, ok_checks })),
    );
    const [audit] = await sql<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'retention.checkResults' and tenant_id = $1`,
      [site.tenant_id],
    );
    expect(audit.n).toBe(1);
  });
});
