// Consents over HTTP: purposes and their legal basis (P12), the append-only history (P13), the age
// of consent (S24), cookie preferences (P17) and policy versions (P22), with their access rules.
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);
const contactId = async (email: string) =>
  (await sql<{ id: string }>('select id from contacts where email = $1', [email]))[0].id;

beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(() => demo?.stop());

const PURPOSES =
  '{ processingPurposes { id key legalBasis dataCategories retentionDays descriptionSv descriptionEn } }';
const RECORD =
  'mutation($i: ConsentRecordInput!) { consentRecord(input: $i) { id decision method ip userAgent purposeKey policyVersion { version } } }';
const EVENTS =
  'query($f: ConsentEventFilter) { consentEvents(filter: $f, page: { take: 50 }) { totalCount nodes { decision method purposeKey channel subjectEmail ip userAgent wording contact { email } } } }';
const MY_SET = 'mutation($i: ConsentChoiceInput!) { myConsentSet(input: $i) { decision method } }';
const MY = '{ myConsents { purposeKey channel granted method } }';

describe('P12: processing purposes', () => {
  it('P12: every purpose names its legal basis; customers and employees read them, admins change them', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { processingPurposes } = await customer.ok(PURPOSES);
    expect(processingPurposes.map((p: { key: string }) => p.key).sort()).toEqual(
      ['analytics', 'email_tracking', 'newsletter', 'profiling', 'service_delivery', 'surveys', 'targeted_ads'].sort(),
    );
    const basis = Object.fromEntries(processingPurposes.map((p: any) => [p.key, p.legalBasis]));
    expect(basis).toMatchObject({
      newsletter: 'CONSENT',
      service_delivery: 'CONTRACT',
      email_tracking: 'CONSENT',
      surveys: 'LEGITIMATE_INTEREST',
    });
    for (const p of processingPurposes) {
      expect(p.descriptionSv).toBeTruthy();
      expect(p.descriptionEn).toBeTruthy();
      expect(p.dataCategories.length).toBeGreaterThan(0);
    }
    const id = processingPurposes.find((p: any) => p.key === 'profiling').id;
    const update =
      'mutation($id: UUID!, $i: ProcessingPurposeUpdateInput!) { processingPurposeUpdate(id: $id, input: $i) { retentionDays } }';
    expect(errorCode(await customer.gql(update, { id, i: { retentionDays: 10 } }))).toBe('FORBIDDEN');
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect(errorCode(await employee.gql(update, { id, i: { retentionDays: 10 } }))).toBe('FORBIDDEN');
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    expect(await admin.ok(update, { id, i: { retentionDays: 400 } })).toEqual({
      processingPurposeUpdate: { retentionDays: 400 },
    });
    const bad = await admin.gql(update, { id, i: { retentionDays: -1 } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'retentionDays' });
  });

  it('P12: a new agency starts with the standard purposes', async () => {
    await runCli(demo, ['tenant:create', '--name', 'Ny Byrå', '--admin-email', 'chef@nybyra.example.com']);
    const rows = await sql(
      `select p.key, p.legal_basis from processing_purposes p join tenants t on t.id = p.tenant_id
        where t.name = 'Ny Byrå' order by p.key`,
    );
    expect(rows).toHaveLength(7);
    expect(rows).toContainEqual({ key: 'service_delivery', legal_basis: 'CONTRACT' });
    expect(rows).toContainEqual({ key: 'surveys', legal_basis: 'LEGITIMATE_INTEREST' });
  });

  it('P12: a contractor has no business with purposes or consents', async () => {
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    expect(errorCode(await contractor.gql(PURPOSES))).toBe('FORBIDDEN');
    expect(errorCode(await contractor.gql(EVENTS))).toBe('FORBIDDEN');
  });
});

describe('P13: consent history', () => {
  it('P13: staff grant, withdraw and re-grant on the contact’s instruction; the full history keeps each with its proof', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const olof = await contactId('olof@bageriet.example.com');
    const choice = {
      contactId: olof,
      purposeKey: 'profiling',
      channel: 'EMAIL',
      wording: 'Får vi anpassa erbjudanden?',
    };
    const granted = await employee.ok(RECORD, { i: { ...choice, granted: true } });
    expect(granted.consentRecord).toMatchObject({
      decision: 'GRANTED',
      method: 'STAFF_ON_INSTRUCTION',
      purposeKey: 'profiling',
      ip: expect.any(String),
      policyVersion: { version: '2026-01' },
    });
    await employee.ok(RECORD, { i: { ...choice, granted: false } });
    await employee.ok(RECORD, { i: { ...choice, granted: true } });
    const { consentEvents } = await employee.ok(EVENTS, { f: { contactId: olof, purposeKey: 'profiling' } });
    expect(consentEvents.nodes.map((e: any) => e.decision)).toEqual(['GRANTED', 'WITHDRAWN', 'GRANTED']);
    expect(consentEvents.nodes[0]).toMatchObject({
      subjectEmail: 'olof@bageriet.example.com',
      wording: 'Får vi anpassa erbjudanden?',
      contact: { email: 'olof@bageriet.example.com' },
    });
    const withdrawn = await employee.ok(EVENTS, { f: { contactId: olof, decision: 'WITHDRAWN' } });
    expect(withdrawn.consentEvents.nodes.every((e: any) => e.decision === 'WITHDRAWN')).toBe(true);
    const current = await employee.ok(
      'query($c: UUID!) { contactConsents(contactId: $c) { purposeKey channel granted } }',
      {
        c: olof,
      },
    );
    expect(current.contactConsents).toContainEqual({ purposeKey: 'profiling', channel: 'EMAIL', granted: true });
  });

  it('P13: the history is append-only in the database; only the erasure path may remove it', async () => {
    await expect(sql(`update consent_events set decision = 'WITHDRAWN'`)).rejects.toThrow(/append-only/);
    await expect(sql(`delete from consent_events`)).rejects.toThrow(/append-only/);
    const [{ n }] = await sql<{ n: number }>(
      `select count(*)::int as n from consent_events where subject_email = 'prenumerant@nordvik-webbyra.example.com'`,
    );
    expect(n).toBe(1);
    await sql(`begin; select set_config('app.erasure', 'on', true);
      delete from consent_events where subject_email = 'prenumerant@nordvik-webbyra.example.com'; commit;`);
    const [{ left }] = await sql<{ left: number }>(
      `select count(*)::int as left from consent_events where subject_email = 'prenumerant@nordvik-webbyra.example.com'`,
    );
    expect(left).toBe(0);
  });

  it('P13: the customer withdraws and re-grants their own consent in the portal and reads the history', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    expect((await customer.ok(MY)).myConsents).toContainEqual({
      purposeKey: 'newsletter',
      channel: 'EMAIL',
      granted: true,
      method: 'PORTAL',
    });
    const choice = { purposeKey: 'newsletter', channel: 'EMAIL' };
    expect((await customer.ok(MY_SET, { i: { ...choice, granted: false } })).myConsentSet).toEqual({
      decision: 'WITHDRAWN',
      method: 'PORTAL',
    });
    expect((await customer.ok(MY)).myConsents).toContainEqual(
      expect.objectContaining({ purposeKey: 'newsletter', channel: 'EMAIL', granted: false }),
    );
    await customer.ok(MY_SET, { i: { ...choice, granted: true } });
    const history = await customer.ok('{ myConsentHistory { decision method purposeKey } }');
    expect(
      history.myConsentHistory.filter((e: any) => e.purposeKey === 'newsletter').map((e: any) => e.decision),
    ).toEqual(['GRANTED', 'WITHDRAWN', 'GRANTED', 'WITHDRAWN', 'GRANTED']);
    const bad = await customer.gql(MY_SET, { i: { purposeKey: 'nonsense', channel: 'EMAIL', granted: true } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect(errorCode(await employee.gql(MY))).toBe('FORBIDDEN');
  });

  it('P13: another agency sees none of these consents and cannot record one for their contact', async () => {
    const nordvik = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const { consentEvents } = await nordvik.ok(EVENTS);
    expect(consentEvents.nodes.some((e: any) => /bageriet|jj-media/.test(e.subjectEmail ?? ''))).toBe(false);
    const olof = await contactId('olof@bageriet.example.com');
    expect(errorCode(await nordvik.gql(EVENTS, { f: { contactId: olof } }))).toBeUndefined();
    expect((await nordvik.ok(EVENTS, { f: { contactId: olof } })).consentEvents.totalCount).toBe(0);
    expect(
      errorCode(
        await nordvik.gql(RECORD, {
          i: { contactId: olof, purposeKey: 'newsletter', channel: 'EMAIL', granted: true },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(await nordvik.gql('query($c: UUID!) { contactConsents(contactId: $c) { granted } }', { c: olof })),
    ).toBe('NOT_FOUND');
  });
});

describe('S24: the age of consent', () => {
  it("M19, S24: a company's contact is not asked her age: her consent is recorded without it, and the portal asks nothing", async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const olof = await contactId('olof@bageriet.example.com');
    await sql('update contacts set age_confirmed = null, parental_consent = null where id = $1', [olof]);
    const [{ buyer_type }] = await sql(
      'select buyer_type from customers where id = (select customer_id from contacts where id = $1)',
      [olof],
    );
    expect(buyer_type).toBe('COMPANY');
    await employee.ok(RECORD, { i: { contactId: olof, purposeKey: 'profiling', channel: 'EMAIL', granted: true } });
    // Anna, of the same company, is not asked in the portal either.
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    await sql(`update contacts set age_confirmed = null where email = 'anna@bageriet.example.com'`);
    expect((await anna.ok('{ myConsentAsksAge }')).myConsentAsksAge).toBe(false);
    await sql(`update customers set buyer_type = 'PRIVATE' where name = 'Bageriet Ek AB'`);
    expect((await anna.ok('{ myConsentAsksAge }')).myConsentAsksAge).toBe(true);
    await sql(`update customers set buyer_type = 'COMPANY' where name = 'Bageriet Ek AB'`);
  });

  it('M19: each purpose names the channels its consent is given on; purposes not resting on consent name none', async () => {
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { processingPurposes } = await anna.ok('{ processingPurposes { key legalBasis channels } }');
    const byKey = Object.fromEntries(
      processingPurposes.map((p: { key: string; channels: string[] }) => [p.key, p.channels]),
    );
    expect(byKey).toMatchObject({
      newsletter: ['EMAIL', 'SMS', 'PHONE'],
      email_tracking: ['EMAIL'],
      analytics: ['WEB'],
      service_delivery: [],
    });
    for (const p of processingPurposes) if (p.legalBasis !== 'CONSENT') expect(p.channels).toEqual([]);
  });

  it('S24: no private individual consents without confirming their age, unless a parent consented', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const maja = await contactId('maja@fjallbryggeri.example.com');
    await sql('update contacts set age_confirmed = null, parental_consent = null where id = $1', [maja]);
    // Issue 25: the age question is a private individual's (a company's contact is not asked, below).
    await sql(
      `update customers set buyer_type = 'PRIVATE' where id = (select customer_id from contacts where id = $1)`,
      [maja],
    );
    const choice = { contactId: maja, purposeKey: 'newsletter', channel: 'SMS', granted: true };
    const refused = await employee.gql(RECORD, { i: choice });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ageConfirmed' });
    expect(refused.errors?.[0].message).toMatch(/13/); // Sweden's age of consent
    // A withdrawal is never refused.
    await employee.ok(RECORD, { i: { ...choice, granted: false } });
    await employee.ok(RECORD, { i: { ...choice, ageConfirmed: true } });
    expect((await sql('select age_confirmed from contacts where id = $1', [maja]))[0].age_confirmed).toBe(true);

    const SUBSCRIBE = 'mutation($i: NewsletterSubscribeInput!) { newsletterSubscribe(input: $i) }';
    const form = {
      agency: 'jj-media',
      email: 'ung@example.com',
      preferredLanguage: 'sv',
      country: 'DE',
      ageConfirmed: false,
      consentText: 'Ja tack, nyhetsbrev.',
    };
    const young = await new ApiClient(demo.url).gql(SUBSCRIBE, { i: form });
    expect(young.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ageConfirmed' });
    expect(young.errors?.[0].message).toMatch(/16/); // Germany: GDPR's default
    expect((await sql(`select count(*)::int as n from newsletter_signups where email = 'ung@example.com'`))[0].n).toBe(
      0,
    );
    // COPPA: in the US the age is 13, and the refusal is the same typed error naming the field.
    const american = await new ApiClient(demo.url).gql(SUBSCRIBE, {
      i: { ...form, email: 'young@example.com', country: 'US', preferredLanguage: 'en' },
    });
    expect(american.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ageConfirmed' });
    expect(american.errors?.[0].message).toMatch(/13/);
    expect(
      (await sql(`select count(*)::int as n from newsletter_signups where email = 'young@example.com'`))[0].n,
    ).toBe(0);
    // With a parent's consent on file, the minor may sign up.
    await sql(`update contacts set email = 'ung@example.com', parental_consent = $2 where id = $1`, [
      maja,
      JSON.stringify({
        givenAt: new Date().toISOString(),
        parentName: 'P',
        parentEmail: 'p@example.com',
        method: 'form',
      }),
    ]);
    expect((await new ApiClient(demo.url).ok(SUBSCRIBE, { i: form })).newsletterSubscribe).toBe(true);
    expect((await sql(`select count(*)::int as n from newsletter_signups where email = 'ung@example.com'`))[0].n).toBe(
      1,
    );
  });
});

describe('P17: cookie preferences', () => {
  it('P17: an anonymous visitor sets analytics and marketing cookies and reads them back', async () => {
    const visitor = new ApiClient(demo.url);
    const SET =
      'mutation($i: CookiePreferencesInput!) { cookiePreferencesSet(input: $i) { necessary analytics marketing } }';
    const GET =
      'query($a: String!, $v: String!) { cookiePreferences(agency: $a, visitorId: $v) { necessary analytics marketing } }';
    const v = { a: 'jj-media', v: 'visitor-0123456789' };
    expect((await visitor.ok(GET, v)).cookiePreferences).toEqual({
      necessary: true,
      analytics: false,
      marketing: false,
    });
    await visitor.ok(SET, {
      i: {
        agency: 'jj-media',
        visitorId: v.v,
        analytics: true,
        marketing: false,
        sourceUrl: 'https://jj-media.example.com/',
      },
    });
    expect((await visitor.ok(GET, v)).cookiePreferences).toEqual({
      necessary: true,
      analytics: true,
      marketing: false,
    });
    await visitor.ok(SET, { i: { agency: 'jj-media', visitorId: v.v, analytics: false, marketing: true } });
    expect((await visitor.ok(GET, v)).cookiePreferences).toEqual({
      necessary: true,
      analytics: false,
      marketing: true,
    });
    const rows = await sql(
      `select e.channel, e.method, e.decision, p.key from consent_events e join processing_purposes p on p.id = e.purpose_id
        where e.visitor_id = $1 order by e.created_at`,
      [v.v],
    );
    expect(rows).toEqual([
      { channel: 'WEB', method: 'COOKIE_BANNER', decision: 'GRANTED', key: 'analytics' },
      { channel: 'WEB', method: 'COOKIE_BANNER', decision: 'WITHDRAWN', key: 'analytics' },
      { channel: 'WEB', method: 'COOKIE_BANNER', decision: 'GRANTED', key: 'targeted_ads' },
    ]);
    // The same visitor id at the other agency is another person.
    expect((await visitor.ok(GET, { a: 'nordvik-webbyra', v: v.v })).cookiePreferences.analytics).toBe(false);
    const bad = await visitor.gql(SET, { i: { agency: 'jj-media', visitorId: 'x', analytics: true, marketing: true } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'visitorId' });
  });

  it('P17: the customer changes their cookie preferences in the portal', async () => {
    const customer = await as(demo.url, 'nordvik-webbyra', 'CUSTOMER');
    const SET = 'mutation($i: MyCookiePreferencesInput!) { myCookiePreferencesSet(input: $i) { analytics marketing } }';
    await customer.ok(SET, { i: { analytics: true, marketing: true } });
    expect(
      (await customer.ok('{ myCookiePreferences { necessary analytics marketing } }')).myCookiePreferences,
    ).toEqual({
      necessary: true,
      analytics: true,
      marketing: true,
    });
    await customer.ok(SET, { i: { analytics: true, marketing: false } });
    expect((await customer.ok('{ myCookiePreferences { analytics marketing } }')).myCookiePreferences).toEqual({
      analytics: true,
      marketing: false,
    });
    const [{ method }] = await sql(
      `select e.method from consent_events e join contacts c on c.id = e.contact_id where c.email = 'lars@fjallstuga.example.com' and e.channel = 'WEB' limit 1`,
    );
    expect(method).toBe('PORTAL');
  });
});

describe('P22: policy versions', () => {
  it('P22: publishing a material change mails the people concerned and opens a pending acceptance each; the customer accepts', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const CREATE = 'mutation($i: PolicyVersionInput!) { policyVersionCreate(input: $i) { id publishedAt } }';
    const PUBLISH = 'mutation($id: UUID!) { policyVersionPublish(id: $id) { publishedAt materialChange } }';
    const { policyVersionCreate: draft } = await employee.ok(CREATE, {
      i: { version: '2026-11', language: 'sv', text: 'Ny policy: vi byter betalleverantör.', materialChange: true },
    });
    expect(draft.publishedAt).toBeNull();
    const dup = await employee.gql(CREATE, { i: { version: '2026-11', language: 'sv', text: 'x' } });
    expect(dup.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    expect(
      (await customer.ok('{ policyVersions { version } }')).policyVersions.map((p: any) => p.version),
    ).not.toContain('2026-11');
    expect(errorCode(await employee.gql(PUBLISH, { id: draft.id }))).toBe('FORBIDDEN');
    expect(errorCode(await (await as(demo.url, 'nordvik-webbyra', 'ADMIN')).gql(PUBLISH, { id: draft.id }))).toBe(
      'NOT_FOUND',
    );
    expect((await admin.ok(PUBLISH, { id: draft.id })).policyVersionPublish.materialChange).toBe(true);

    const mails = await sql(
      `select recipient, language, payload from outbox_messages where template = 'policy.changed' order by recipient`,
    );
    const recipients = mails.map((m) => m.recipient);
    expect(recipients).toContain('anna@bageriet.example.com'); // a login
    expect(recipients).toContain('olof@bageriet.example.com'); // a current consent
    expect(recipients).not.toContain('lars@fjallstuga.example.com'); // another agency
    expect(mails[0].payload).toMatchObject({ version: '2026-11' });

    const MINE = '{ myPolicyAcceptances { acceptedAt ip policyVersion { id version } } }';
    const pending = (await customer.ok(MINE)).myPolicyAcceptances;
    expect(pending).toEqual([{ acceptedAt: null, ip: null, policyVersion: { id: draft.id, version: '2026-11' } }]);
    await customer.ok('mutation($id: UUID!) { policyAccept(policyVersionId: $id) { acceptedAt } }', { id: draft.id });
    const [accepted] = (await customer.ok(MINE)).myPolicyAcceptances;
    expect(accepted).toMatchObject({ acceptedAt: expect.any(String), ip: expect.any(String) });

    // Consents given from now on name the version they were given under.
    const choice = { purposeKey: 'profiling', channel: 'SMS', granted: true };
    await customer.ok(MY_SET, { i: choice });
    const [row] = await sql(
      `select v.version from consent_events e join policy_versions v on v.id = e.policy_version_id
        join contacts c on c.id = e.contact_id where c.email = 'anna@bageriet.example.com' and e.channel = 'SMS'`,
    );
    expect(row.version).toBe('2026-11');
  });
});
