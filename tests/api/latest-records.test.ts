// The nested lists the dashboard's customer list and site page ask for in one request (issue 8):
// Customer.latestOrders, Site.latestOrders, Site.openTickets and SupportTicket.latestMessages, with
// their access rules and across agencies.
import { queryAs } from '../../server/src/testing/database';
import { as, demoEmail, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);
let customerId: string;
let siteId: string;
let ticketId: string;

beforeAll(async () => {
  demo = await startDemoApp();
  // The demo customer's own customer record and one of its sites, with 7 orders for the site (a day
  // apart), an open ticket with 5 messages (the newest internal) and a resolved one.
  [{ customer_id: customerId }] = await sql(
    `select k.customer_id from users u join contacts k on k.id = u.contact_id where u.email = $1`,
    [demoEmail('jj-media', 'CUSTOMER')],
  );
  [{ id: siteId }] = await sql(`select id from sites where customer_id = $1 order by domain limit 1`, [customerId]);
  await sql(
    `insert into orders (id, tenant_id, number, customer_id, site_id, status, provider, currency, subtotal_minor,
       vat_rate_basis_points, vat_minor, total_minor, created_at, vat_reason, buyer_type, buyer_country)
     select gen_random_uuid(), s.tenant_id, 9000 + g, s.customer_id, s.id, 'PAID', 'STRIPE', 'SEK', 100 * g, 2500, 25 * g,
       125 * g, now() - (g || ' days')::interval, 'DOMESTIC', 'COMPANY', 'SE'
     from sites s, generate_series(1, 7) g where s.id = $1`,
    [siteId],
  );
  [{ id: ticketId }] = await sql(
    `insert into support_tickets (id, tenant_id, subject, customer_id, site_id, status, priority, channel,
       first_response_due_at, password_flagged)
     select gen_random_uuid(), s.tenant_id, 'Kassan hänger sig', s.customer_id, s.id, 'OPEN', 'HIGH', 'PORTAL',
       now() + interval '1 day', false from sites s where s.id = $1 returning id`,
    [siteId],
  );
  await sql(
    `insert into support_tickets (id, tenant_id, subject, customer_id, site_id, status, priority, channel,
       first_response_due_at, password_flagged)
     select gen_random_uuid(), s.tenant_id, 'Löst sedan länge', s.customer_id, s.id, 'RESOLVED', 'LOW', 'PORTAL',
       now(), false from sites s where s.id = $1`,
    [siteId],
  );
  await sql(
    `insert into ticket_messages (id, tenant_id, ticket_id, body, internal, password_hints, created_at)
     select gen_random_uuid(), t.tenant_id, t.id, 'Meddelande ' || g, g = 5, '[]', now() - ((5 - g) || ' minutes')::interval
     from support_tickets t, generate_series(1, 5) g where t.id = $1`,
    [ticketId],
  );
});
afterAll(() => demo?.stop());

const CUSTOMERS = `{ customers(page: { take: 100 }) { nodes { id latestOrders { number createdAt } } } }`;
const SITE = `query($id: UUID!) { site(id: $id) {
  latestOrders { number }
  openTickets { id subject latestMessages { body } } } }`;

describe('latest records, nested', () => {
  it("Customer.latestOrders: a customer's 5 newest orders, newest first, for staff", async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const { customers } = await admin.ok(CUSTOMERS);
    const mine = customers.nodes.find((c: { id: string }) => c.id === customerId);
    expect(mine.latestOrders).toHaveLength(5);
    const times = mine.latestOrders.map((o: { createdAt: string }) => Date.parse(o.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const [{ newest }] = await sql(`select max(created_at) as newest from orders where customer_id = $1`, [customerId]);
    expect(times[0]).toBe(new Date(newest).getTime());
  });

  it("a site's latest orders, its open tickets only, and each ticket's 3 newest messages", async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { site } = await employee.ok(SITE, { id: siteId });
    expect(site.latestOrders.map((o: { number: number }) => o.number)).toEqual([
      9001, 9002, 9003, 9004, 9005, 9006, 9007,
    ]);
    const subjects = site.openTickets.map((t: { subject: string }) => t.subject);
    expect(subjects).toContain('Kassan hänger sig');
    expect(subjects).not.toContain('Löst sedan länge');
    const ticket = site.openTickets.find((t: { id: string }) => t.id === ticketId);
    expect(ticket.latestMessages.map((m: { body: string }) => m.body)).toEqual([
      'Meddelande 5',
      'Meddelande 4',
      'Meddelande 3',
    ]);
  });

  it('the customer sees their own orders and tickets, never internal notes', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { site } = await customer.ok(SITE, { id: siteId });
    expect(site.latestOrders).toHaveLength(7);
    const ticket = site.openTickets.find((t: { id: string }) => t.id === ticketId);
    expect(ticket.latestMessages.map((m: { body: string }) => m.body)).toEqual([
      'Meddelande 4',
      'Meddelande 3',
      'Meddelande 2',
    ]);
  });

  it('contractors may not read orders through a customer or a site (FORBIDDEN)', async () => {
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    const [{ id: assigned }] = await sql(
      `select a.site_id as id from site_assignments a join users u on u.id = a.user_id
        where u.email = $1 and (a.ends_at is null or a.ends_at > now()) limit 1`,
      [demoEmail('jj-media', 'CONTRACTOR')],
    );
    const res = await contractor.gql(`query($id: UUID!) { site(id: $id) { latestOrders { number } } }`, {
      id: assigned,
    });
    expect(errorCode(res)).toBe('FORBIDDEN');
    const open = await contractor.gql(`query($id: UUID!) { site(id: $id) { openTickets { id } } }`, { id: assigned });
    expect(open.errors).toBeUndefined();
  });

  it("another agency's staff get NOT_FOUND for the site, and none of its orders in their customer list", async () => {
    const nordvik = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const res = await nordvik.gql(SITE, { id: siteId });
    expect(errorCode(res)).toBe('NOT_FOUND');
    const { customers } = await nordvik.ok(CUSTOMERS);
    const numbers = customers.nodes.flatMap((c: { latestOrders: { number: number }[] }) =>
      c.latestOrders.map((o) => o.number),
    );
    expect(numbers.filter((n: number) => n > 9000)).toEqual([]);
  });
});
