// The records the law asks for, over HTTP: the processor register (P19, P24), the disclosure log
// (P23) and the breach log with its 72-hour deadline (S26), with their access rules.
import { parse } from 'csv-parse/sync';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(() => demo?.stop());

const PROCESSORS = `{ processors(page: { take: 100 }) { totalCount nodes { id name country transferMechanism contractDate } } }`;
const PROCESSOR_CREATE =
  'mutation($i: ProcessorInput!) { processorCreate(input: $i) { id name country transferMechanism contractDate } }';
const PROCESSOR_UPDATE =
  'mutation($id: UUID!, $i: ProcessorInput!) { processorUpdate(id: $id, input: $i) { id notes } }';
const newsletterTool = {
  name: 'Mailchimp (Intuit Inc.)',
  purpose: 'Newsletters to subscribers who opted in',
  dataCategories: 'E-mail address, name, opens and clicks',
  country: 'US',
  transferMechanism: 'SCC',
  contractDate: '2025-06-01',
  url: 'https://mailchimp.com/legal/data-processing-addendum/',
};

const auditCount = async (action: string, entityId: string) =>
  Number(
    (await sql(`select count(*) as n from audit_events where action = $1 and entity_id = $2`, [action, entityId]))[0].n,
  );

describe('P19, P24: the register of processors', () => {
  it('P19: staff list the demo register with countries and transfer mechanisms', async () => {
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { processors } = await staff.ok(PROCESSORS);
    const byName = Object.fromEntries(processors.nodes.map((p: any) => [p.name, p]));
    expect(byName['Stripe Payments Europe, Ltd.']).toMatchObject({ country: 'IE', transferMechanism: 'NONE_EEA' });
    expect(byName['Zendesk, Inc.']).toMatchObject({ country: 'US', transferMechanism: 'DPF' });
    expect(byName['Google LLC (Google Analytics 4)']).toMatchObject({ country: 'US', transferMechanism: 'SCC' });
    expect(byName['Hetzner Online GmbH'].contractDate).toBe('2023-11-20');
    expect(processors.totalCount).toBe(6);
  });

  it('P24: the EU–US Data Privacy Framework is offered for US processors only (no Privacy Shield)', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const { processorCreate } = await admin.ok(PROCESSOR_CREATE, {
      i: { ...newsletterTool, name: 'Certified US tool', transferMechanism: 'DPF' },
    });
    expect(processorCreate).toMatchObject({ country: 'US', transferMechanism: 'DPF' });
    const swiss = await admin.gql(PROCESSOR_CREATE, {
      i: { ...newsletterTool, name: 'Swiss tool', country: 'CH', transferMechanism: 'DPF' },
    });
    expect(swiss.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'transferMechanism' });
    const { __type } = await admin.ok('{ __type(name: "TransferMechanism") { enumValues { name } } }');
    expect(__type.enumValues.map((v: { name: string }) => v.name)).toEqual(
      expect.arrayContaining(['ADEQUACY', 'DPF', 'SCC']),
    );
    expect(JSON.stringify(__type)).not.toMatch(/SHIELD/i);
    await sql('delete from processors where id = $1', [processorCreate.id]);
  });

  it('P19: an admin adds and edits a processor, audited; staff cannot write', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const { processorCreate } = await admin.ok(PROCESSOR_CREATE, { i: newsletterTool });
    expect(processorCreate).toMatchObject({ country: 'US', transferMechanism: 'SCC', contractDate: '2025-06-01' });
    const { processorUpdate } = await admin.ok(PROCESSOR_UPDATE, {
      id: processorCreate.id,
      i: { ...newsletterTool, notes: 'DPA renewed' },
    });
    expect(processorUpdate.notes).toBe('DPA renewed');
    expect(await auditCount('processor.create', processorCreate.id)).toBe(1);
    expect(await auditCount('processor.update', processorCreate.id)).toBe(1);

    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect(errorCode(await staff.gql(PROCESSOR_CREATE, { i: newsletterTool }))).toBe('FORBIDDEN');
    const del = await admin.ok('mutation($id: UUID!) { processorDelete(id: $id) }', { id: processorCreate.id });
    expect(del.processorDelete).toBe(true);
    expect(await auditCount('processor.delete', processorCreate.id)).toBe(1);
  });

  it('P24: the country is validated (ISO 3166-1 alpha-2) and must agree with the transfer mechanism', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    for (const [over, field] of [
      [{ country: 'XX' }, 'country'],
      [{ country: 'Sweden' }, 'country'],
      [{ country: 'US', transferMechanism: 'NONE_EEA' }, 'transferMechanism'],
      [{ country: 'DE', transferMechanism: 'SCC' }, 'transferMechanism'],
      [{ contractDate: '2025-13-01' }, 'contractDate'],
      [{ name: '' }, 'name'],
    ] as const) {
      const res = await admin.gql(PROCESSOR_CREATE, { i: { ...newsletterTool, ...over } });
      expect({ over, code: errorCode(res), field: res.errors?.[0]?.extensions?.field }).toEqual({
        over,
        code: 'BAD_USER_INPUT',
        field,
      });
    }
  });

  it('P19: the register exports as CSV that parses back to the same rows', async () => {
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { processorsCsv } = await staff.ok('{ processorsCsv }');
    const rows = parse(processorsCsv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([
      'name',
      'purpose',
      'dataCategories',
      'country',
      'transferMechanism',
      'contractDate',
      'contact',
      'url',
      'notes',
    ]);
    const { processors } = await staff.ok(PROCESSORS);
    expect(rows.map((r) => [r.name, r.country, r.transferMechanism])).toEqual(
      processors.nodes.map((p: any) => [p.name, p.country, p.transferMechanism]),
    );
    // Commas inside a field (the company names) survive the round trip.
    expect(rows.find((r) => r.name === 'Zendesk, Inc.')?.notes).toContain('Data Privacy Framework');
  });

  it('P19: a cell that a spreadsheet would run as a formula is exported inert', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const { processorCreate } = await admin.ok(PROCESSOR_CREATE, {
      i: { ...newsletterTool, name: '=HYPERLINK("https://evil.example")', notes: '-2+3' },
    });
    const rows = parse((await admin.ok('{ processorsCsv }')).processorsCsv, { columns: true }) as Record<
      string,
      string
    >[];
    const row = rows.find((r) => r.name.includes('HYPERLINK'));
    expect(row).toMatchObject({ name: `'=HYPERLINK("https://evil.example")`, notes: `'-2+3` });
    await admin.ok('mutation($id: UUID!) { processorDelete(id: $id) }', { id: processorCreate.id });
  });
});

const DISCLOSURE_CREATE =
  'mutation($i: DisclosureInput!) { disclosureCreate(input: $i) { id recipient legalGround disclosedAt disclosedBy { email } contact { email } } }';

describe('P23: the disclosure log', () => {
  it('P23: an admin records a disclosure with its legal ground, and lists it; audited', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const [{ id: contactId }] = await sql(`select id from contacts where email = 'anna@bageriet.example.com'`);
    const disclosedAt = new Date(Date.now() - 3600_000).toISOString();
    const { disclosureCreate } = await admin.ok(DISCLOSURE_CREATE, {
      i: {
        recipient: 'Ekobrottsmyndigheten',
        dataDescription: 'Order history of one contact',
        legalGround: 'Föreläggande enligt 27 kap. rättegångsbalken',
        disclosedAt,
        contactId,
      },
    });
    expect(disclosureCreate).toMatchObject({
      recipient: 'Ekobrottsmyndigheten',
      disclosedAt,
      disclosedBy: { email: 'admin@jj-media.example.com' },
      contact: { email: 'anna@bageriet.example.com' },
    });
    expect(await auditCount('disclosure.record', disclosureCreate.id)).toBe(1);
    const { disclosures } = await admin.ok(
      '{ disclosures { totalCount nodes { recipient legalGround disclosedBy { email } } } }',
    );
    expect(disclosures.totalCount).toBe(2);
    expect(disclosures.nodes.map((d: any) => d.recipient)).toEqual(['Ekobrottsmyndigheten', 'Polismyndigheten']);
  });

  it('P23: bad input names the field: no legal ground, a future date, a non-staff discloser', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const base = {
      recipient: 'Polisen',
      dataDescription: 'x',
      legalGround: 'y',
      disclosedAt: new Date().toISOString(),
    };
    const [{ id: customerUser }] = await sql(`select id from users where email = 'anna@bageriet.example.com'`);
    for (const [over, field] of [
      [{ legalGround: '' }, 'legalGround'],
      [{ disclosedAt: new Date(Date.now() + 86400_000).toISOString() }, 'disclosedAt'],
      [{ disclosedById: customerUser }, 'disclosedById'],
    ] as const) {
      const res = await admin.gql(DISCLOSURE_CREATE, { i: { ...base, ...over } });
      expect({ field, got: res.errors?.[0]?.extensions?.field }).toEqual({ field, got: field });
    }
  });
});

const BREACH_FIELDS = 'id awareAt deadline overdue reportable authorityNotifiedAt overdueFlaggedAt';
const BREACH_CREATE = `mutation($i: BreachInput!) { breachCreate(input: $i) { ${BREACH_FIELDS} } }`;
const BREACH_UPDATE = `mutation($id: UUID!, $i: BreachInput!) { breachUpdate(id: $id, input: $i) { ${BREACH_FIELDS} } }`;
const breachInput = (awareAt: Date, over: Record<string, unknown> = {}) => ({
  awareAt: awareAt.toISOString(),
  description: 'Backup bucket was public for two days',
  dataCategories: 'Names and e-mail addresses',
  approxAffected: 120,
  consequences: 'Possible phishing',
  measures: 'Bucket closed, access logs reviewed',
  reportable: true,
  ...over,
});

describe('S26: the breach log', () => {
  it('S26: the deadline is awareness + 72 h; a reportable breach past it without notification is overdue', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const awareAt = new Date(Date.now() - 80 * 3600_000);
    const { breachCreate } = await admin.ok(BREACH_CREATE, { i: breachInput(awareAt) });
    expect(Date.parse(breachCreate.deadline) - awareAt.getTime()).toBe(72 * 3600_000);
    expect(breachCreate.overdue).toBe(true);

    const fresh = (await admin.ok(BREACH_CREATE, { i: breachInput(new Date(Date.now() - 3600_000)) })).breachCreate;
    expect(fresh.overdue).toBe(false);

    // Notifying the authority (late) ends the overdue state; the change is audited.
    const notifiedAt = new Date().toISOString();
    const { breachUpdate } = await admin.ok(BREACH_UPDATE, {
      id: breachCreate.id,
      i: breachInput(awareAt, { authorityNotifiedAt: notifiedAt }),
    });
    expect(breachUpdate).toMatchObject({ overdue: false, authorityNotifiedAt: notifiedAt });
    expect(await auditCount('breach.record', breachCreate.id)).toBe(1);
    expect(await auditCount('breach.update', breachCreate.id)).toBe(1);
  });

  it('S26: every breach is logged, reported or not: a non-reportable one needs the reason', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const awareAt = new Date(Date.now() - 100 * 3600_000);
    const noReason = await admin.gql(BREACH_CREATE, { i: breachInput(awareAt, { reportable: false }) });
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors?.[0]?.extensions?.field).toBe('notReportableReason');
    const { breachCreate } = await admin.ok(BREACH_CREATE, {
      i: breachInput(awareAt, { reportable: false, notReportableReason: 'Encrypted data, key safe' }),
    });
    expect(breachCreate.overdue).toBe(false); // nothing to notify, so never overdue
    for (const [over, field] of [
      [{ awareAt: new Date(Date.now() + 86400_000).toISOString() }, 'awareAt'],
      [{ authorityNotifiedAt: new Date(awareAt.getTime() - 1000).toISOString() }, 'authorityNotifiedAt'],
      [{ approxAffected: -1 }, 'approxAffected'],
      [{ awareAt: 'yesterday' }, 'awareAt'], // rejected by the DateTimeISO scalar, still named
    ] as const) {
      const res = await admin.gql(BREACH_CREATE, { i: { ...breachInput(awareAt), ...over } });
      expect({ field, got: res.errors?.[0]?.extensions?.field }).toEqual({ field, got: field });
    }
  });

  it('S26: the list is sorted by deadline, and filters the overdue ones', async () => {
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { breaches } = await staff.ok('{ breaches(page: { take: 100 }) { nodes { deadline overdue } } }');
    const deadlines = breaches.nodes.map((b: any) => Date.parse(b.deadline));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(breaches.nodes.length).toBeGreaterThanOrEqual(4);
    const overdue = await staff.ok('{ breaches(filter: { overdue: true }) { nodes { overdue } } }');
    expect(overdue.breaches.nodes.every((b: any) => b.overdue)).toBe(true);
    const notOverdue = await staff.ok('{ breaches(filter: { overdue: false }) { nodes { overdue } } }');
    expect(notOverdue.breaches.nodes.every((b: any) => !b.overdue)).toBe(true);
    // The home page's card: reportable and not yet notified, overdue or not.
    const awaiting = await staff.ok(
      '{ breaches(filter: { awaitingNotification: true }) { nodes { reportable authorityNotifiedAt overdue } } }',
    );
    expect(awaiting.breaches.nodes.length).toBeGreaterThanOrEqual(1);
    expect(awaiting.breaches.nodes.every((b: any) => b.reportable && !b.authorityNotifiedAt)).toBe(true);
  });

  it('S26: the deadline task flags and audits a breach past 72 h without notification, once', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const { breachCreate } = await admin.ok(BREACH_CREATE, {
      i: breachInput(new Date(Date.now() - 73 * 3600_000), { description: 'Lost USB stick' }),
    });
    const inTime = (await admin.ok(BREACH_CREATE, { i: breachInput(new Date(Date.now() - 71 * 3600_000)) }))
      .breachCreate;
    const out = await runCli(demo, ['retention:run']);
    expect(out).toMatch(/breaches-overdue: removed [1-9]/);
    const [flagged] = await sql(`select overdue_flagged_at from breaches where id = $1`, [breachCreate.id]);
    expect(flagged.overdue_flagged_at).not.toBeNull();
    const [notYet] = await sql(`select overdue_flagged_at from breaches where id = $1`, [inTime.id]);
    expect(notYet.overdue_flagged_at).toBeNull();
    expect(await auditCount('breach.overdue', breachCreate.id)).toBe(1);
    await runCli(demo, ['retention:run']);
    expect(await auditCount('breach.overdue', breachCreate.id)).toBe(1);
    // The seeded breach was notified in time: never flagged.
    const seeded = await sql(
      `select b.overdue_flagged_at from breaches b join tenants t on t.id = b.tenant_id
        where t.slug = 'jj-media' and b.description like 'A customer list%'`,
    );
    expect(seeded).toEqual([{ overdue_flagged_at: null }]);
  });
});

describe('the registers stay in their agency and with their roles', () => {
  const reads = [
    ['processors', '{ processors { nodes { name } } }'],
    ['disclosures', '{ disclosures { nodes { recipient } } }'],
    ['breaches', '{ breaches { nodes { description } } }'],
  ] as const;

  it("P19, P23, S26: nordvik-webbyra sees only its own rows, never JJ Media's", async () => {
    const nordvik = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const processors = (await nordvik.ok(reads[0][1])).processors.nodes.map((p: any) => p.name);
    expect(processors).toEqual(['Hetzner Online GmbH']);
    const disclosures = (await nordvik.ok(reads[1][1])).disclosures.nodes.map((d: any) => d.recipient);
    expect(disclosures).toEqual(['Skatteverket']);
    const breaches = (await nordvik.ok(reads[2][1])).breaches.nodes.map((b: any) => b.description);
    expect(breaches).toEqual(['A laptop of an employee was stolen from a car.']);

    const [jj] = await sql(
      `select (select p.id from processors p join tenants t on t.id = p.tenant_id where t.slug = 'jj-media' limit 1) as processor,
              (select d.id from disclosures d join tenants t on t.id = d.tenant_id where t.slug = 'jj-media' limit 1) as disclosure,
              (select b.id from breaches b join tenants t on t.id = b.tenant_id where t.slug = 'jj-media' limit 1) as breach`,
    );
    for (const [query, id] of [
      ['query($id: UUID!) { processor(id: $id) { name } }', jj.processor],
      ['query($id: UUID!) { disclosure(id: $id) { recipient } }', jj.disclosure],
      ['query($id: UUID!) { breach(id: $id) { description } }', jj.breach],
    ]) {
      expect(errorCode(await nordvik.gql(query, { id }))).toBe('NOT_FOUND');
    }
    const update = await nordvik.gql(PROCESSOR_UPDATE, { id: jj.processor, i: newsletterTool });
    expect(errorCode(update)).toBe('NOT_FOUND');
  });

  it('P19, P23, S26: contractors, customers and anonymous callers are FORBIDDEN; employees cannot see disclosures', async () => {
    const clients: Array<[string, ApiClient]> = [
      ['CONTRACTOR', await as(demo.url, 'jj-media', 'CONTRACTOR')],
      ['CUSTOMER', await as(demo.url, 'jj-media', 'CUSTOMER')],
      ['anonymous', new ApiClient(demo.url)],
    ];
    for (const [role, client] of clients) {
      for (const [name, query] of [...reads, ['processorsCsv', '{ processorsCsv }']]) {
        const code = errorCode(await client.gql(query));
        expect({ role, name, code }).toEqual({
          role,
          name,
          code: role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        });
      }
    }
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect(errorCode(await staff.gql(reads[1][1]))).toBe('FORBIDDEN');
    expect(errorCode(await staff.gql(BREACH_CREATE, { i: breachInput(new Date()) }))).toBe('FORBIDDEN');
  });
});
