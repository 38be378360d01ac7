// Erasure (P26, S25) and suspected minors (P2) over HTTP: every personal field of the person goes,
// the books stay without identity until the keep-until date, and the address is suppressed.
import { createHmac } from 'node:crypto';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as } from '../support/api-client';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(() => demo?.stop());

const MAJA = { name: 'Maja Strand', email: 'maja@fjallbryggeri.example.com', phone: '+46705556677' };
const CREATE = 'mutation($i: PrivacyRequestStaffInput!) { privacyRequestCreate(input: $i) { id } }';
const VERIFY = 'mutation($id: UUID!) { privacyRequestVerify(id: $id) { id } }';
const COMPLETE = 'mutation($id: UUID!) { privacyRequestComplete(id: $id) { status result } }';

async function complete(staff: ApiClient, email: string, type: string) {
  const { privacyRequestCreate } = await staff.ok(CREATE, { i: { email, type } });
  await staff.ok(VERIFY, { id: privacyRequestCreate.id });
  const started = performance.now();
  const { privacyRequestComplete } = await staff.ok(COMPLETE, { id: privacyRequestCreate.id });
  return { ...privacyRequestComplete, id: privacyRequestCreate.id, ms: performance.now() - started };
}

/** Every text and JSON column of every table that still holds one of `needles` (case-insensitive). */
async function leftovers(needles: string[]): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'json', 'jsonb', 'character varying', 'character')`,
  );
  expect(columns.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const { table_name: t, column_name: c } of columns) {
    const [{ n }] = await sql(`select count(*)::int as n from "${t}" where "${c}"::text ilike any($1)`, [
      needles.map((x) => `%${x}%`),
    ]);
    if (n) found.push(`${t}.${c} (${n})`);
  }
  return found;
}

const suppressionHash = (salt: string, kind: string, value: string) =>
  createHmac('sha256', salt).update(`${kind}:${value}`).digest('hex');

describe('P26 and S25: erasure', () => {
  it('P26: erases a customer with orders, subscriptions, tickets and a lead: nothing names them, the books add up', async () => {
    const pub = new ApiClient(demo.url);
    // More places that hold or mention the person: a form ticket, a lead, and a colleague's ticket naming them.
    await pub.ok('mutation($i: SupportRequestInput!) { supportRequestSubmit(input: $i) }', {
      i: {
        agency: 'jj-media',
        name: MAJA.name,
        email: MAJA.email,
        subject: 'Fråga',
        message: `Ring mig på ${MAJA.phone}`,
      },
    });
    await pub.ok('mutation($i: LeadInput!) { leadSubmit(input: $i) }', {
      i: {
        agency: 'jj-media',
        name: MAJA.name,
        email: MAJA.email,
        phone: MAJA.phone,
        message: 'Ny sajt?',
        consentGiven: true,
        consentText: 'Ja',
      },
    });
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    await customer.ok('mutation($i: SupportTicketInput!) { supportTicketCreate(input: $i) { id } }', {
      i: { subject: 'Samarbete', body: `Vi jobbar med ${MAJA.name} (${MAJA.email}) på Fjällbacka.` },
    });
    expect((await leftovers([MAJA.name, MAJA.email, MAJA.phone])).length).toBeGreaterThan(5);
    const [{ orders, total }] = await sql(`select count(*)::int as orders, sum(total_minor)::int as total from orders`);
    const [{ n: theirOrders }] = await sql(
      `select count(*)::int as n from orders o join contacts c on c.customer_id = o.customer_id where c.email = $1`,
      [MAJA.email],
    );
    expect(theirOrders).toBeGreaterThan(0);

    const staff = await as(demo.url, 'jj-media', 'ADMIN');
    // Bench: the export of the demo contact with the most data (Anna Ek: Bageriet's orders, tickets and a
    // login), and the export and erasure of the erased customer.
    const largest = await complete(staff, 'anna@bageriet.example.com', 'ACCESS');
    const exported = await complete(staff, MAJA.email, 'ACCESS');
    const erased = await complete(staff, MAJA.email, 'ERASURE');
    console.log(
      `privacy bench: export of Anna Ek (largest demo contact) ${largest.ms.toFixed(0)} ms; ` +
        `${MAJA.name} (${theirOrders} orders): export ${exported.ms.toFixed(0)} ms, erasure ${erased.ms.toFixed(0)} ms`,
    );

    expect(erased.status).toBe('COMPLETED');
    expect(await leftovers([MAJA.name, MAJA.email, MAJA.phone])).toEqual([]);
    const [after] = await sql(`select count(*)::int as orders, sum(total_minor)::int as total from orders`);
    expect(after).toEqual({ orders, total });

    // What was done and kept, and why, is in the result.
    const { result } = erased;
    expect(result.erasure.contacts.anonymised).toBeGreaterThanOrEqual(1);
    expect(result.erasure.supportTickets.deleted).toBeGreaterThanOrEqual(1);
    expect(result.erasure.leads.deleted).toBe(1);
    expect(result.erasure.orders.kept.reason).toMatch(/seventh year/);
    const latest = await sql(`select max(created_at) as at from orders where id = any($1::uuid[])`, [
      result.accounting.orderIds,
    ]);
    expect(result.accounting.orderIds).toHaveLength(theirOrders);
    expect(new Date(result.accounting.keepUntil).getUTCFullYear()).toBe(new Date(latest[0].at).getUTCFullYear() + 7);
    const [contact] = await sql(
      `select erased_at, name, phone, social_identities from contacts where name = 'Erased person'`,
    );
    expect(contact.erased_at).not.toBeNull();
    expect(contact.phone).toBeNull();

    // P26: the address and phone are on the suppression list as salted hashes only.
    const [{ privacy_salt: salt, id: tenantId }] = await sql(
      `select id, privacy_salt from tenants where slug = 'jj-media'`,
    );
    const hashes = (await sql(`select hash from suppression_entries where tenant_id = $1`, [tenantId])).map(
      (r) => r.hash,
    );
    expect(hashes).toEqual(
      expect.arrayContaining([suppressionHash(salt, 'EMAIL', MAJA.email), suppressionHash(salt, 'PHONE', MAJA.phone)]),
    );
  });

  it('S25: the kept accounting records are deleted by the retention task after their keep-until date', async () => {
    const [row] = await sql(
      `select id, result->'accounting'->'orderIds' as ids from privacy_requests where type = 'ERASURE' and status = 'COMPLETED' and jsonb_array_length(result->'accounting'->'orderIds') > 0`,
    );
    expect(await runCli(demo, ['retention:run'])).toMatch(/accounting-after-erasure: removed 0/); // not yet
    await sql(
      `update privacy_requests set result = jsonb_set(result, '{accounting,keepUntil}', to_jsonb((now() - interval '1 day')::text)) where id = $1`,
      [row.id],
    );
    expect(await runCli(demo, ['retention:run'])).toMatch(
      new RegExp(`accounting-after-erasure: removed ${row.ids.length}`),
    );
    const [{ n }] = await sql(`select count(*)::int as n from orders where id = any($1::uuid[])`, [row.ids]);
    expect(n).toBe(0);
    expect(await runCli(demo, ['retention:run'])).toMatch(/accounting-after-erasure: removed 0/); // idempotent
  });
});

describe('P26: the audit trail keeps IP addresses only as long as needed', () => {
  it('P26: an audit event loses its IP after 180 days, the event stays, and the removal is audited', async () => {
    const [{ id: tenantId }] = await sql(`select id from tenants where slug = 'jj-media'`);
    await sql(
      `insert into audit_events (id, tenant_id, created_at, updated_at, actor_type, action, outcome, ip, detail)
       values (gen_random_uuid(), $1, now() - interval '181 days', now(), 'ANONYMOUS', 'test.old', 'ALLOWED', '192.0.2.7', '{}'),
              (gen_random_uuid(), $1, now() - interval '179 days', now(), 'ANONYMOUS', 'test.recent', 'ALLOWED', '192.0.2.8', '{}')`,
      [tenantId],
    );
    expect(await runCli(demo, ['retention:run'])).toMatch(/audit-ips: removed [1-9]\d*/);
    expect(
      await sql(`select action, ip from audit_events where action in ('test.old', 'test.recent') order by action`),
    ).toEqual([
      { action: 'test.old', ip: null },
      { action: 'test.recent', ip: '192.0.2.8' },
    ]);
    const [audit] = await sql(
      `select detail from audit_events where action = 'retention.audit_ips' and tenant_id = $1`,
      [tenantId],
    );
    expect(audit.detail).toMatchObject({ removed: 1, days: 180 });
    expect(await runCli(demo, ['retention:run'])).toMatch(/audit-ips: removed 0/); // idempotent
  });
});

describe('P2: suspected minors', () => {
  const FLAG = 'mutation($id: UUID!) { contactMinorFlag(contactId: $id) { minorStatus minorErasureDueAt } }';

  it('P2: flags a minor, runs the retention job after the deadline, and finds the person erased and suppressed', async () => {
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const [olof] = await sql(`select id, email, phone from contacts where email = 'olof@bageriet.example.com'`);
    const { contactMinorFlag } = await staff.ok(FLAG, { id: olof.id });
    expect(contactMinorFlag.minorStatus).toBe('SUSPECTED');
    const days = (Date.parse(contactMinorFlag.minorErasureDueAt) - Date.now()) / (24 * 3600_000);
    expect(Math.round(days)).toBe(30);

    expect(await runCli(demo, ['retention:run'])).toMatch(/minors: removed 0/); // before the deadline
    await sql(`update contacts set minor_erasure_due_at = now() - interval '1 hour' where id = $1`, [olof.id]);
    expect(await runCli(demo, ['retention:run'])).toMatch(/minors: removed 1/);

    const [after] = await sql(`select name, email, phone, erased_at from contacts where id = $1`, [olof.id]);
    expect(after.erased_at).not.toBeNull();
    expect(await leftovers(['Olof Ek', 'olof@bageriet.example.com'])).toEqual([]);
    const [{ privacy_salt: salt }] = await sql(`select privacy_salt from tenants where slug = 'jj-media'`);
    const [{ n }] = await sql(`select count(*)::int as n from suppression_entries where hash = $1`, [
      suppressionHash(salt, 'EMAIL', olof.email),
    ]);
    expect(n).toBe(1);
    const [request] = await sql(`select status, result from privacy_requests where result->>'reason' like 'P2:%'`);
    expect(request.status).toBe('COMPLETED');
  });

  it("P2: a parent's consent cancels the scheduled erasure", async () => {
    const admin = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const [lars] = await sql(`select id from contacts where email = 'lars@fjallstuga.example.com'`);
    await admin.ok(FLAG, { id: lars.id });
    const { contactParentalConsent } = await admin.ok(
      'mutation($id: UUID!, $i: ParentalConsentInput!) { contactParentalConsent(contactId: $id, input: $i) { minorStatus minorErasureDueAt parentalConsent { parentName } } }',
      {
        id: lars.id,
        i: { parentName: 'Eva Fjäll', parentEmail: 'eva@fjallstuga.example.com', method: 'signed letter' },
      },
    );
    expect(contactParentalConsent).toMatchObject({ minorStatus: 'PARENTAL_CONSENT', minorErasureDueAt: null });
    expect(await runCli(demo, ['retention:run'])).toMatch(/minors: removed 0/);
    const [row] = await sql(`select erased_at from contacts where id = $1`, [lars.id]);
    expect(row.erased_at).toBeNull();
  });

  it("P2: another agency cannot flag JJ Media's contacts (NOT_FOUND)", async () => {
    const nordvik = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const [anna] = await sql(`select id from contacts where email = 'anna@bageriet.example.com'`);
    const res = await nordvik.gql(FLAG, { id: anna.id });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [row] = await sql(`select minor_status from contacts where id = $1`, [anna.id]);
    expect(row.minor_status).toBe('NONE');
  });

  it('P2: contractors may not flag minors', async () => {
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    const [anna] = await sql(`select id from contacts where email = 'anna@bageriet.example.com'`);
    const res = await contractor.gql(FLAG, { id: anna.id });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
