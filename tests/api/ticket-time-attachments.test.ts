// Issue 18, time and attachments over HTTP against the built server: time entries and their row rule
// (API and PostgreSQL), the monthly hours against the care package, and attachments (S38): type
// sniffed from the content, size and count limits, executables refused, downloads authorised like the
// ticket, export and erasure. The server stores the files in an S3-compatible bucket (s3rver, the
// real @aws-sdk/client-s3), as in production.
import { strFromU8, unzipSync } from 'fflate';
import { Client } from 'pg';
import { queryAs } from '../../server/src/testing/database';
import { startLocalS3, type LocalS3 } from '../../server/src/testing/s3';
import { ApiClient, as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { ELF, EXE, PDF, PNG } from '../support/files';

let demo: DemoApp;
let s3: LocalS3;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);
const idOf = async (table: string, where: string, params: unknown[] = []) =>
  (await sql(`select id from ${table} where ${where}`, params))[0].id as string;

beforeAll(async () => {
  s3 = await startLocalS3();
  demo = await startDemoApp(s3.env);
});
afterAll(async () => {
  await demo?.stop();
  await s3?.stop();
});

const REPLY = 'mutation($t: UUID!, $i: TicketMessageInput!) { ticketMessageCreate(ticketId: $t, input: $i) { id } }';
const LOG_TIME =
  'mutation($t: UUID!, $i: TicketTimeEntryInput!) { ticketTimeEntryCreate(ticketId: $t, input: $i) { id minutes note user { email } } }';
const HOURS = 'query($id: UUID!) { customer(id: $id) { supportHours(months: 3) { month minutesUsed hoursIncluded } } }';

async function upload(client: ApiClient, messageId: string, name: string, bytes: Buffer) {
  const res = await fetch(`${demo.url}/attachments/message/${messageId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
      ...(client.cookie ? { cookie: client.cookie } : {}),
    },
    body: bytes,
  });
  const body = (await res.json()) as Record<string, any>;
  return { status: res.status, body, error: body.errors?.[0]?.extensions as { code?: string; field?: string } };
}

const download = (client: ApiClient, id: string) =>
  fetch(`${demo.url}/attachments/${id}`, { headers: client.cookie ? { cookie: client.cookie } : {} });

const thisMonth = () => new Date().toISOString().slice(0, 7);

const objectExists = async (key: string) => (await s3.store.get(key)) !== null;

/** `text` as the application role with a request's tenant and viewer settings (as row-rules.test.ts). */
async function asViewer<T = Record<string, any>>(
  viewer: { tenant: string; user: string },
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: demo.db.appUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query("select set_config('app.tenant_id', $1, true)", [viewer.tenant]);
    await client.query('select sitecare_set_viewer($1::uuid, null)', [viewer.user]);
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}
const person = async (email: string) =>
  (
    await sql<{ user: string; tenant: string }>(
      'select id as "user", tenant_id as tenant from users where email = $1',
      [email],
    )
  )[0];

/** A customer login for Maja Strand (Fjällbacka Bryggeri), made like Anna's: another customer of jj-media. */
async function majaLogin(): Promise<ApiClient> {
  const [existing] = await sql(`select id from users where email = 'maja@fjallbryggeri.example.com'`);
  if (!existing)
    await sql(`create temp table u as select * from users where email = 'anna@bageriet.example.com';
      update u set id = gen_random_uuid(), email = 'maja@fjallbryggeri.example.com', name = 'Maja Strand',
        contact_id = (select id from contacts where email = 'maja@fjallbryggeri.example.com');
      insert into users select * from u;`);
  const client = new ApiClient(demo.url);
  const res = await client.login('maja@fjallbryggeri.example.com');
  expect(res.errors).toBeUndefined();
  return client;
}

/** A ticket of Bageriet's site (assigned to the contractor), opened by Anna in the portal. */
async function annasTicket(subject: string): Promise<string> {
  const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
  const siteId = await idOf('sites', "domain = 'bageriet-ek.example.com'");
  const { supportTicketCreate } = await anna.ok(
    'mutation($i: SupportTicketInput!) { supportTicketCreate(input: $i) { id } }',
    { i: { subject, body: 'Hej, något är fel.', siteId } },
  );
  return supportTicketCreate.id;
}

/** A ticket of Fjällbacka Bryggeri (whose site's assignment to the contractor has ended), by staff. */
async function majasTicket(subject: string): Promise<string> {
  const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
  const customerId = await idOf('customers', "name = 'Fjällbacka Bryggeri'");
  const contactId = await idOf('contacts', "email = 'maja@fjallbryggeri.example.com'");
  const siteId = await idOf('sites', "domain = 'fjallbryggeri.example.com'");
  const { supportTicketCreate } = await staff.ok(
    'mutation($i: SupportTicketInput!) { supportTicketCreate(input: $i) { id } }',
    { i: { subject, body: 'The beer page is down.', customerId, contactId, siteId } },
  );
  return supportTicketCreate.id;
}

describe('M12: time on tickets', () => {
  it('M12: staff and the assigned contractor log time; a contractor off the site and a customer cannot', async () => {
    const ticket = await annasTicket('Tid: kassan');
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { ticketTimeEntryCreate: e1 } = await staff.ok(LOG_TIME, { t: ticket, i: { minutes: 45, note: 'Felsökte' } });
    expect(e1).toMatchObject({ minutes: 45, note: 'Felsökte', user: { email: 'erik@jj-media.example.com' } });
    const { ticketTimeEntryCreate: e2 } = await contractor.ok(LOG_TIME, { t: ticket, i: { minutes: 30 } });
    expect(e2.user.email).toBe('kontraktor@freelance.example.com');
    // Both see both, newest first.
    const list = 'query($id: UUID!) { supportTicket(id: $id) { timeEntries { minutes } } }';
    expect((await contractor.ok(list, { id: ticket })).supportTicket.timeEntries).toHaveLength(2);
    expect((await staff.ok(list, { id: ticket })).supportTicket.timeEntries.map((e: any) => e.minutes).sort()).toEqual([
      30, 45,
    ]);
    // The customer reads neither the entries nor can log time.
    expect(errorCode(await customer.gql(LOG_TIME, { t: ticket, i: { minutes: 5 } }))).toBe('FORBIDDEN');
    expect(errorCode(await customer.gql(list, { id: ticket }))).toBe('FORBIDDEN');
    // A ticket on a site whose assignment ended: NOT_FOUND for the contractor, like a missing one.
    const other = await majasTicket('Time: ended assignment');
    expect(errorCode(await contractor.gql(LOG_TIME, { t: other, i: { minutes: 5 } }))).toBe('NOT_FOUND');
    // Another agency: NOT_FOUND.
    const nordvik = await as(demo.url, 'nordvik-webbyra', 'EMPLOYEE');
    expect(errorCode(await nordvik.gql(LOG_TIME, { t: ticket, i: { minutes: 5 } }))).toBe('NOT_FOUND');
    // Inputs name their field.
    const bad = await staff.gql(LOG_TIME, { t: ticket, i: { minutes: 0 } });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('minutes');
    const future = await staff.gql(LOG_TIME, { t: ticket, i: { minutes: 5, spentAt: '2999-01-01T00:00:00Z' } });
    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    expect(future.errors?.[0]?.extensions?.field).toBe('spentAt');
    // A contractor removes only their own entries.
    const del = 'mutation($id: UUID!) { ticketTimeEntryDelete(id: $id) }';
    expect(errorCode(await contractor.gql(del, { id: e1.id }))).toBe('NOT_FOUND');
    expect(await contractor.ok(del, { id: e2.id })).toEqual({ ticketTimeEntryDelete: true });
  });

  it('M12/S39: the row rule holds in PostgreSQL: as the application role with another viewer, no entries', async () => {
    const ticket = await annasTicket('Tid: RLS');
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    await staff.ok(LOG_TIME, { t: ticket, i: { minutes: 20, note: 'internal detail' } });
    const other = await majasTicket('Time: RLS other');
    await staff.ok(LOG_TIME, { t: other, i: { minutes: 15 } });
    const erik = await person('erik@jj-media.example.com');
    const anna = await person('anna@bageriet.example.com');
    const contractor = await person('kontraktor@freelance.example.com');
    const lars = await person('lars@fjallstuga.example.com');
    const all = await sql<{ n: number }>(`select count(*)::int as n from ticket_time_entries where tenant_id = $1`, [
      erik.tenant,
    ]);
    const count = async (viewer: { tenant: string; user: string }, where = 'true', params: unknown[] = []) =>
      (
        await asViewer<{ n: number }>(
          viewer,
          `select count(*)::int as n from ticket_time_entries where ${where}`,
          params,
        )
      )[0].n;
    expect(await count(erik)).toBe(all[0].n);
    // The customer: not even its own tickets' entries (totals only, below).
    expect(await count(anna)).toBe(0);
    // The contractor: the entries of the assigned site's tickets, none of the ended one's.
    expect(await count(contractor, 'ticket_id = $1', [ticket])).toBe(1);
    expect(await count(contractor, 'ticket_id = $1', [other])).toBe(0);
    // Another agency's login with this agency's tenant set: nothing.
    expect(await count({ tenant: erik.tenant, user: lars.user })).toBe(0);
    // Writes too: a customer cannot insert an entry on its own ticket.
    await expect(
      asViewer(
        anna,
        `insert into ticket_time_entries (id, tenant_id, ticket_id, minutes, spent_at, note) values (gen_random_uuid(), $1, $2, 600, now(), '')`,
        [anna.tenant, ticket],
      ),
    ).rejects.toThrow(/row-level security/);
    // The totals function: a customer sums its own customer, and gets nothing for another.
    const bageriet = await idOf('customers', "name = 'Bageriet Ek AB'");
    const fjall = await idOf('customers', "name = 'Fjällbacka Bryggeri'");
    const from = new Date(Date.UTC(2000, 0, 1)).toISOString();
    const own = await asViewer(anna, 'select month, minutes::int from sitecare_support_minutes($1, $2)', [
      bageriet,
      from,
    ]);
    expect(own.length).toBeGreaterThan(0);
    expect(await asViewer(anna, 'select * from sitecare_support_minutes($1, $2)', [fjall, from])).toEqual([]);
    // ...also when it calls the owner's summing function directly, or as another agency's login.
    expect(await asViewer(anna, 'select * from sitecare_support_minutes_of($1, $2)', [fjall, from])).toEqual([]);
    expect(
      await asViewer({ tenant: anna.tenant, user: lars.user }, 'select * from sitecare_support_minutes_of($1, $2)', [
        bageriet,
        from,
      ]),
    ).toEqual([]);
    expect((await asViewer(erik, 'select * from sitecare_support_minutes_of($1, $2)', [bageriet, from])).length).toBe(
      own.length,
    );
  });

  it("M12: the customer's page and the portal show the hours used this month against the care package", async () => {
    const bageriet = await idOf('customers', "name = 'Bageriet Ek AB'");
    const [{ hours }] = await sql(
      `select sum(p.support_hours_per_month)::int as hours from sites s join service_packages p on p.id = s.service_package_id
        where s.customer_id = $1`,
      [bageriet],
    );
    const [{ used }] = await sql(
      `select coalesce(sum(e.minutes), 0)::int as used from ticket_time_entries e join support_tickets t on t.id = e.ticket_id
        where t.customer_id = $1 and to_char(e.spent_at at time zone 'UTC', 'YYYY-MM') = $2`,
      [bageriet, thisMonth()],
    );
    expect(used).toBeGreaterThan(0); // the tests above logged time this month
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const ticket = await annasTicket('Tid: summa');
    await staff.ok(LOG_TIME, { t: ticket, i: { minutes: 90 } });
    // Last month counts in its own month.
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 15));
    await staff.ok(LOG_TIME, { t: ticket, i: { minutes: 60, spentAt: lastMonth.toISOString() } });
    for (const client of [staff, customer]) {
      const months = (await client.ok(HOURS, { id: bageriet })).customer.supportHours;
      expect(months).toHaveLength(3);
      expect(months[2]).toEqual({ month: thisMonth(), minutesUsed: used + 90, hoursIncluded: hours });
      expect(months[1].month).toBe(lastMonth.toISOString().slice(0, 7));
      expect(months[1].minutesUsed).toBeGreaterThanOrEqual(60);
    }
    // Another customer's hours: NOT_FOUND for the customer login.
    const fjall = await idOf('customers', "name = 'Fjällbacka Bryggeri'");
    expect(errorCode(await customer.gql(HOURS, { id: fjall }))).toBe('NOT_FOUND');
  });
});

describe('M12/S38: attachments', () => {
  it('S38: M12: the type is sniffed from the content; an employee attaches to a reply and the customer downloads it in the portal', async () => {
    const ticket = await annasTicket('Bilaga: skärmdump');
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { ticketMessageCreate: reply } = await staff.ok(REPLY, { t: ticket, i: { body: 'Se bifogad bild.' } });
    const up = await upload(staff, reply.id, 'faktura.pdf', PNG); // a PNG named .pdf is a PNG
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ filename: 'faktura.pdf', contentType: 'image/png', sizeBytes: PNG.length });
    const pdf = await upload(staff, reply.id, 'bild.png', PDF);
    expect(pdf.body.contentType).toBe('application/pdf');
    const text = await upload(staff, reply.id, 'logg.txt', Buffer.from('Fel 500 kl 10:02\n'));
    expect(text.body.contentType).toBe('text/plain');
    // The portal lists them on the public reply and downloads them.
    const { supportTicket } = await customer.ok(
      'query($id: UUID!) { supportTicket(id: $id) { messages { id attachments { id filename contentType sizeBytes } } } }',
      { id: ticket },
    );
    const listed = supportTicket.messages.find((m: any) => m.id === reply.id).attachments;
    expect(listed.map((a: any) => a.contentType)).toEqual(['image/png', 'application/pdf', 'text/plain']);
    const res = await download(customer, up.body.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="faktura.pdf"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    // Stored in the bucket under the agency and a key of the server's, never under the file's name.
    const [{ storage_key: key, tenant_id: tenant }] = await sql(
      'select storage_key, tenant_id from ticket_attachments where id = $1',
      [up.body.id],
    );
    expect(key).toMatch(new RegExp(`^${tenant}/[0-9a-f-]{36}$`));
    expect(await s3.store.get(key)).toEqual(PNG);
    // Without a session: 401.
    expect((await download(new ApiClient(demo.url), up.body.id)).status).toBe(401);
  });

  it('S38: M12: executables and scripts are refused whatever they are called', async () => {
    const ticket = await annasTicket('Bilaga: program');
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { ticketMessageCreate: reply } = await staff.ok(REPLY, { t: ticket, i: { body: 'Program?' } });
    for (const [name, bytes] of [
      ['skärmdump.png', EXE],
      ['rapport.pdf', ELF],
      ['notes.txt', Buffer.from('#!/bin/sh\nrm -rf /\n')],
      ['logo.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ['page.txt', Buffer.from('<!DOCTYPE html><script>alert(1)</script>')],
    ] as const) {
      const res = await upload(staff, reply.id, name, bytes);
      expect({ name, status: res.status, error: res.error }).toEqual({
        name,
        status: 400,
        error: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'file' }),
      });
    }
    const [{ n }] = await sql(`select count(*)::int as n from ticket_attachments where message_id = $1`, [reply.id]);
    expect(n).toBe(0);
  });

  it('S38: M12: the size limit (10 MB) and the count limit (5 per message)', async () => {
    const ticket = await annasTicket('Bilaga: gränser');
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { ticketMessageCreate: reply } = await staff.ok(REPLY, { t: ticket, i: { body: 'Gränser' } });
    const big = await upload(staff, reply.id, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect(big.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    for (let i = 0; i < 5; i++) expect((await upload(staff, reply.id, `${i}.png`, PNG)).status).toBe(201);
    const sixth = await upload(staff, reply.id, '6.png', PNG);
    expect(sixth.status).toBe(400);
    expect(sixth.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
  });

  it("S38: M12: another agency's, another customer's and an internal note's attachment is NOT_FOUND; the contractor only on assigned sites", async () => {
    const ticket = await annasTicket('Bilaga: behörighet');
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    const nordvik = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const maja = await majaLogin();
    const { ticketMessageCreate: pub } = await staff.ok(REPLY, { t: ticket, i: { body: 'Publik' } });
    const { ticketMessageCreate: note } = await staff.ok(REPLY, { t: ticket, i: { body: 'Intern', internal: true } });
    const shared = (await upload(staff, pub.id, 'publik.png', PNG)).body.id as string;
    const internal = (await upload(staff, note.id, 'intern.pdf', PDF)).body.id as string;
    expect((await download(anna, shared)).status).toBe(200);
    expect((await download(contractor, shared)).status).toBe(200); // the site is assigned to them
    expect((await download(contractor, internal)).status).toBe(200);
    expect((await download(anna, internal)).status).toBe(404); // an internal note's file
    expect((await download(maja, shared)).status).toBe(404); // another customer
    expect((await download(nordvik, shared)).status).toBe(404); // another agency
    expect((await download(anna, '00000000-0000-4000-8000-000000000000')).status).toBe(404); // as one that does not exist
    // Uploading: the customer to its own reply only; nobody to a message outside their rows.
    expect((await upload(anna, note.id, 'x.png', PNG)).status).toBe(404);
    expect((await upload(anna, pub.id, 'x.png', PNG)).status).toBe(403); // staff's message
    const { ticketMessageCreate: own } = await anna.ok(REPLY, { t: ticket, i: { body: 'Här är en bild' } });
    expect((await upload(anna, own.id, 'min.png', PNG)).status).toBe(201);
    expect((await upload(nordvik, pub.id, 'x.png', PNG)).status).toBe(404);
    expect((await upload(maja, own.id, 'x.png', PNG)).status).toBe(404);
    // A ticket of a site whose assignment to the contractor ended.
    const other = await majasTicket('Attachment: ended assignment');
    const { ticketMessageCreate: otherReply } = await staff.ok(REPLY, { t: other, i: { body: 'File' } });
    const hidden = (await upload(staff, otherReply.id, 'other.png', PNG)).body.id as string;
    expect((await download(contractor, hidden)).status).toBe(404);
    expect((await download(maja, hidden)).status).toBe(200);
    expect((await download(anna, hidden)).status).toBe(404);
    // Row rule in PostgreSQL: as the application role, Anna's settings see no internal note's file.
    const annaUser = await person('anna@bageriet.example.com');
    expect(
      await asViewer(annaUser, 'select id from ticket_attachments where id = any($1::uuid[])', [[internal, hidden]]),
    ).toEqual([]);
  });

  it("M12: the person's export contains their attachments (files in the ZIP); internal notes' stay out", async () => {
    const ticket = await annasTicket('Bilaga: export');
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { ticketMessageCreate: own } = await anna.ok(REPLY, { t: ticket, i: { body: 'Kvitto bifogat' } });
    const mine = (await upload(anna, own.id, 'kvitto.pdf', PDF)).body.id as string;
    const { ticketMessageCreate: note } = await staff.ok(REPLY, { t: ticket, i: { body: 'Intern', internal: true } });
    const internal = (await upload(staff, note.id, 'intern.png', PNG)).body.id as string;
    const { privacyRequestFile: r } = await anna.ok(
      'mutation($i: PrivacyRequestPortalInput!) { privacyRequestFile(input: $i) { id } }',
      { i: { type: 'PORTABILITY' } },
    );
    await staff.ok('mutation($id: UUID!) { privacyRequestComplete(id: $id) { status } }', { id: r.id });
    const { privacyExportLink } = await anna.ok('mutation($id: UUID!) { privacyExportLink(requestId: $id) }', {
      id: r.id,
    });
    const files = unzipSync(new Uint8Array(await (await fetch(privacyExportLink)).arrayBuffer()));
    const data = JSON.parse(strFromU8(files['data.json']));
    const section = data.sections.ticketAttachments as { id: string; path: string; filename: string }[];
    const entry = section.find((a) => a.id === mine)!;
    expect(entry).toMatchObject({ filename: 'kvitto.pdf', path: `attachments/${mine}/kvitto.pdf` });
    expect(Buffer.from(files[entry.path])).toEqual(PDF);
    expect(section.some((a) => a.id === internal)).toBe(false);
    expect(Object.keys(files).some((f) => f.includes(internal))).toBe(false);
    expect(JSON.stringify(data)).not.toMatch(/storage_?key/i);
  });

  it('M12: erasure deletes the attachments from storage', async () => {
    const ticket = await majasTicket('Attachment: erasure');
    const staff = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { ticketMessageCreate: reply } = await staff.ok(REPLY, { t: ticket, i: { body: 'Your file' } });
    const { ticketMessageCreate: note } = await staff.ok(REPLY, { t: ticket, i: { body: 'Note', internal: true } });
    await upload(staff, reply.id, 'maja.pdf', PDF);
    await upload(staff, note.id, 'maja-intern.png', PNG);
    const keys = (
      await sql<{ storage_key: string }>(
        `select a.storage_key from ticket_attachments a join ticket_messages m on m.id = a.message_id
          join support_tickets t on t.id = m.ticket_id join contacts c on c.id = t.contact_id
         where c.email = 'maja@fjallbryggeri.example.com'`,
      )
    ).map((r) => r.storage_key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) expect(await objectExists(key)).toBe(true);
    const { privacyRequestCreate: r } = await staff.ok(
      'mutation($i: PrivacyRequestStaffInput!) { privacyRequestCreate(input: $i) { id } }',
      { i: { email: 'maja@fjallbryggeri.example.com', type: 'ERASURE' } },
    );
    await staff.ok('mutation($id: UUID!) { privacyRequestVerify(id: $id) { id } }', { id: r.id });
    const { privacyRequestComplete } = await staff.ok(
      'mutation($id: UUID!) { privacyRequestComplete(id: $id) { status result } }',
      { id: r.id },
    );
    expect(privacyRequestComplete.status).toBe('COMPLETED');
    expect(privacyRequestComplete.result.erasure.ticketAttachments.deleted).toBeGreaterThanOrEqual(2);
    for (const key of keys) expect(await objectExists(key)).toBe(false);
    const [{ n }] = await sql(`select count(*)::int as n from ticket_attachments where storage_key = any($1)`, [keys]);
    expect(n).toBe(0);
  });
});
