// Issue 23: the contract is a legal basis, and it ends (PostgreSQL's `sitecare_contract_ends`, the
// customers module's retention task modules/customers/contract-end.ts). The contacts are told 30 days
// ahead, in their language; the data held only for the contract is minimised no earlier than 30 days
// after that notice; accounting records stay under their own hold. The clock is the retention run's
// `--now`, never a wait.
import { randomUUID } from 'node:crypto';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
let staff: ApiClient;
let customer: ApiClient;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

const ANNA = 'anna@bageriet.example.com';
const ENGLISH = 'contract-end-en@bageriet.example.com';
const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date();
const at = (days: number) => new Date(T0.getTime() + days * DAY).toISOString();
const retention = (days: number) => runCli(demo, ['retention:run', '--now', at(days)]);

let tenantId: string;
/** Bageriet (Anna's customer): its contract ended a year ago. */
let ended: string;
/** Ends in 40 days: told 30 days before, not earlier. */
let soon: string;
/** An active subscription, old orders: the contract runs. */
let running: string;
/** No subscription, a recent order. */
let recent: string;

/** Everything held only for the contract of `customerId`, counted. */
async function contractData(customerId: string) {
  const [row] = await sql(
    `select
       (select count(*)::int from ticket_messages m join support_tickets t on t.id = m.ticket_id
         where t.customer_id = $1 and m.body <> '') as bodies,
       (select count(*)::int from site_credentials c join sites s on s.id = c.site_id where s.customer_id = $1) as credentials,
       (select count(*)::int from site_backups b join sites s on s.id = b.site_id where s.customer_id = $1) as backups,
       (select count(*)::int from visits v join users u on u.id = v.user_id join contacts c on c.id = u.contact_id
         where c.customer_id = $1) as visits`,
    [customerId],
  );
  return row as { bodies: number; credentials: number; backups: number; visits: number };
}

async function accounting(customerId: string) {
  const [row] = await sql(
    `select (select count(*)::int from orders where customer_id = $1) as orders,
            (select count(*)::int from invoices where customer_id = $1) as invoices,
            (select count(*)::int from payments p join orders o on o.id = p.order_id where o.customer_id = $1) as payments`,
    [customerId],
  );
  return row;
}

/** Gives `customerId` a site with a credential and a backup, a ticket with a message, and a visit of a login. */
async function holdContractData(customerId: string) {
  const [contact] = await sql(`select id from contacts where customer_id = $1 order by email limit 1`, [customerId]);
  const { supportTicketCreate } = await staff.ok(
    'mutation($i: SupportTicketInput!) { supportTicketCreate(input: $i) { id } }',
    { i: { subject: 'Kontrakt', body: 'Uppgifter för avtalet', customerId, contactId: contact.id } },
  );
  expect(supportTicketCreate.id).toBeTruthy();
  let [site] = await sql(`select id from sites where customer_id = $1 limit 1`, [customerId]);
  if (!site) {
    [site] = await sql(
      `insert into sites (id, tenant_id, customer_id, domain, platform, production_url)
       values (gen_random_uuid(), $1, $2, $3, 'WORDPRESS', $4) returning id`,
      [
        tenantId,
        customerId,
        `k${customerId.slice(0, 8)}.example.com`,
        `https://k${customerId.slice(0, 8)}.example.com`,
      ],
    );
  }
  await staff.ok('mutation($i: SiteCredentialInput!) { siteCredentialCreate(input: $i) { id } }', {
    i: { siteId: site.id, kind: 'CMS_ADMIN', label: 'WordPress', username: 'admin', secret: 'hemligt-lösen-123' },
  });
  await sql(
    `insert into site_backups (id, tenant_id, site_id, taken_at, location, size_bytes, expires_at)
     values ($1, $2, $3, $4, 's3://backups/k', 1024, $5)`,
    [randomUUID(), tenantId, site.id, T0, new Date(T0.getTime() + 3650 * DAY)],
  );
  let [user] = await sql(`select u.id from users u join contacts c on c.id = u.contact_id where c.customer_id = $1`, [
    customerId,
  ]);
  if (!user) {
    [user] = await sql(
      `insert into users (id, tenant_id, email, name, role, status, contact_id, preferred_language)
       values (gen_random_uuid(), $1, $2, 'Kontakt', 'CUSTOMER', 'INVITED', $3, 'sv') returning id`,
      [tenantId, `login-${customerId.slice(0, 8)}@example.com`, contact.id],
    );
  }
  await sql(
    `insert into visits (id, tenant_id, created_at, path, user_id, ip) values ($1, $2, $3, '/portal', $4, '203.0.113.9')`,
    [randomUUID(), tenantId, T0, user.id],
  );
}

/** The customer's last order at `orderAt`, every subscription cancelled then (or left running). */
async function contractAt(customerId: string, orderAt: Date, keepSubscriptions = false) {
  await sql(`update customers set created_at = $2 where id = $1`, [customerId, orderAt]);
  await sql(`update orders set created_at = $2 where customer_id = $1`, [customerId, orderAt]);
  if (!keepSubscriptions)
    await sql(
      `update subscriptions set status = 'CANCELLED', cancelled_at = $2, current_period_end = $2, current_period_start = $2
        where customer_id = $1`,
      [customerId, orderAt],
    );
}

const years = (n: number, days = 0) => {
  const d = new Date(T0);
  d.setUTCFullYear(d.getUTCFullYear() - n);
  return new Date(d.getTime() + days * DAY);
};

const notices = (customerId: string) =>
  sql(
    `select o.recipient, o.language, o.subject from outbox_messages o join contacts c on c.email = o.recipient
      where o.template = 'contract.ending' and c.customer_id = $1 order by o.recipient`,
    [customerId],
  );

beforeAll(async () => {
  demo = await startDemoApp();
  staff = await as(demo.url, 'jj-media', 'ADMIN');
  customer = await as(demo.url, 'jj-media', 'CUSTOMER');
  [{ tenant_id: tenantId, customer_id: ended }] = await sql(
    `select tenant_id, customer_id from contacts where email = $1`,
    [ANNA],
  );
  // Fjällbacka runs on a subscription; two new customers, each with a copy of one of Bageriet's orders.
  [{ id: running }] = await sql(`select id from customers where tenant_id = $1 and id <> $2 order by name limit 1`, [
    tenantId,
    ended,
  ]);
  if (!(await sql(`select 1 from subscriptions where customer_id = $1 and status = 'ACTIVE'`, [running])).length)
    await sql(
      `insert into subscriptions select (jsonb_populate_record(null::subscriptions, to_jsonb(s)
         || jsonb_build_object('id', gen_random_uuid(), 'customer_id', $2::uuid, 'site_id', null, 'status', 'ACTIVE',
                               'cancelled_at', null))).*
         from subscriptions s where s.customer_id = $1 limit 1`,
      [ended, running],
    );
  [soon, recent] = await Promise.all(
    ['Snart Slut AB', 'Nyss Köpt AB'].map(async (name, i) => {
      const { customerCreate } = await staff.ok('mutation($i: CustomerInput!) { customerCreate(input: $i) { id } }', {
        i: { name, billingCountry: 'SE' },
      });
      await staff.ok('mutation($c: UUID!, $i: ContactInput!) { contactCreate(customerId: $c, input: $i) { id } }', {
        c: customerCreate.id,
        i: { name: `Kontakt ${i}`, email: `kontakt${i}@kund${i}.example.com` },
      });
      return customerCreate.id as string;
    }),
  );
  for (const id of [soon, recent])
    await sql(
      `insert into orders select (jsonb_populate_record(null::orders, to_jsonb(o)
         || jsonb_build_object('id', gen_random_uuid(), 'customer_id', $2::uuid, 'contact_id', null,
                               'subscription_id', null, 'placed_by_id', null,
                               'number', (select max(number) + 1 from orders where tenant_id = o.tenant_id)))).*
         from orders o where o.customer_id = $1 order by o.number limit 1`,
      [ended, id],
    );
  await staff.ok('mutation($c: UUID!, $i: ContactInput!) { contactCreate(customerId: $c, input: $i) { id } }', {
    c: ended,
    i: { name: 'Erin English', email: ENGLISH, preferredLanguage: 'en' },
  });
  await sql(`update contacts set preferred_language = 'sv' where email = $1`, [ANNA]);
  for (const id of [ended, soon, running, recent]) await holdContractData(id);
  // Backup records also expire by their own date (P10): here they outlive the test's clock.
  await sql(`update site_backups set expires_at = $2 where tenant_id = $1`, [
    tenantId,
    new Date(T0.getTime() + 3650 * DAY),
  ]);

  await contractAt(ended, years(4));
  await contractAt(soon, years(3, 40));
  await contractAt(running, years(4), true);
  if (!(await sql(`select 1 from subscriptions where customer_id = $1 and status = 'ACTIVE'`, [running])).length)
    throw new Error('the demo has no customer with an active subscription');
  await contractAt(recent, years(4));
  await sql(
    `update orders set created_at = $2 where id = (select id from orders where customer_id = $1 order by number desc limit 1)`,
    [recent, new Date(T0.getTime() - DAY)],
  );
});
afterAll(async () => {
  await demo?.stop();
});

describe("M23: the contract's end", () => {
  it("M23: admins set the years the contract's data is kept (1-10, default 3); bad input names the field", async () => {
    expect((await staff.ok('{ tenant { contractRetentionYears } }')).tenant.contractRetentionYears).toBe(3);
    const bad = await staff.gql('mutation { tenantUpdate(input: { contractRetentionYears: 0 }) { id } }');
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('contractRetentionYears');
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect(
      errorCode(await employee.gql('mutation { tenantUpdate(input: { contractRetentionYears: 5 }) { id } }')),
    ).toBe('FORBIDDEN');
    await staff.ok('mutation { tenantUpdate(input: { contractRetentionYears: 3 }) { id } }');
  });

  it('M23: the contacts are told 30 days ahead, each in their language; nothing is minimised yet', async () => {
    const before = await contractData(ended);
    expect(before).toEqual({
      bodies: expect.any(Number),
      credentials: expect.any(Number),
      backups: expect.any(Number),
      visits: expect.any(Number),
    });
    expect(Math.min(before.bodies, before.credentials, before.backups, before.visits)).toBeGreaterThan(0);

    expect(await retention(0)).toMatch(/contract-end: removed 0/);
    const sent = await notices(ended);
    expect(sent.map((m) => [m.recipient, m.language])).toEqual([
      [ANNA, 'sv'],
      [ENGLISH, 'en'],
      ['olof@bageriet.example.com', 'sv'],
    ]);
    expect(sent.find((m) => m.language === 'sv')!.subject).toMatch(/Vi rensar uppgifter/);
    expect(sent.find((m) => m.language === 'en')!.subject).toMatch(/We are removing data/);
    // 40 days ahead is too early for a notice; a running or recent contract gets none.
    expect(await notices(soon)).toHaveLength(0);
    expect(await notices(running)).toHaveLength(0);
    expect(await notices(recent)).toHaveLength(0);
    expect(await contractData(ended)).toEqual(before);
  });

  it('M23: before the notice is 30 days old nothing is minimised, and nobody is told twice', async () => {
    const before = await contractData(ended);
    expect(await retention(29)).toMatch(/contract-end: removed 0/);
    expect(await contractData(ended)).toEqual(before);
    expect(await notices(ended)).toHaveLength(3);
    // Now 11 days from its end: that one is told.
    expect((await notices(soon)).length).toBeGreaterThan(0);
  });

  it("M23: after it, the contract's data is minimised, audited per agency with counts; accounting stays", async () => {
    const books = await accounting(ended);
    const others = await Promise.all([soon, running, recent].map(contractData));
    expect(await retention(31)).toMatch(/contract-end: removed [1-9]\d*/);
    expect(await contractData(ended)).toEqual({ bodies: 0, credentials: 0, backups: 0, visits: 0 });
    expect(await accounting(ended)).toEqual(books);
    expect(books.orders).toBeGreaterThan(0);
    // Not yet past its end (40 days), a running subscription, a recent order: untouched.
    expect(await Promise.all([soon, running, recent].map(contractData))).toEqual(others);

    const events = await sql(
      `select tenant_id, actor_type, detail from audit_events where action = 'retention.contract_end' order by created_at`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ tenant_id: tenantId, actor_type: 'SYSTEM' });
    expect(events[0].detail).toMatchObject({
      customers: 1,
      ticketMessages: expect.any(Number),
      credentials: expect.any(Number),
      backups: expect.any(Number),
      visits: expect.any(Number),
      customerIds: [ended],
    });
    expect(events[0].detail.ticketMessages).toBeGreaterThan(0);
    expect(events[0].detail.credentials).toBeGreaterThan(0);
    expect(events[0].detail.backups).toBeGreaterThan(0);
    const told = await sql(`select detail from audit_events where action = 'retention.contract_end_notice'`);
    expect(told.map((e) => e.detail.customerIds).flat()).toEqual(expect.arrayContaining([ended, soon]));
  });

  it('M23: running it again changes nothing more', async () => {
    const before = await sql(`select count(*)::int as n from audit_events where action like 'retention.contract_end%'`);
    const mails = await sql(`select count(*)::int as n from outbox_messages where template = 'contract.ending'`);
    expect(await retention(32)).toMatch(/contract-end: removed 0/);
    expect(await retention(32)).toMatch(/contract-end-notice: removed 0/);
    expect(
      await sql(`select count(*)::int as n from audit_events where action like 'retention.contract_end%'`),
    ).toEqual(before);
    expect(await sql(`select count(*)::int as n from outbox_messages where template = 'contract.ending'`)).toEqual(
      mails,
    );
  });
});

describe('M23: the legal-basis view of a contact', () => {
  const BASES = 'query($id: UUID!) { contact(id: $id) { legalBases { key basis categories heldUntil } } }';

  it('M23: staff see the contract basis with its end and the accounting hold with its keep-until', async () => {
    const [anna] = await sql(`select id from contacts where email = $1`, [ANNA]);
    const { contact } = await staff.ok(BASES, { id: anna.id });
    const [end] = await sql(`select ends_at from sitecare_contract_ends($1)`, [ended]);
    const byKey = Object.fromEntries(contact.legalBases.map((b: any) => [b.key, b]));
    expect(byKey.contract).toMatchObject({ basis: 'CONTRACT', heldUntil: new Date(end.ends_at).toISOString() });
    expect(byKey.contract.categories).toEqual(['tickets', 'site_credentials', 'backups', 'visits']);
    expect(byKey.accounting.basis).toBe('LEGAL_OBLIGATION');
    expect(byKey.accounting.categories).toEqual(['orders', 'invoices', 'credit_notes', 'payments']);
    // The seventh year after the financial year of the last record: 1 January, eight years on.
    expect(new Date(byKey.accounting.heldUntil).getTime()).toBeGreaterThan(new Date(end.ends_at).getTime());

    const [runningContact] = await sql(`select id from contacts where customer_id = $1 limit 1`, [running]);
    const { contact: other } = await staff.ok(BASES, { id: runningContact.id });
    expect(other.legalBases.find((b: any) => b.key === 'contract').heldUntil).toBeNull();
  });

  it('M23: the person reads their own in the portal', async () => {
    const { me } = await customer.ok('{ me { contact { legalBases { key heldUntil } } } }');
    expect(me.contact.legalBases.map((b: any) => b.key)).toEqual(['contract', 'accounting']);
  });
});

describe('M23: an anonymous checkout reveals no restriction', () => {
  const CHECKOUT = 'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId } }';
  const order = async (client: ApiClient, email?: string) => {
    const [pkg] = await sql(`select p.id from service_packages p where p.tenant_id = $1 and p.name_en = 'Plus'`, [
      tenantId,
    ]);
    return client.gql(CHECKOUT, {
      i: {
        agency: 'jj-media',
        packageId: pkg.id,
        interval: 'MONTHLY',
        currency: 'SEK',
        provider: 'STRIPE',
        ...(email ? { buyer: { name: 'Anna Ek', email, country: 'SE', preferredLanguage: 'sv' } } : {}),
      },
    });
  };

  it('M23: a stranger with a restricted person’s e-mail gets a refusal naming no restriction; no order is made', async () => {
    await sql(`update contacts set processing_restricted_at = now() where email = $1`, [ANNA]);
    const orders = await accounting(ended);
    const res = await order(new ApiClient(demo.url), ANNA.toUpperCase());
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const { requestId: _id, ...extensions } = res.errors![0].extensions as Record<string, unknown>;
    expect(extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'buyer' });
    expect(res.errors![0].message).not.toMatch(/restrict|Art\. 18|GDPR/i);
    expect(await accounting(ended)).toEqual(orders);
  });

  it('M23: the logged-in person still gets the typed error naming the restriction', async () => {
    const res = await order(customer);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'buyer', restriction: 'PROCESSING_RESTRICTED' });
  });
});
