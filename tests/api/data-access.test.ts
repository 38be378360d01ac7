// Issue 20, who looked at my data: a customer sees on their site who revealed its credentials (name
// and role, when; no IP) and the refused reveals, never another site's: over the API and as the
// application role in SQL. Staff opening or exporting a contact's record is audited, and the
// person's privacy export has "who accessed my data"; a staff user's own export what they opened.
import { strFromU8, unzipSync } from 'fflate';
import { Client } from 'pg';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

const REVEAL = 'mutation($id: UUID!) { siteCredentialReveal(id: $id) { secret } }';
const ACCESS = `query($id: UUID!) { site(id: $id) { id credentialAccess { at credentialLabel actorName actorRole outcome reason } } }`;

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

/** `text` as the application role, with the tenant and the viewer set as a request sets them. */
async function asAppRole<T = Record<string, unknown>>(email: string, text: string, params: unknown[]): Promise<T[]> {
  const [who] = await sql<{ id: string; tenant_id: string }>('select id, tenant_id from users where email = $1', [
    email,
  ]);
  const client = new Client({ connectionString: demo.db.appUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query("select set_config('app.tenant_id', $1, true)", [who.tenant_id]);
    await client.query('select sitecare_set_viewer($1::uuid, null)', [who.id]);
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

let bagerietSite: string;
let wpAdmin: string;
let otherSite: string;
let otherCredential: string;

beforeAll(async () => {
  demo = await startDemoApp();
  const creds = await sql<{ id: string; label: string; site_id: string; domain: string }>(
    `select k.id, k.label, k.site_id, s.domain from site_credentials k join sites s on s.id = k.site_id
      where s.domain in ('bageriet-ek.example.com', 'fjallbryggeri.example.com')`,
  );
  const wp = creds.find((c) => c.label === 'WordPress admin')!;
  [wpAdmin, bagerietSite] = [wp.id, wp.site_id];
  const other = creds.find((c) => c.domain === 'fjallbryggeri.example.com')!;
  [otherCredential, otherSite] = [other.id, other.site_id];
});
afterAll(() => demo?.stop());

describe('M14: who looked at my data', () => {
  it('M14: S34: a customer sees who revealed their site’s credentials and the refused reveal (name, role, when; no IP), never another site’s', async () => {
    const erik = await as(demo.url, 'jj-media', 'EMPLOYEE');
    // The password login is a fresh step for a user without a second factor: the reveals work.
    expect((await erik.ok<any>(REVEAL, { id: wpAdmin })).siteCredentialReveal.secret).toBeTruthy();
    expect((await erik.ok<any>(REVEAL, { id: otherCredential })).siteCredentialReveal.secret).toBeTruthy();
    // Five minutes later: refused (STEP_UP_REQUIRED, audited DENIED).
    await sql(
      `update sessions s set step_up_at = now() - interval '6 minutes' from users u
        where u.id = s.user_id and u.email = 'erik@jj-media.example.com' and s.step_up_at is not null`,
    );
    expect(errorCode(await erik.gql(REVEAL, { id: wpAdmin }))).toBe('STEP_UP_REQUIRED');

    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { site } = await anna.ok<any>(ACCESS, { id: bagerietSite });
    expect(site.credentialAccess).toHaveLength(2);
    const [refused, revealed] = site.credentialAccess; // newest first
    expect(revealed).toMatchObject({
      credentialLabel: 'WordPress admin',
      actorName: 'Erik Lindqvist',
      actorRole: 'EMPLOYEE',
      outcome: 'ALLOWED',
      reason: null,
    });
    expect(refused).toMatchObject({
      credentialLabel: 'WordPress admin',
      actorName: 'Erik Lindqvist',
      outcome: 'DENIED',
      reason: 'STEP_UP_REQUIRED',
    });
    expect(JSON.stringify(site)).not.toMatch(/127\.0\.0\.1|::1|ip/i);

    // Another customer's site: not found, as any site she cannot see.
    expect(errorCode(await anna.gql(ACCESS, { id: otherSite }))).toBe('NOT_FOUND');
    // Staff see both sites' reveals; a contractor may not ask (and the function gives them nothing).
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    expect((await admin.ok<any>(ACCESS, { id: otherSite })).site.credentialAccess).toHaveLength(1);
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    expect(errorCode(await contractor.gql(ACCESS, { id: bagerietSite }))).toBe('FORBIDDEN');
  });

  it('M14: S39: as the application role in SQL, a customer reads their own site’s reveals only, even calling the owner’s function directly', async () => {
    const anna = 'anna@bageriet.example.com';
    const own = await asAppRole(anna, 'select * from sitecare_credential_access($1)', [bagerietSite]);
    expect(own.length).toBe(2);
    expect(Object.keys(own[0]).sort()).toEqual(
      ['actor_name', 'actor_role', 'credential_label', 'occurred_at', 'outcome', 'reason'].sort(),
    );
    expect(await asAppRole(anna, 'select * from sitecare_credential_access($1)', [otherSite])).toEqual([]);
    expect(await asAppRole(anna, 'select * from sitecare_credential_access_of($1)', [otherSite])).toEqual([]);
    // The reveal's other site has one, which staff read the same way.
    expect(
      (await asAppRole('admin@jj-media.example.com', 'select * from sitecare_credential_access_of($1)', [otherSite]))
        .length,
    ).toBe(1);
    // Nobody logged in: nothing.
    const [{ tenant_id }] = await sql<{ tenant_id: string }>('select tenant_id from sites where id = $1', [otherSite]);
    const client = new Client({ connectionString: demo.db.appUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query("select set_config('app.tenant_id', $1, true)", [tenant_id]);
      expect((await client.query('select * from sitecare_credential_access_of($1)', [otherSite])).rows).toEqual([]);
    } finally {
      await client.query('rollback');
      await client.end();
    }
  });

  it('M14: staff opening a contact’s record is audited; the person’s export says who accessed their data, the staff user’s own what they opened', async () => {
    const [annaContact] = await sql<{ id: string }>(
      `select id from contacts where email = 'anna@bageriet.example.com'`,
    );
    const sara = new ApiClient(demo.url);
    expect((await sara.login('sara@jj-media.example.com')).errors).toBeUndefined();
    await sara.ok('query($id: UUID!) { contact(id: $id) { id name } }', { id: annaContact.id });
    const [viewed] = await sql<{ n: number }>(
      `select count(*)::int as n from audit_events e join users u on u.id = e.actor_user_id
        where e.action = 'contact.view' and e.entity_id = $1 and u.email = 'sara@jj-media.example.com'`,
      [annaContact.id],
    );
    expect(viewed.n).toBe(1);
    // Anna looking at her own record is not an access by someone else.
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    await anna.ok('query($id: UUID!) { contact(id: $id) { id } }', { id: annaContact.id });
    const [own] = await sql<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'contact.view' and entity_id = $1`,
      [annaContact.id],
    );
    expect(own.n).toBe(1);

    // Anna's portability export: completed by staff (itself an export of her record, audited).
    const { privacyRequestFile: r } = await anna.ok<any>(
      'mutation { privacyRequestFile(input: { type: PORTABILITY }) { id } }',
    );
    const erik = await as(demo.url, 'jj-media', 'EMPLOYEE');
    await erik.ok('mutation($id: UUID!) { privacyRequestComplete(id: $id) { id } }', { id: r.id });
    const { privacyExportLink } = await anna.ok<any>('mutation($id: UUID!) { privacyExportLink(requestId: $id) }', {
      id: r.id,
    });
    const data = JSON.parse(
      strFromU8(unzipSync(new Uint8Array(await (await fetch(privacyExportLink)).arrayBuffer()))['data.json']),
    );
    const who = data.sections.dataAccess.whoAccessedYourData as Array<Record<string, unknown>>;
    expect(who).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'contact.view',
          byName: 'Sara Nilsson',
          byRole: 'EMPLOYEE',
          outcome: 'ALLOWED',
        }),
      ]),
    );
    expect(who.every((row) => typeof row.at === 'string' && !('ip' in row))).toBe(true);
    const [exported] = await sql<{ n: number }>(
      `select count(*)::int as n from audit_events e join users u on u.id = e.actor_user_id
        where e.action = 'contact.export' and e.entity_id = $1 and u.email = 'erik@jj-media.example.com'`,
      [annaContact.id],
    );
    expect(exported.n).toBe(1);

    // Sara's own export (as a staff login) lists what she opened.
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const { privacyRequestCreate: req } = await admin.ok<any>(
      'mutation($i: PrivacyRequestStaffInput!) { privacyRequestCreate(input: $i) { id } }',
      { i: { email: 'sara@jj-media.example.com', type: 'ACCESS' } },
    );
    await admin.ok('mutation($id: UUID!) { privacyRequestVerify(id: $id) { id } }', { id: req.id });
    const { privacyRequestComplete: done } = await admin.ok<any>(
      'mutation($id: UUID!) { privacyRequestComplete(id: $id) { result } }',
      { id: req.id },
    );
    expect(done.result.sections.dataAccess).toBe(1);
    const [mail] = await sql<{ payload: { link: string } }>(
      `select payload from outbox_messages where template = 'privacy.export_ready' and recipient = 'sara@jj-media.example.com'`,
    );
    const saras = JSON.parse(
      strFromU8(unzipSync(new Uint8Array(await (await fetch(mail.payload.link)).arrayBuffer()))['data.json']),
    );
    expect(saras.sections.dataAccess.whatYouAccessed).toEqual([
      expect.objectContaining({ action: 'contact.view', entityType: 'Contact', entityId: annaContact.id }),
    ]);
  });
});
