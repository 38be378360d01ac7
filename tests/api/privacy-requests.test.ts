// Data subject requests over HTTP (P28, P29, P30, P33, P34, S23): the public page with its mailed
// token, the portal, the staff workflow, each request type's effect, exports, and who may do what.
import { unzipSync, strFromU8 } from 'fflate';
import { dueDateFor } from '../../server/src/modules/privacy-requests/privacy-request.dates';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { runCli, useDemoWithSmtp } from '../support/demo-app';

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(mailed.demo.db.superuserUrl, text, params);
const to = (address: string) => (m: { to?: unknown }) => JSON.stringify(m.to).includes(address);
const linkIn = (text: string | undefined, path: string) => {
  const match = new RegExp(`https?://[^\\s]+${path}[^\\s]+`).exec(text ?? '');
  if (!match) throw new Error(`no ${path} link in ${text}`);
  return match[0];
};

const mailed = useDemoWithSmtp();

const FIELDS = 'id type status channel requesterEmail receivedAt dueAt overdue extensionReason result exportAvailable';
const SUBMIT = 'mutation($i: PrivacyRequestPublicInput!) { privacyRequestSubmit(input: $i) }';
const CREATE = `mutation($i: PrivacyRequestStaffInput!) { privacyRequestCreate(input: $i) { ${FIELDS} } }`;
const FILE = `mutation($i: PrivacyRequestPortalInput!) { privacyRequestFile(input: $i) { ${FIELDS} } }`;
const VERIFY = `mutation($id: UUID!) { privacyRequestVerify(id: $id) { ${FIELDS} } }`;
const START = `mutation($id: UUID!) { privacyRequestStart(id: $id) { ${FIELDS} assignee { email } } }`;
const EXTEND = `mutation($id: UUID!, $i: PrivacyRequestExtendInput!) { privacyRequestExtend(id: $id, input: $i) { ${FIELDS} } }`;
const COMPLETE = `mutation($id: UUID!, $i: PrivacyRequestCompleteInput) { privacyRequestComplete(id: $id, input: $i) { ${FIELDS} } }`;
const REJECT = `mutation($id: UUID!, $r: String!) { privacyRequestReject(id: $id, reason: $r) { ${FIELDS} } }`;
const LIST = `query($f: PrivacyRequestFilter) { privacyRequests(filter: $f, page: { take: 100 }) { totalCount nodes { ${FIELDS} } } }`;

/** A staff-received request for `email`, verified: ready to complete. */
async function verifiedRequest(staff: ApiClient, email: string, type: string, details?: string) {
  const { privacyRequestCreate: r } = await staff.ok(CREATE, { i: { email, type, details } });
  expect(r.status).toBe('RECEIVED');
  await staff.ok(VERIFY, { id: r.id });
  return r.id as string;
}

async function publicSubmit(email: string, type = 'ACCESS', agency = 'jj-media') {
  return new ApiClient(mailed.demo.url).gql(SUBMIT, { i: { agency, email, type, language: 'en' } });
}

describe('P29, P33, P34: filing a request', () => {
  it('P29: the public page answers the same for any address and mails a single-use link with the privacy contact (P34)', async () => {
    const known = await publicSubmit('anna@bageriet.example.com');
    const unknown = await publicSubmit('nobody-here@example.org');
    const noAgency = await publicSubmit('anna@bageriet.example.com', 'ACCESS', 'no-such-agency');
    expect(known.data).toEqual({ privacyRequestSubmit: true });
    expect(unknown.data).toEqual(known.data);
    expect(noAgency.data).toEqual(known.data);

    const [mail] = await mailed.smtp.waitFor(1, to('anna@bageriet.example.com'));
    const [{ privacy_contact_email: contact }] = await sql(
      `select privacy_contact_email from tenants where slug = 'jj-media'`,
    );
    expect(mail.text).toContain(contact);
    const link = linkIn(mail.text, '/privacy/confirm/');
    // Nothing is created until the person follows the link; the token is stored only as a hash.
    expect(
      await sql(`select * from privacy_requests where requester_email = 'anna@bageriet.example.com'`),
    ).toHaveLength(0);
    const token = link.split('/privacy/confirm/')[1];
    expect(JSON.stringify(await sql('select * from privacy_request_tokens'))).not.toContain(token.split('.')[1]);

    expect((await fetch(link)).status).toBe(200); // a GET (mail scanners) uses nothing up
    expect((await fetch(link, { method: 'POST' })).status).toBe(200);
    expect((await fetch(link, { method: 'POST' })).status).toBe(410); // single use
    const [row] = await sql(
      `select status, channel, jsonb_array_length(contact_ids) as contacts from privacy_requests where requester_email = 'anna@bageriet.example.com'`,
    );
    expect(row).toEqual({ status: 'IDENTITY_VERIFIED', channel: 'PUBLIC_PAGE', contacts: 1 });
  });

  it('P29: a request for an address with no data completes with "nothing held" and reveals nothing', async () => {
    const [mail] = await mailed.smtp.waitFor(1, to('nobody-here@example.org'));
    expect((await fetch(linkIn(mail.text, '/privacy/confirm/'), { method: 'POST' })).status).toBe(200);
    const [{ id }] = await sql(`select id from privacy_requests where requester_email = 'nobody-here@example.org'`);
    const staff = await as(mailed.demo.url, 'jj-media', 'EMPLOYEE');
    const { privacyRequestComplete: done } = await staff.ok(COMPLETE, { id });
    expect(done.status).toBe('COMPLETED');
    expect(done.result.nothingHeld).toBe(true);
    // The link, the receipt of the request, and the answer.
    const [answer] = await mailed.smtp.waitFor(3, to('nobody-here@example.org'));
    expect(answer).toBeDefined();
    const texts = mailed.smtp.received
      .filter(to('nobody-here@example.org'))
      .map((m) => m.text)
      .join('\n');
    expect(texts).toContain('We hold no personal data');
    expect(texts).not.toMatch(/Bageriet|Anna/);
  });

  it('P29: an expired token is refused', async () => {
    await publicSubmit('olof@bageriet.example.com', 'OBJECTION');
    const [mail] = await mailed.smtp.waitFor(1, to('olof@bageriet.example.com'));
    await sql(
      `update privacy_request_tokens set expires_at = now() - interval '1 minute' where email = 'olof@bageriet.example.com'`,
    );
    const token = linkIn(mail.text, '/privacy/confirm/').split('/privacy/confirm/')[1];
    const res = await new ApiClient(mailed.demo.url).gql('mutation($t: String!) { privacyRequestConfirm(token: $t) }', {
      t: token,
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe('token');
  });

  it('P33: from the portal no token is needed; the customer sees their own requests', async () => {
    const customer = await as(mailed.demo.url, 'jj-media', 'CUSTOMER');
    const { privacyRequestFile: r } = await customer.ok(FILE, { i: { type: 'RESTRICTION', details: 'Pausa allt' } });
    expect(r).toMatchObject({
      status: 'IDENTITY_VERIFIED',
      channel: 'PORTAL',
      requesterEmail: 'anna@bageriet.example.com',
    });
    const { myPrivacyRequests } = await customer.ok('{ myPrivacyRequests { id type status } }');
    expect(myPrivacyRequests.map((x: { id: string }) => x.id)).toContain(r.id);
    expect(myPrivacyRequests.every((x: { type: string }) => x.type)).toBe(true);
  });
});

describe('S23 and P30: deadlines', () => {
  it('S23: due one calendar month after receipt; an extension needs a reason, ends by three months and is mailed', async () => {
    const staff = await as(mailed.demo.url, 'jj-media', 'ADMIN');
    const id = await verifiedRequest(staff, 'maja@fjallbryggeri.example.com', 'ACCESS');
    const { privacyRequest: r } = await staff.ok('query($id: UUID!) { privacyRequest(id: $id) { receivedAt dueAt } }', {
      id,
    });
    const received = new Date(r.receivedAt);
    expect(r.dueAt).toBe(dueDateFor(received, 'Europe/Stockholm').toISOString());

    const noReason = await staff.gql(EXTEND, { id, i: { reason: '' } });
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors?.[0].extensions?.field).toBe('reason');
    const tooLate = new Date(received.getTime() + 100 * 24 * 3600_000).toISOString();
    const late = await staff.gql(EXTEND, { id, i: { reason: 'Large amount of data', dueAt: tooLate } });
    expect(late.errors?.[0].extensions?.field).toBe('dueAt');

    const { privacyRequestExtend: ext } = await staff.ok(EXTEND, { id, i: { reason: 'Många system att gå igenom' } });
    const months = (new Date(ext.dueAt).getTime() - received.getTime()) / (24 * 3600_000);
    expect(months).toBeGreaterThan(88);
    expect(months).toBeLessThan(93);
    const [mail] = await mailed.smtp.waitFor(
      1,
      (m) => to('maja@fjallbryggeri.example.com')(m) && /Många system/.test(m.text ?? ''),
    );
    const [{ privacy_contact_email: contact }] = await sql(
      `select privacy_contact_email from tenants where slug = 'jj-media'`,
    );
    expect(mail.text).toContain(contact);
    await staff.ok(REJECT, { id, r: 'Test request, withdrawn by the person' });
  });

  it('P30: the list is by due date, flags overdue requests, and the retention job tells the privacy contact once', async () => {
    const staff = await as(mailed.demo.url, 'jj-media', 'EMPLOYEE');
    const { privacyRequests } = await staff.ok(LIST, {});
    const dues = privacyRequests.nodes.map((n: { dueAt: string }) => Date.parse(n.dueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const overdue = await staff.ok(LIST, { f: { overdue: true } });
    expect(overdue.privacyRequests.nodes.length).toBeGreaterThan(0);
    expect(overdue.privacyRequests.nodes.every((n: { overdue: boolean }) => n.overdue)).toBe(true);

    // Let a fresh request pass its due date.
    const id = await verifiedRequest(staff, 'olof@bageriet.example.com', 'ACCESS');
    await sql(`update privacy_requests set due_at = now() - interval '1 day' where id = $1`, [id]);
    const after = await staff.ok(LIST, { f: { overdue: true } });
    expect(after.privacyRequests.nodes.map((n: { id: string }) => n.id)).toContain(id);

    const out = await runCli(mailed.demo, ['retention:run']);
    expect(out).toMatch(/privacy-overdue: removed [1-9]/);
    const [{ notified }] = await sql(
      `select overdue_notified_at is not null as notified from privacy_requests where id = $1`,
      [id],
    );
    expect(notified).toBe(true);
    const [{ privacy_contact_email: contact }] = await sql(
      `select privacy_contact_email from tenants where slug = 'jj-media'`,
    );
    await mailed.smtp.waitFor(1, to(contact));
    expect(await runCli(mailed.demo, ['retention:run'])).toMatch(/privacy-overdue: removed 0/); // idempotent
    await staff.ok(REJECT, { id, r: 'Duplicate of an earlier request' });
  });
});

describe('P28: each request type and its effect', () => {
  it('P28: ACCESS yields a ZIP with documented JSON and a README in the person’s language, downloadable once (S25)', async () => {
    const staff = await as(mailed.demo.url, 'jj-media', 'EMPLOYEE');
    const { privacyRequestCreate: r } = await staff.ok(CREATE, {
      i: { email: 'olof@bageriet.example.com', type: 'ACCESS', language: 'sv' },
    });
    await staff.ok(VERIFY, { id: r.id });
    const { privacyRequestStart: started } = await staff.ok(START, { id: r.id });
    expect(started).toMatchObject({ status: 'IN_PROGRESS', assignee: { email: 'erik@jj-media.example.com' } });
    const { privacyRequestComplete: done } = await staff.ok(COMPLETE, { id: r.id });
    expect(done.status).toBe('COMPLETED');
    expect(done.result.sections.contacts).toBe(1);
    const [mail] = await mailed.smtp.waitFor(
      1,
      (m) => to('olof@bageriet.example.com')(m) && /\/privacy\/export\//.test(m.text ?? ''),
    );
    const link = linkIn(mail.text, '/privacy/export/');
    // At rest the export is sealed (AES-256-GCM, bound to its tenant and request), never a plain ZIP.
    const stored = await sql<{ head: string }>(
      `select encode(substring(e.content from 1 for 4), 'escape') as head from privacy_exports e
        where e.request_id = $1 and octet_length(e.content) > 0`,
      [r.id],
    );
    expect(stored).toEqual([{ head: 'SCF1' }]);
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'data.json', 'data.schema.json']);
    const data = JSON.parse(strFromU8(files['data.json']));
    expect(data.subject.email).toBe('olof@bageriet.example.com');
    expect(data.sections.contacts[0]).toMatchObject({ name: 'Olof Ek', phone: '+46731112233' });
    expect(JSON.stringify(data)).not.toMatch(/password_hash|passwordHash|secret_ciphertext|tokenHash/);
    const schema = JSON.parse(strFromU8(files['data.schema.json']));
    expect(Object.keys(schema.properties.sections.properties)).toEqual(Object.keys(data.sections));
    expect(strFromU8(files['README.txt'])).toMatch(/Dina personuppgifter hos/);
    expect((await fetch(link)).status).toBe(410); // single use
    const [{ n }] = await sql(`select count(*)::int as n from privacy_exports where octet_length(content) > 0`);
    expect(n).toBe(0);
  });

  it('P28: PORTABILITY from the portal: the customer downloads the export with a fresh link; internal notes stay out', async () => {
    const customer = await as(mailed.demo.url, 'jj-media', 'CUSTOMER');
    const { privacyRequestFile: r } = await customer.ok(FILE, { i: { type: 'PORTABILITY' } });
    const staff = await as(mailed.demo.url, 'jj-media', 'EMPLOYEE');
    await staff.ok(COMPLETE, { id: r.id });
    const { myPrivacyRequests } = await customer.ok('{ myPrivacyRequests { id exportAvailable } }');
    expect(myPrivacyRequests.find((x: { id: string }) => x.id === r.id).exportAvailable).toBe(true);
    const { privacyExportLink } = await customer.ok('mutation($id: UUID!) { privacyExportLink(requestId: $id) }', {
      id: r.id,
    });
    const files = unzipSync(new Uint8Array(await (await fetch(privacyExportLink)).arrayBuffer()));
    const data = JSON.parse(strFromU8(files['data.json']));
    expect(data.sections.logins[0]).toMatchObject({ email: 'anna@bageriet.example.com', role: 'CUSTOMER' });
    const internal = await sql<{ body: string }>(`select body from ticket_messages where internal`);
    for (const { body } of internal) expect(JSON.stringify(data)).not.toContain(body);
    expect((await fetch(privacyExportLink)).status).toBe(410);
  });

  it('P8: linked social identities are in the person’s export, and gone after their erasure', async () => {
    const staff = await as(mailed.demo.url, 'jj-media', 'ADMIN');
    const [bageriet] = await sql(`select id from customers where name = 'Bageriet Ek AB'`);
    const email = 'sigrid.social@bageriet.example.com';
    const identities = [
      { provider: 'linkedin', externalId: 'in/sigrid-social-p8' },
      { provider: 'facebook', externalId: 'sigrid.social.p8' },
    ];
    await staff.ok('mutation($c: UUID!, $i: ContactInput!) { contactCreate(customerId: $c, input: $i) { id } }', {
      c: bageriet.id,
      i: { name: 'Sigrid Social', email, socialIdentities: identities },
    });
    const access = await verifiedRequest(staff, email, 'ACCESS');
    await staff.ok(COMPLETE, { id: access });
    const [mail] = await mailed.smtp.waitFor(1, (m) => to(email)(m) && /\/privacy\/export\//.test(m.text ?? ''));
    const files = unzipSync(new Uint8Array(await (await fetch(linkIn(mail.text, '/privacy/export/'))).arrayBuffer()));
    const data = JSON.parse(strFromU8(files['data.json']));
    expect(data.sections.contacts).toHaveLength(1);
    expect(data.sections.contacts[0].socialIdentities).toEqual(identities);

    const erasure = await verifiedRequest(staff, email, 'ERASURE');
    const { privacyRequestComplete: done } = await staff.ok(COMPLETE, { id: erasure });
    expect(done.status).toBe('COMPLETED');
    // No column of any table still holds the identities (the audit trail names no external id either).
    const columns = await sql<{ t: string; c: string }>(
      `select table_name as t, column_name as c from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'json', 'jsonb', 'character varying')`,
    );
    const found: string[] = [];
    for (const { t, c } of columns) {
      const [{ n }] = await sql(`select count(*)::int as n from "${t}" where "${c}"::text ilike any($1)`, [
        ['%in/sigrid-social-p8%', '%sigrid.social.p8%'],
      ]);
      if (n) found.push(`${t}.${c}`);
    }
    expect(found).toEqual([]);
  });

  it('P28: RECTIFICATION applies the reviewed details, validated like a contact update', async () => {
    const staff = await as(mailed.demo.url, 'jj-media', 'ADMIN');
    const id = await verifiedRequest(staff, 'olof@bageriet.example.com', 'RECTIFICATION', 'Nytt telefonnummer');
    const [olof] = await sql(`select id from contacts where email = 'olof@bageriet.example.com'`);
    const changes = { name: 'Olof Ek', email: 'olof@bageriet.example.com', phone: 'not a phone', country: 'SE' };
    const bad = await staff.gql(COMPLETE, { id, i: { rectification: { contactId: olof.id, changes } } });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toMatch(/phone/);
    const missing = await staff.gql(COMPLETE, { id, i: {} });
    expect(missing.errors?.[0].extensions?.field).toBe('rectification');
    const { privacyRequestComplete: done } = await staff.ok(COMPLETE, {
      id,
      i: { rectification: { contactId: olof.id, changes: { ...changes, phone: '+46 73 999 88 77' } } },
    });
    expect(done.result.rectified.fields).toContain('phone');
    const [row] = await sql(`select phone from contacts where id = $1`, [olof.id]);
    expect(row.phone).toBe('+46739998877');
  });

  it('P28: RESTRICTION and OBJECTION set (and lift) the contact’s flags', async () => {
    const staff = await as(mailed.demo.url, 'jj-media', 'EMPLOYEE');
    const flags = async () =>
      (
        await sql(
          `select processing_restricted_at is not null as r, marketing_objected_at is not null as o from contacts where email = 'olof@bageriet.example.com'`,
        )
      )[0];
    await staff.ok(COMPLETE, { id: await verifiedRequest(staff, 'olof@bageriet.example.com', 'RESTRICTION') });
    expect(await flags()).toEqual({ r: true, o: false });
    await staff.ok(COMPLETE, { id: await verifiedRequest(staff, 'olof@bageriet.example.com', 'OBJECTION') });
    expect(await flags()).toEqual({ r: true, o: true });
    await staff.ok(COMPLETE, {
      id: await verifiedRequest(staff, 'olof@bageriet.example.com', 'RESTRICTION'),
      i: { lift: true },
    });
    expect(await flags()).toEqual({ r: false, o: true });
  });

  it('P28: WITHDRAW_CONSENT records the objection and suppresses the address and phone', async () => {
    const admin = await as(mailed.demo.url, 'nordvik-webbyra', 'ADMIN');
    const before = await sql(`select count(*)::int as n from suppression_entries`);
    const { privacyRequestComplete: done } = await admin.ok(COMPLETE, {
      id: await verifiedRequest(admin, 'emily@harbourdesign.example.com', 'WITHDRAW_CONSENT'),
    });
    expect(done.result.suppressed).toEqual({ email: true, phones: 1 });
    const after = await sql(`select count(*)::int as n from suppression_entries`);
    expect(after[0].n - before[0].n).toBe(2);
    const [row] = await sql(
      `select marketing_objected_at from contacts where email = 'emily@harbourdesign.example.com'`,
    );
    expect(row.marketing_objected_at).not.toBeNull();
  });

  it('P28: a rejection needs a reason, is mailed with the supervisory authority, and ends the workflow', async () => {
    const staff = await as(mailed.demo.url, 'jj-media', 'EMPLOYEE');
    const id = await verifiedRequest(staff, 'olof@bageriet.example.com', 'ERASURE');
    const bad = await staff.gql(REJECT, { id, r: ' ' });
    expect(bad.errors?.[0].extensions?.field).toBe('reason');
    await staff.ok(REJECT, { id, r: 'Ongoing contract requires the data' });
    const [mail] = await mailed.smtp.waitFor(
      1,
      (m) => to('olof@bageriet.example.com')(m) && /Ongoing contract/.test(m.text ?? ''),
    );
    expect(mail.text).toMatch(/Integritetsskyddsmyndigheten|IMY/);
    const again = await staff.gql(COMPLETE, { id });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    const audits = await sql(`select action from audit_events where entity_id = $1 order by created_at`, [id]);
    expect(audits.map((a) => a.action)).toEqual([
      'privacy_request.create',
      'privacy_request.verify',
      'privacy_request.reject',
    ]);
  });
});

describe('S23: who may see and handle requests', () => {
  it("S23: another agency sees none of JJ Media's requests, and an id from it is NOT_FOUND", async () => {
    const [{ id }] = await sql(
      `select r.id from privacy_requests r join tenants t on t.id = r.tenant_id where t.slug = 'jj-media' limit 1`,
    );
    const nordvik = await as(mailed.demo.url, 'nordvik-webbyra', 'ADMIN');
    const { privacyRequests } = await nordvik.ok(LIST, {});
    expect(privacyRequests.totalCount).toBeGreaterThan(0);
    const [{ n }] = await sql(
      `select count(*)::int as n from privacy_requests r join tenants t on t.id = r.tenant_id where t.slug = 'nordvik-webbyra'`,
    );
    expect(privacyRequests.totalCount).toBe(n);
    expect(errorCode(await nordvik.gql('query($id: UUID!) { privacyRequest(id: $id) { id } }', { id }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await nordvik.gql(COMPLETE, { id }))).toBe('NOT_FOUND');
  });

  it('S23: contractors and customers are FORBIDDEN from the staff workflow', async () => {
    const [{ id }] = await sql(`select id from privacy_requests limit 1`);
    const contractor = await as(mailed.demo.url, 'jj-media', 'CONTRACTOR');
    expect(errorCode(await contractor.gql(LIST, {}))).toBe('FORBIDDEN');
    expect(errorCode(await contractor.gql(COMPLETE, { id }))).toBe('FORBIDDEN');
    expect(errorCode(await contractor.gql(FILE, { i: { type: 'ACCESS' } }))).toBe('FORBIDDEN');
    const customer = await as(mailed.demo.url, 'jj-media', 'CUSTOMER');
    expect(errorCode(await customer.gql(LIST, {}))).toBe('FORBIDDEN');
    expect(errorCode(await customer.gql(VERIFY, { id }))).toBe('FORBIDDEN');
  });
});
