// P11: the visit log over HTTP: a public endpoint the agency's sites call, the user agent parsed
// (ua-parser-js), IPs truncated by retention after 30 days, personal data of a logged-in visitor.
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode, type GraphQLResponse } from '../support/api-client';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(() => demo?.stop());

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const EDGE_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86';
const RECORD = 'mutation($i: VisitInput!) { visitRecord(input: $i) }';

/** A page view as a browser on the agency's site sends it: its own user agent, maybe a session cookie. */
async function visit(
  input: Record<string, unknown>,
  userAgent = FIREFOX_LINUX,
  cookie?: string,
): Promise<GraphQLResponse> {
  const res = await fetch(`${demo.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query: RECORD, variables: { i: { agency: 'jj-media', ...input } } }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse, 'status' | 'headers'>;
  return { ...body, status: res.status, headers: res.headers };
}

const VISITS = `query($f: VisitFilter) { visits(filter: $f, page: { take: 100 }) {
  totalCount nodes { path referrer visitorId ip browserName browserVersion osName osVersion createdAt } } }`;

describe('P11: the visit log', () => {
  it('P11: a visit is recorded without a login; staff read the parsed browser, version, OS and the IP', async () => {
    const res = await visit(
      { path: '/tjanster/webbutveckling', referrer: 'https://duckduckgo.com/', visitorId: 'v-test-00000001' },
      EDGE_WINDOWS,
    );
    expect(res.data).toEqual({ visitRecord: true });
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { visits } = await staff.ok(VISITS, { f: { pathPrefix: '/tjanster/' } });
    expect(visits.nodes).toEqual([
      expect.objectContaining({
        path: '/tjanster/webbutveckling',
        referrer: 'https://duckduckgo.com/',
        visitorId: 'v-test-00000001',
        ip: '127.0.0.1',
        browserName: 'Edge',
        browserVersion: '131.0.2903.86',
        osName: 'Windows',
        osVersion: '10',
      }),
    ]);
    // The raw user agent is not kept anywhere in the row.
    const [row] = await sql(`select to_jsonb(v)::text as row from visits v where path = '/tjanster/webbutveckling'`);
    expect(row.row).not.toContain('Mozilla');
  });

  it('P11: a logged-in visit is linked to the login; filters by visitor, browser and time', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    expect(
      (await visit({ path: '/portal/fakturor', visitorId: 'v-anna-0000001' }, FIREFOX_LINUX, customer.cookie)).data,
    ).toEqual({ visitRecord: true });
    const [row] = await sql(
      `select u.email, v.browser_name, v.browser_version, v.os_name from visits v join users u on u.id = v.user_id
        where v.path = '/portal/fakturor'`,
    );
    expect(row).toEqual({
      email: 'anna@bageriet.example.com',
      browser_name: 'Firefox',
      browser_version: '128.0',
      os_name: 'Ubuntu',
    });

    const staff = await as(demo.url, 'jj-media', 'ADMIN');
    const byVisitor = await staff.ok(VISITS, { f: { visitorId: 'v-anna-0000001' } });
    expect(byVisitor.visits.nodes.map((v: any) => v.path)).toEqual(['/portal/fakturor']);
    const byBrowser = await staff.ok(VISITS, { f: { browserName: 'Edge' } });
    expect(byBrowser.visits.nodes.map((v: any) => v.path)).toEqual(['/tjanster/webbutveckling']);
    const recent = await staff.ok(VISITS, { f: { from: new Date(Date.now() - 3600_000).toISOString() } });
    expect(recent.visits.totalCount).toBe(2);
  });

  it('P11: input sizes are bounded and named; an unknown agency answers like a known one', async () => {
    for (const [over, field] of [
      [{ path: `/${'a'.repeat(1000)}` }, 'path'],
      [{ path: 'no-slash' }, 'path'],
      [{ referrer: 'javascript:alert(1)' }, 'referrer'],
      [{ visitorId: 'x'.repeat(65) }, 'visitorId'],
      [{ visitorId: 'short' }, 'visitorId'],
    ] as const) {
      const res = await visit({ ...over, path: over.path ?? '/' });
      expect({ field, code: errorCode(res), got: res.errors?.[0]?.extensions?.field }).toEqual({
        field,
        code: 'BAD_USER_INPUT',
        got: field,
      });
    }
    const huge = await visit({ path: '/ua' }, `Mozilla/5.0 ${'x'.repeat(8000)}`);
    expect(huge.data).toEqual({ visitRecord: true });
    expect(await visit({ agency: 'no-such-agency', path: '/' })).toMatchObject({ data: { visitRecord: true } });
    expect(
      await sql(`select count(*)::int as n from visits where path = '/' and created_at > now() - interval '1 minute'`),
    ).toEqual([{ n: 0 }]);
  });

  it('P11: retention truncates IPs older than 30 days (IPv4 to /24, IPv6 to /48), newer ones stay, and it is audited', async () => {
    await visit({ path: '/gammal-1' }, FIREFOX_LINUX);
    await visit({ path: '/ny' }, FIREFOX_LINUX);
    const [{ id: tenantId }] = await sql(`select id from tenants where slug = 'jj-media'`);
    await sql(`update visits set created_at = now() - interval '31 days', ip = '192.0.2.201' where path = '/gammal-1'`);
    await sql(
      `insert into visits (id, tenant_id, created_at, updated_at, path, ip, browser_name)
       values (gen_random_uuid(), $1, now() - interval '45 days', now(), '/gammal-2', '2001:db8:abcd:12:1:2:3:4', 'Safari'),
              (gen_random_uuid(), $1, now() - interval '29 days', now(), '/nastan', '192.0.2.202', 'Safari')`,
      [tenantId],
    );
    const out = await runCli(demo, ['retention:run']);
    expect(out).toMatch(/visit-ips: removed \d+/);
    const rows = await sql(
      `select path, ip, ip_anonymised_at is not null as done, browser_name from visits
        where path in ('/gammal-1', '/gammal-2', '/nastan', '/ny') order by path`,
    );
    expect(rows).toEqual([
      { path: '/gammal-1', ip: '192.0.2.0', done: true, browser_name: 'Firefox' },
      { path: '/gammal-2', ip: '2001:db8:abcd::', done: true, browser_name: 'Safari' },
      { path: '/nastan', ip: '192.0.2.202', done: false, browser_name: 'Safari' },
      { path: '/ny', ip: '127.0.0.1', done: false, browser_name: 'Firefox' },
    ]);
    // The seeded visit from 40 days ago is truncated too.
    expect(await sql(`select ip from visits where tenant_id = $1 and ip like '198.51.100.%'`, [tenantId])).toEqual([
      { ip: '198.51.100.0' },
    ]);
    const [audit] = await sql(
      `select detail from audit_events where action = 'retention.visit_ips' and tenant_id = $1`,
      [tenantId],
    );
    expect(audit.detail).toMatchObject({ anonymised: 3, days: 30 });
    // Idempotent: a second run changes nothing.
    expect(await runCli(demo, ['retention:run'])).toMatch(/visit-ips: removed 0/);
  });

  it("P26: visits go after the analytics purpose's retention period, which the admin sets; audited per agency", async () => {
    const [{ id: tenantId }] = await sql(`select id from tenants where slug = 'jj-media'`);
    const [{ id: nordvikId }] = await sql(`select id from tenants where slug = 'nordvik-webbyra'`);
    await sql(
      `insert into visits (id, tenant_id, created_at, updated_at, path, browser_name)
       values (gen_random_uuid(), $1, now() - interval '400 days', now(), '/p26-forntid', 'Firefox'),
              (gen_random_uuid(), $1, now() - interval '100 days', now(), '/p26-i-varas', 'Firefox'),
              (gen_random_uuid(), $2, now() - interval '100 days', now(), '/p26-nordvik', 'Firefox')`,
      [tenantId, nordvikId],
    );
    const paths = async () =>
      (await sql(`select path from visits where path like '/p26-%' order by path`)).map((r) => r.path);
    await runCli(demo, ['retention:run']);
    // The default period is 395 days: only the visit from 400 days ago is gone.
    expect(await paths()).toEqual(['/p26-i-varas', '/p26-nordvik']);
    // JJ Media's admin shortens the period to 90 days; Nordvik's own period is untouched.
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const [{ id: analytics }] = await sql(
      `select id from processing_purposes where tenant_id = $1 and key = 'analytics'`,
      [tenantId],
    );
    await admin.ok(
      'mutation($id: UUID!, $i: ProcessingPurposeUpdateInput!) { processingPurposeUpdate(id: $id, input: $i) { retentionDays } }',
      { id: analytics, i: { retentionDays: 90 } },
    );
    await runCli(demo, ['retention:run']);
    expect(await paths()).toEqual(['/p26-nordvik']);
    const audits = await sql(
      `select detail from audit_events where action = 'retention.purpose' and entity_type = 'Visit' and tenant_id = $1
        order by created_at`,
      [tenantId],
    );
    expect(audits.map((a) => a.detail)).toEqual([
      { purpose: 'analytics', removed: 1 },
      { purpose: 'analytics', removed: expect.any(Number) },
    ]);
    expect(audits[1].detail.removed).toBeGreaterThanOrEqual(1);
    await sql(`delete from visits where path like '/p26-%'`);
  });

  it('P11: nordvik-webbyra sees only its own visits; contractors and customers are FORBIDDEN', async () => {
    const nordvik = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const { visits } = await nordvik.ok(VISITS);
    expect(visits.totalCount).toBe(4);
    expect(visits.nodes.map((v: any) => v.path)).not.toContain('/tjanster/webbutveckling');
    for (const role of ['CONTRACTOR', 'CUSTOMER'] as const) {
      const client = await as(demo.url, 'jj-media', role);
      expect({ role, code: errorCode(await client.gql(VISITS)) }).toEqual({ role, code: 'FORBIDDEN' });
    }
    expect(errorCode(await new ApiClient(demo.url).gql(VISITS))).toBe('UNAUTHENTICATED');
  });

  it('P11: the public endpoint is rate-limited per IP', async () => {
    const results = await Promise.all(Array.from({ length: 130 }, (_, i) => visit({ path: `/flood/${i}` })));
    const limited = results.filter((r) => errorCode(r) === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    expect(results.length - limited.length).toBeLessThanOrEqual(120);
  });
});
