// Support tickets (P6, P4, P31), leads (P35, P1) and care packages over HTTP, with their access rules.
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
const INBOUND_TOKEN = 'inbound-test-token-0123456789abcdef';
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);
const idOf = async (table: string, where: string, params: unknown[] = []) =>
  (await sql(`select id from ${table} where ${where}`, params))[0].id as string;

beforeAll(async () => {
  demo = await startDemoApp({ INBOUND_EMAIL_TOKEN: INBOUND_TOKEN });
});
afterAll(() => demo?.stop());

const CREATE =
  'mutation($i: SupportTicketInput!) { supportTicketCreate(input: $i) { id status channel firstResponseDueAt } }';
const REPLY = 'mutation($t: UUID!, $i: TicketMessageInput!) { ticketMessageCreate(ticketId: $t, input: $i) { id } }';
const TICKET = 'query($id: UUID!) { supportTicket(id: $id) { status firstRespondedAt messages { body } } }';

describe('P6: tickets arrive each way', () => {
  it("P6: from the portal, with the deadline from the site's care package", async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const siteId = await idOf('sites', "domain = 'bageriet-ek.example.com'");
    const res = await customer.ok(CREATE, {
      i: { subject: 'Bilderna laddar långsamt', body: 'Startsidan är seg.', siteId },
    });
    expect(res.supportTicketCreate).toMatchObject({ status: 'NEW', channel: 'PORTAL' });
    const [{ hours }] = await sql(
      `select p.response_time_hours as hours from sites s join service_packages p on p.id = s.service_package_id where s.id = $1`,
      [siteId],
    );
    const due = Date.parse(res.supportTicketCreate.firstResponseDueAt) - Date.now();
    expect(Math.round(due / 3600_000)).toBe(hours);
  });

  it('P6: from the public form, matched to the contact by e-mail, without a login', async () => {
    const res = await new ApiClient(demo.url).gql(
      'mutation($i: SupportRequestInput!) { supportRequestSubmit(input: $i) }',
      {
        i: {
          agency: 'jj-media',
          name: 'Olof Ek',
          email: 'OLOF@bageriet.example.com',
          subject: 'Formulär',
          message: 'Hej från formuläret',
        },
      },
    );
    expect(res.data).toEqual({ supportRequestSubmit: true });
    const [row] = await sql(
      `select t.channel, c.name as customer, t.requester_email from support_tickets t left join customers c on c.id = t.customer_id where t.subject = 'Formulär'`,
    );
    expect(row).toEqual({ channel: 'FORM', customer: 'Bageriet Ek AB', requester_email: 'OLOF@bageriet.example.com' });
  });

  it("P6: from inbound e-mail, with the agency's own token only (M11: the installation's opens none of two agencies)", async () => {
    const mail = {
      agency: 'nordvik-webbyra',
      from: { email: 'stranger@elsewhere.example.com', name: 'A Stranger' },
      subject: 'Via e-mail',
      text: 'Can you help?',
    };
    const post = (auth?: string) =>
      fetch(`${demo.url}/inbound/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify(mail),
      });
    expect((await post()).status).toBe(401);
    expect((await post('Bearer wrong-token-wrong-token-wrong')).status).toBe(401);
    expect((await post(`Bearer ${INBOUND_TOKEN}`)).status).toBe(401); // two agencies: not the fallback's case
    const admin = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const { tenantInboundEmailTokenRotate: token } = await admin.ok('mutation { tenantInboundEmailTokenRotate }');
    expect((await post(`Bearer ${token}`)).status).toBe(202);
    const [row] = await sql(
      `select t.channel, t.customer_id, t.requester_name, tn.slug from support_tickets t join tenants tn on tn.id = t.tenant_id where t.subject = 'Via e-mail'`,
    );
    expect(row).toEqual({ channel: 'EMAIL', customer_id: null, requester_name: 'A Stranger', slug: 'nordvik-webbyra' });
  });
});

describe('P4 and P31: what people paste into tickets', () => {
  it('P4: a test card number in a ticket is stored only masked', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { supportTicketCreate } = await customer.ok(CREATE, {
      i: { subject: 'Betalning', body: 'Dra från kortet 5555-5555-5555-4444 tack' },
    });
    const dump =
      JSON.stringify(await sql('select * from ticket_messages')) +
      JSON.stringify(await sql('select * from support_tickets'));
    expect(dump).not.toMatch(/5555-5555-5555-4444|5555555555554444/);
    const { supportTicket } = await customer.ok(TICKET, { id: supportTicketCreate.id });
    expect(supportTicket.messages[0].body).toBe('Dra från kortet [card ending 4444] tack');
  });

  it('P31: a likely password flags the ticket to staff; the customer never sees the flag', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { supportTicketCreate } = await customer.ok(CREATE, {
      i: { subject: 'Inlogg', body: 'lösenord: Hemligt123!' },
    });
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { supportTicket } = await employee.ok(
      'query($id: UUID!) { supportTicket(id: $id) { passwordFlagged messages { passwordHints { hint } } } }',
      {
        id: supportTicketCreate.id,
      },
    );
    expect(supportTicket.passwordFlagged).toBe(true);
    expect(supportTicket.messages[0].passwordHints[0].hint).toMatch(/lösenord/);
    expect(JSON.stringify(supportTicket)).not.toContain('Hemligt123!');
    expect(
      errorCode(
        await customer.gql('query($id: UUID!) { supportTicket(id: $id) { passwordFlagged } }', {
          id: supportTicketCreate.id,
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('tickets: who sees what, and the thread', () => {
  it("a staff reply chosen to wait answers the customer and waits for them; the customer's reply reopens; internal notes stay internal", async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { supportTicketCreate: t } = await customer.ok(CREATE, { i: { subject: 'Tråd', body: 'Första' } });
    await employee.ok(REPLY, { t: t.id, i: { body: 'Intern anteckning', internal: true } });
    await employee.ok(REPLY, { t: t.id, i: { body: 'Svar till kunden', status: 'WAITING_ON_CUSTOMER' } });
    let seen = (await customer.ok(TICKET, { id: t.id })).supportTicket;
    expect(seen.status).toBe('WAITING_ON_CUSTOMER');
    expect(seen.firstRespondedAt).not.toBeNull();
    expect(seen.messages.map((m: { body: string }) => m.body)).toEqual(['Första', 'Svar till kunden']);
    await customer.ok(REPLY, { t: t.id, i: { body: 'Tack!' } });
    seen = (await customer.ok(TICKET, { id: t.id })).supportTicket;
    expect(seen.status).toBe('OPEN');
    const internal = await customer.gql(REPLY, { t: t.id, i: { body: 'x', internal: true } });
    expect(internal.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'internal' });
  });

  it('M19: item 3: the replier chooses the status with the reply; by default the ticket stays open; the rule is enforced', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { supportTicketCreate: t } = await customer.ok(CREATE, { i: { subject: 'Status', body: 'Hej' } });
    const status = async () => (await customer.ok(TICKET, { id: t.id })).supportTicket.status;
    // No status chosen: answered (first response recorded) and kept open, not waiting on the customer.
    await employee.ok(REPLY, { t: t.id, i: { body: 'Vi tittar på det' } });
    expect(await status()).toBe('OPEN');
    expect((await customer.ok(TICKET, { id: t.id })).supportTicket.firstRespondedAt).not.toBeNull();
    // "Reply and wait for the customer", then "reply and keep open" takes it back from waiting.
    await employee.ok(REPLY, { t: t.id, i: { body: 'Vilken webbläsare?', status: 'WAITING_ON_CUSTOMER' } });
    expect(await status()).toBe('WAITING_ON_CUSTOMER');
    await employee.ok(REPLY, { t: t.id, i: { body: 'Vi hittade felet själva', status: 'OPEN' } });
    expect(await status()).toBe('OPEN');
    // "Reply and close".
    await employee.ok(REPLY, { t: t.id, i: { body: 'Klart!', status: 'RESOLVED' } });
    expect(await status()).toBe('RESOLVED');
    // The rule, naming the field: no reply makes a ticket NEW; customers and internal notes set no status.
    for (const [client, input] of [
      [employee, { body: 'x', status: 'NEW' }],
      [employee, { body: 'x', internal: true, status: 'CLOSED' }],
      [customer, { body: 'x', status: 'CLOSED' }],
    ] as const) {
      const refused = await client.gql(REPLY, { t: t.id, i: input });
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    }
    expect(await status()).toBe('RESOLVED');
    const messages = (await customer.ok(TICKET, { id: t.id })).supportTicket.messages;
    expect(messages.map((m: { body: string }) => m.body)).not.toContain('x');
  });

  it("P18: a customer sees only their own tickets; another customer's ticket is NOT_FOUND", async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { supportTickets } = await customer.ok(
      '{ supportTickets(page: { take: 100 }) { nodes { customer { name } } } }',
    );
    expect(new Set(supportTickets.nodes.map((n: any) => n.customer.name))).toEqual(new Set(['Bageriet Ek AB']));
    const other = await idOf(
      'support_tickets',
      "subject = 'Login to the admin does not work' and tenant_id = (select id from tenants where slug = 'jj-media')",
    );
    expect(errorCode(await customer.gql(TICKET, { id: other }))).toBe('NOT_FOUND');
  });

  it('P18: a contractor sees only tickets of actively assigned sites', async () => {
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    const { supportTickets } = await contractor.ok(
      '{ supportTickets(page: { take: 100 }) { totalCount nodes { site { domain } } } }',
    );
    expect(supportTickets.totalCount).toBeGreaterThan(0);
    for (const n of supportTickets.nodes) expect(n.site.domain).toBe('bageriet-ek.example.com');
    expect(errorCode(await contractor.gql(CREATE, { i: { subject: 'x', body: 'y' } }))).toBe('FORBIDDEN');
  });

  it('has demo tickets in every status', async () => {
    const rows = await sql(`select distinct status from support_tickets`);
    expect(rows.map((r) => r.status).sort()).toEqual(['CLOSED', 'NEW', 'OPEN', 'RESOLVED', 'WAITING_ON_CUSTOMER']);
  });
});

describe('P35 and P1: leads from the contact form', () => {
  const LEAD = 'mutation($i: LeadInput!) { leadSubmit(input: $i) }';
  const lead = (over: Record<string, unknown> = {}) => ({
    agency: 'jj-media',
    name: 'Nina Berg',
    email: 'nina@berg.example.com',
    company: 'Berg & Co',
    phone: '+46 70 765 43 21',
    message: 'Vad kostar Premium?',
    consentGiven: true,
    consentText: 'Ni får kontakta mig om min förfrågan.',
    sourcePage: 'https://jj-media.example.com/kontakt',
    ...over,
  });

  it('P1: the public form records the lead with source, time, IP and user agent', async () => {
    const res = await fetch(`${demo.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'LeadTest/1.0' },
      body: JSON.stringify({ query: LEAD, variables: { i: lead() } }),
    });
    expect(((await res.json()) as { data: unknown }).data).toEqual({ leadSubmit: true });
    const [row] = await sql(
      `select source_page, ip, user_agent, consent_given, consent_text, phone, created_at from leads where email = 'nina@berg.example.com'`,
    );
    expect(row).toMatchObject({
      source_page: 'https://jj-media.example.com/kontakt',
      ip: expect.stringMatching(/127\.0\.0\.1/),
      user_agent: 'LeadTest/1.0',
      consent_given: true,
      phone: '+46707654321',
    });
  });

  it('P1: the form refuses a missing consent, naming the field', async () => {
    const res = await new ApiClient(demo.url).gql(LEAD, { i: lead({ consentGiven: false }) });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consentGiven' });
  });

  it('P35: staff see the queue and convert a lead into a customer and contact, keeping the trail', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { leads } = await employee.ok('{ leads(filter: { status: NEW }) { nodes { id email } } }');
    const nina = leads.nodes.find((l: { email: string }) => l.email === 'nina@berg.example.com');
    const { leadConvert } = await employee.ok(
      'mutation($id: UUID!) { leadConvert(id: $id) { id name contacts { email phone } } }',
      { id: nina.id },
    );
    expect(leadConvert).toMatchObject({
      name: 'Berg & Co',
      contacts: [{ email: 'nina@berg.example.com', phone: '+46707654321' }],
    });
    const { lead: after } = await employee.ok(
      'query($id: UUID!) { lead(id: $id) { status consentGiven consentText convertedCustomer { id } } }',
      { id: nina.id },
    );
    expect(after).toMatchObject({ status: 'CONVERTED', consentGiven: true, convertedCustomer: { id: leadConvert.id } });
    const again = await employee.gql('mutation($id: UUID!) { leadConvert(id: $id) { id } }', { id: nina.id });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
  });

  it('P35: contractors and customers cannot see leads', async () => {
    for (const role of ['CONTRACTOR', 'CUSTOMER'] as const) {
      expect(errorCode(await (await as(demo.url, 'jj-media', role)).gql('{ leads { totalCount } }'))).toBe('FORBIDDEN');
    }
  });

  it('the public forms are rate-limited per IP, with a retry hint', async () => {
    const client = new ApiClient(demo.url);
    let last;
    for (let i = 0; i < 12; i++)
      last = await client.gql(LEAD, { i: lead({ email: `spam${i}@spam.example.com`, agency: 'nordvik-webbyra' }) });
    expect(errorCode(last!)).toBe('RATE_LIMITED');
    expect(last!.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('care packages', () => {
  it('customers see active packages with prices; contractors see none', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { servicePackages } = await customer.ok(
      '{ servicePackages { nameSv responseTimeHours prices { interval currency amountMinor } } }',
    );
    expect(servicePackages.map((p: { nameSv: string }) => p.nameSv).sort()).toEqual(['Bas', 'Plus', 'Premium']);
    const currencies = new Set(servicePackages[0].prices.map((p: { currency: string }) => p.currency));
    expect(currencies).toEqual(new Set(['SEK', 'EUR', 'USD']));
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    expect(errorCode(await contractor.gql('{ servicePackages { nameSv } }'))).toBe('FORBIDDEN');
    expect(errorCode(await contractor.gql('{ sites { nodes { servicePackage { prices { amountMinor } } } } }'))).toBe(
      'FORBIDDEN',
    );
  });

  it('prices are validated: ISO 4217 currency, minor units, one price per interval and currency', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const input = {
      nameSv: 'Mini',
      nameEn: 'Mini',
      backups: true,
      updates: true,
      uptimeMonitoring: false,
      supportHoursPerMonth: 0,
      responseTimeHours: 72,
      prices: [{ interval: 'MONTHLY', currency: 'SEK', amountMinor: 9900 }],
    };
    const CREATE_PKG = 'mutation($i: ServicePackageInput!) { servicePackageCreate(input: $i) { id } }';
    const bad = await admin.gql(CREATE_PKG, {
      i: { ...input, prices: [{ interval: 'MONTHLY', currency: 'SEKK', amountMinor: 9900 }] },
    });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'prices.0.currency' });
    const twice = await admin.gql(CREATE_PKG, { i: { ...input, prices: [...input.prices, ...input.prices] } });
    expect(twice.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'prices' });
    expect((await admin.gql(CREATE_PKG, { i: input })).errors).toBeUndefined();
  });
});
