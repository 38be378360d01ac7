// Issue 25 item 6: the staff home page's numbers come from the server, in one query, counted over
// every row the viewer may see (not the first 100 the browser loaded): site 101 of 120 is flagged,
// the oldest unpaid order is the oldest of all; the other agency's rows never count; customers and
// contractors may not ask.
import { queryAs } from '../../server/src/testing/database';
import { as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);
let tenantId: string;

const HOME = `query HomeSummary { homeSummary {
  newLeads { totalCount nodes { id name } }
  overdueTickets { totalCount nodes { id number } }
  openTickets { totalCount nodes { id firstResponseDueAt customer { name } } }
  payments { pendingOrders pastDueSubscriptions oldestPendingOrder { id number createdAt customer { name } } }
  staleBackups { totalCount nodes { lastBackupAt site { id domain } } }
  privacyRequests { totalCount overdueCount nodes { id type dueAt } }
  breaches { totalCount nodes { id deadline } }
} }`;

/** The same numbers through each card's "all" list (the list the card links to). */
const LISTS = `query HomeLists {
  leads(filter: { status: NEW }) { totalCount }
  overdue: supportTickets(filter: { overdue: true }) { totalCount }
  open: supportTickets(filter: { status: [NEW, OPEN] }) { totalCount }
  orders(filter: { status: PENDING_PAYMENT }) { totalCount }
  subscriptions(filter: { status: PAST_DUE }) { totalCount }
  sites(filter: { status: ACTIVE, backupOverdue: true }) { totalCount }
  privacyRequests(filter: { open: true }) { totalCount }
  overduePrivacy: privacyRequests(filter: { overdue: true }) { totalCount }
  breaches(filter: { awaitingNotification: true }) { totalCount }
}`;

const domain = (n: number) => `home-${String(n).padStart(3, '0')}.example.com`;

beforeAll(async () => {
  demo = await startDemoApp();
  [{ id: tenantId }] = await sql(`select id from tenants where slug = 'jj-media'`);
  // 120 more active sites on a package that promises backups, none backed up yet; 106 more orders
  // waiting for payment, the oldest of them from 2001 and numbered so that it is not first by number.
  await sql(
    `insert into sites (id, tenant_id, customer_id, domain, platform, production_url, status, service_package_id)
     select gen_random_uuid(), $1, c.id, 'home-' || lpad(g::text, 3, '0') || '.example.com', 'WORDPRESS',
            'https://home-' || g || '.example.com', 'ACTIVE', p.id
       from generate_series(1, 120) g,
            (select id from customers where tenant_id = $1 order by name limit 1) c,
            (select id from service_packages where tenant_id = $1 and backups order by name_sv limit 1) p`,
    [tenantId],
  );
  await sql(
    `insert into orders (id, tenant_id, number, customer_id, status, provider, currency, subtotal_minor,
       vat_rate_basis_points, vat_minor, total_minor, created_at, vat_reason, buyer_type, buyer_country)
     select gen_random_uuid(), $1, 7000 + g, c.id, 'PENDING_PAYMENT', 'STRIPE', 'SEK', 100, 2500, 25, 125,
            case when g = 50 then timestamptz '2001-02-03 04:05:06+00' else now() - (g || ' minutes')::interval end,
            'DOMESTIC', 'COMPANY', 'SE'
       from generate_series(1, 106) g, (select id from customers where tenant_id = $1 order by name limit 1) c`,
    [tenantId],
  );
});
afterAll(() => demo?.stop());

describe('issue 25: the staff home page in one query', () => {
  it('M19: every count and "oldest" is over all rows (site 101 of 120 flagged), and matches the lists', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { homeSummary: home } = await employee.ok(HOME);
    const lists = await employee.ok(LISTS);
    expect(home.newLeads.totalCount).toBe(lists.leads.totalCount);
    expect(home.overdueTickets.totalCount).toBe(lists.overdue.totalCount);
    expect(home.openTickets.totalCount).toBe(lists.open.totalCount);
    expect(home.payments.pendingOrders).toBe(lists.orders.totalCount);
    expect(home.payments.pastDueSubscriptions).toBe(lists.subscriptions.totalCount);
    expect(home.staleBackups.totalCount).toBe(lists.sites.totalCount);
    expect(home.privacyRequests.totalCount).toBe(lists.privacyRequests.totalCount);
    expect(home.privacyRequests.overdueCount).toBe(lists.overduePrivacy.totalCount);
    expect(home.breaches.totalCount).toBe(lists.breaches.totalCount);
    for (const card of [home.newLeads, home.openTickets, home.staleBackups, home.privacyRequests, home.breaches]) {
      expect(card.nodes.length).toBe(Math.min(5, card.totalCount));
    }

    // All 120 new sites are stale, far beyond a first page of 100.
    expect(home.staleBackups.totalCount).toBeGreaterThanOrEqual(120);
    const [{ n: pending }] = await sql(
      `select count(*)::int as n from orders where tenant_id = $1 and status = 'PENDING_PAYMENT'`,
      [tenantId],
    );
    expect(home.payments.pendingOrders).toBe(pending);
    expect(pending).toBeGreaterThan(100);
    expect(home.payments.oldestPendingOrder.number).toBe(7050);
    expect(home.payments.oldestPendingOrder.createdAt).toBe('2001-02-03T04:05:06.000Z');
    expect(home.payments.oldestPendingOrder.customer.name).toEqual(expect.any(String));

    // Tickets by first-response time, nearest first.
    const due = home.openTickets.nodes.map((t: { firstResponseDueAt: string }) => t.firstResponseDueAt);
    expect(due).toEqual([...due].sort());
  });

  it('M19: site 101 alone is stale once every other site has a fresh backup; its last backup is shown', async () => {
    await sql(
      `insert into site_backups (id, tenant_id, site_id, taken_at, location, size_bytes, expires_at)
       select gen_random_uuid(), s.tenant_id, s.id,
              case when s.domain = $2 then timestamptz '2001-01-01 00:00:00+00' else now() end,
              'home-test', 1, now() + interval '30 days'
         from sites s where s.tenant_id = $1 and s.status = 'ACTIVE'`,
      [tenantId, domain(101)],
    );
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const { homeSummary: home } = await admin.ok(`query HomeStale { homeSummary {
      staleBackups { totalCount nodes { lastBackupAt site { domain } } } } }`);
    expect(home.staleBackups).toEqual({
      totalCount: 1,
      nodes: [{ lastBackupAt: '2001-01-01T00:00:00.000Z', site: { domain: domain(101) } }],
    });
  });

  it("M19: another agency's staff count only their own rows", async () => {
    const nordvik = await as(demo.url, 'nordvik-webbyra', 'EMPLOYEE');
    const { homeSummary: home } = await nordvik.ok(`query HomeNordvik { homeSummary {
      payments { pendingOrders oldestPendingOrder { number } }
      staleBackups { totalCount nodes { site { domain } } } } }`);
    const [{ id: nordvikId }] = await sql(`select id from tenants where slug = 'nordvik-webbyra'`);
    const [{ n }] = await sql(
      `select count(*)::int as n from orders where tenant_id = $1 and status = 'PENDING_PAYMENT'`,
      [nordvikId],
    );
    expect(home.payments.pendingOrders).toBe(n);
    expect(home.payments.oldestPendingOrder?.number).not.toBe(7050);
    expect(home.staleBackups.nodes.map((s: { site: { domain: string } }) => s.site.domain)).not.toContain(domain(101));
    expect(home.staleBackups.totalCount).toBeLessThan(100);
  });

  it('M19: customers and contractors may not ask for the staff home page (FORBIDDEN)', async () => {
    for (const role of ['CUSTOMER', 'CONTRACTOR'] as const) {
      const client = await as(demo.url, 'jj-media', role);
      expect(errorCode(await client.gql(`query HomeDenied { homeSummary { newLeads { totalCount } } }`))).toBe(
        'FORBIDDEN',
      );
    }
  });
});
