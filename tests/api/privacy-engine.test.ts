// Where the privacy modules meet: the customer corrects their own data (P27), and an erased person's
// address, signed up again, gets no marketing until the fresh double opt-in (P26, P14, P15).
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(() => demo?.stop());

const PROFILE = 'mutation($i: ProfileUpdateInput!) { profileUpdate(input: $i) { user { name } } }';
const MY_CONTACT = '{ me { contact { name phone postalCode country } } }';

describe('P27: the customer reviews and corrects their own data', () => {
  it('P27: a customer reads and updates their phone, postal code and country; the change is audited without its values', async () => {
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    const before = (await anna.ok(MY_CONTACT)).me.contact;
    expect(before.name).toBe('Anna Ek');
    await anna.ok(PROFILE, { i: { phone: '+46 70 999 88 77', postalCode: '41319', country: 'se' } });
    expect((await anna.ok(MY_CONTACT)).me.contact).toMatchObject({
      phone: '+46709998877',
      postalCode: '41319',
      country: 'SE',
    });
    const [entry] = await sql(
      `select detail from audit_events where action = 'contact.update_by_subject' order by created_at desc limit 1`,
    );
    expect(entry.detail.fields).toEqual(['phone', 'postalCode', 'country']);
    expect(JSON.stringify(entry.detail)).not.toContain('41319');
    // Staff see the corrected data at once.
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { customers } = await employee.ok(
      '{ customers(filter: { q: "Bageriet" }) { nodes { contacts { name phone postalCode } } } }',
    );
    expect(customers.nodes[0].contacts).toContainEqual({ name: 'Anna Ek', phone: '+46709998877', postalCode: '41319' });
  });

  it('P27: bad values name their field; staff have no contact details to set; anonymous callers are refused', async () => {
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    expect((await anna.gql(PROFILE, { i: { phone: '12' } })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'phone',
    });
    expect((await anna.gql(PROFILE, { i: { country: 'XX' } })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'country',
    });
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect((await employee.gql(PROFILE, { i: { postalCode: '11122' } })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'postalCode',
    });
    expect((await employee.ok(MY_CONTACT)).me.contact).toBeNull();
    expect(errorCode(await new ApiClient(demo.url).gql(PROFILE, { i: { phone: '+46701234567' } }))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('P26: erased, then signed up again', () => {
  const EMAIL = 'olof@bageriet.example.com';
  const SEND = 'mutation($i: MarketingSendInput!) { marketingSend(input: $i) { queued refused } }';
  const campaign = (n: string) => ({
    purposeKey: 'newsletter',
    subjectSv: `Erbjudande ${n}`,
    subjectEn: `Offer ${n}`,
    bodySv: 'Hej!',
    bodyEn: 'Hello!',
  });
  const reached = async (n: string) =>
    (
      await sql(`select 1 from outbox_messages where recipient = $1 and subject in ($2, $3)`, [
        EMAIL,
        `Erbjudande ${n}`,
        `Offer ${n}`,
      ])
    ).length > 0;

  it('P26: the suppression hash blocks marketing to an erased, re-imported address until a fresh, confirmed sign-up', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { privacyRequestCreate: request } = await employee.ok(
      'mutation($i: PrivacyRequestStaffInput!) { privacyRequestCreate(input: $i) { id } }',
      { i: { email: EMAIL, type: 'ERASURE', language: 'sv' } },
    );
    await employee.ok('mutation($id: UUID!) { privacyRequestVerify(id: $id) { status } }', { id: request.id });
    await employee.ok('mutation($id: UUID!) { privacyRequestStart(id: $id) { status } }', { id: request.id });
    const { privacyRequestComplete } = await employee.ok(
      'mutation($id: UUID!) { privacyRequestComplete(id: $id) { status } }',
      { id: request.id },
    );
    expect(privacyRequestComplete.status).toBe('COMPLETED');
    expect(await sql(`select 1 from contacts where lower(email) = $1`, [EMAIL])).toEqual([]);
    const [{ n }] = await sql(`select count(*)::int as n from suppression_entries where kind = 'EMAIL'`);
    expect(n).toBeGreaterThan(0);

    // Re-imported by staff with a consent "on instruction": the suppression still blocks marketing.
    const [{ id: customerId }] = await sql(`select id from customers where name = 'Bageriet Ek AB'`);
    const { contactCreate } = await employee.ok(
      'mutation($c: UUID!, $i: ContactInput!) { contactCreate(customerId: $c, input: $i) { id } }',
      { c: customerId, i: { name: 'Olof Ek', email: EMAIL, country: 'SE' } },
    );
    await employee.ok('mutation($i: ConsentRecordInput!) { consentRecord(input: $i) { decision } }', {
      i: {
        contactId: contactCreate.id,
        purposeKey: 'newsletter',
        channel: 'EMAIL',
        granted: true,
        ageConfirmed: true,
        wording: 'Ja, skicka mig nyhetsbrevet.',
      },
    });
    await employee.ok(SEND, { i: campaign('före') });
    expect(await reached('före')).toBe(false);
    const [refusal] = await sql(
      `select detail from audit_events where action = 'marketing.refused' order by created_at desc limit 1`,
    );
    expect(refusal.detail.reason).toBe('SUPPRESSED');

    // The person signs up again on the public form and confirms: a fresh consent of their own.
    await new ApiClient(demo.url).ok('mutation($i: NewsletterSubscribeInput!) { newsletterSubscribe(input: $i) }', {
      i: {
        agency: 'jj-media',
        email: EMAIL,
        name: 'Olof',
        preferredLanguage: 'sv',
        country: 'SE',
        ageConfirmed: true,
        consentText: 'Ja, skicka mig nyhetsbrevet.',
        sourceUrl: 'https://jj-media.example.com/nyhetsbrev',
      },
    });
    await employee.ok(SEND, { i: campaign('mellan') });
    expect(await reached('mellan')).toBe(false); // not before the confirmation

    // The fresh, confirmed consent lifts the suppression for this address, and only then.
    const [{ payload }] = await sql(
      `select payload from outbox_messages where recipient = $1 and template = 'newsletter.confirm'`,
      [EMAIL],
    );
    const link = String(payload.link);
    expect((await fetch(link, { method: 'POST' })).status).toBe(200);
    await employee.ok(SEND, { i: campaign('efter') });
    expect(await reached('efter')).toBe(true);
  });
});

describe('P34: a contact address for privacy questions', () => {
  it('P34: the portal shows the agency’s privacy contact and supervisory authority, and privacy mail names the contact', async () => {
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { me } = await anna.ok(
      '{ me { tenant { privacyContactEmail supervisoryAuthorityName supervisoryAuthorityUrl } } }',
    );
    expect(me.tenant).toEqual({
      privacyContactEmail: 'privacy@jj-media.example.com',
      supervisoryAuthorityName: expect.stringMatching(/Integritetsskyddsmyndigheten/),
      supervisoryAuthorityUrl: expect.stringMatching(/^https:\/\/(www\.)?imy\.se/),
    });
    await anna.ok('mutation($i: PrivacyRequestPortalInput!) { privacyRequestFile(input: $i) { id } }', {
      i: { type: 'RESTRICTION', details: 'Pausa all marknadsföring' },
    });
    const mails = await sql(
      `select template, payload from outbox_messages where recipient = 'anna@bageriet.example.com' and template like 'privacy.%'`,
    );
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect(mail.payload.privacyContact).toBe('privacy@jj-media.example.com');
  });
});
