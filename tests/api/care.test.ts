// The care domain over HTTP: customers, contacts, sites, assignments, backups and credentials, with
// the access rules of P18 for every role.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { REPO_ROOT } from '../support/sitecare-process';

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);
const idOf = async (table: string, where: string, params: unknown[]) =>
  (await sql(`select id from ${table} where ${where}`, params))[0].id as string;

beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(() => demo?.stop());

const SITES = '{ sites(page: { take: 100 }) { totalCount nodes { id domain } } }';
const domains = async (client: ApiClient) =>
  ((await client.ok(SITES)).sites.nodes as Array<{ domain: string }>).map((s) => s.domain).sort();

describe('P3: person fields are validated, naming the field', () => {
  let employee: ApiClient;
  let customerId: string;
  beforeAll(async () => {
    employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    customerId = await idOf('customers', 'name = $1', ['Bageriet Ek AB']);
  });

  const create = (input: Record<string, unknown>) =>
    employee.gql(
      'mutation($c: UUID!, $i: ContactInput!) { contactCreate(customerId: $c, input: $i) { id phone country preferredLanguage } }',
      {
        c: customerId,
        i: { name: 'Test Person', email: 'test.person@bageriet.example.com', ...input },
      },
    );

  it.each([
    ['country', { country: 'Sverige' }],
    ['preferredLanguage', { preferredLanguage: 'de' }],
    ['email', { email: 'not-an-address' }],
    ['phone', { phone: '12345' }],
  ])('P3: a bad %s is a BAD_USER_INPUT naming the field', async (field, input) => {
    const res = await create(input);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('P3, M19: a valid contact is stored with its phone in E.164 and country upper-case; national numbers are read for the contact’s country', async () => {
    // Issue 25: the Swedish national form, for a Swedish contact.
    const res = await create({ phone: '070-123 45 00', country: 'se', preferredLanguage: 'en' });
    expect(res.data!.contactCreate).toMatchObject({ phone: '+46701234500', country: 'SE', preferredLanguage: 'en' });
    const ok = await create({
      email: 'intl@bageriet.example.com',
      phone: '+46 70 123 45 00',
      country: 'SE',
      preferredLanguage: 'en',
    });
    expect(ok.data!.contactCreate).toMatchObject({ phone: '+46701234500', country: 'SE' });
    // A national number is read for the contact's country, not the agency's: a Norwegian mobile.
    const norwegian = await create({ email: 'no@bageriet.example.com', phone: '412 34 567', country: 'NO' });
    expect(norwegian.data!.contactCreate).toMatchObject({ phone: '+4741234567', country: 'NO' });
    // Without a country, the agency's (Sweden); "00" is the international prefix.
    const agency = await create({ email: 'se@bageriet.example.com', phone: '08-123 456 78' });
    expect(agency.data!.contactCreate.phone).toBe('+46812345678');
    const zeroZero = await create({ email: 'zz@bageriet.example.com', phone: '0047 412 34 567' });
    expect(zeroZero.data!.contactCreate.phone).toBe('+4741234567');
    // Not a number of that country: refused, naming the field and giving a national example.
    const wrong = await create({ email: 'bad@bageriet.example.com', phone: '070-123 45 00', country: 'NO' });
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    expect(wrong.errors![0].message).toMatch(/070-123 45 67/);
  });

  it('P8: social identities are stored with the contact and read back', async () => {
    const res = await create({
      email: 'social@bageriet.example.com',
      socialIdentities: [{ provider: 'LinkedIn', externalId: 'in/social-person' }],
    });
    const id = res.data!.contactCreate.id;
    const read = await employee.ok(
      'query($id: UUID!) { contact(id: $id) { socialIdentities { provider externalId } } }',
      { id },
    );
    expect(read.contact.socialIdentities).toEqual([{ provider: 'linkedin', externalId: 'in/social-person' }]);
  });

  it('P4: a card number in customer notes is masked before it is stored', async () => {
    await employee.ok('mutation($id: UUID!, $i: CustomerUpdateInput!) { customerUpdate(id: $id, input: $i) { id } }', {
      id: customerId,
      i: { notes: 'Paid by card 4111 1111 1111 1111, call Anna.' },
    });
    const [{ notes }] = await sql('select notes from customers where id = $1', [customerId]);
    expect(notes).toContain('[card ending 1111]');
    expect(notes).not.toMatch(/4111 1111 1111 1111|4111111111111111/);
  });

  it('a site domain is validated and unique within the agency', async () => {
    const input = {
      customerId,
      domain: 'https://bad/domain',
      platform: 'WORDPRESS',
      productionUrl: 'https://x.example.com',
    };
    const bad = await employee.gql('mutation($i: SiteInput!) { siteCreate(input: $i) { id } }', { i: input });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'domain' });
    const taken = await employee.gql('mutation($i: SiteInput!) { siteCreate(input: $i) { id } }', {
      i: { ...input, domain: 'Bageriet-Ek.example.com' },
    });
    expect(taken.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'domain' });
  });
});

describe('P10: backups', () => {
  it('P10: a site lists its backups newest first, with location, size and expiry', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const siteId = await idOf('sites', 'domain = $1', ['fjallbryggeri.example.com']);
    const { site } = await employee.ok(
      'query($id: UUID!) { site(id: $id) { backups { takenAt location sizeBytes expiresAt } } }',
      { id: siteId },
    );
    expect(site.backups).toHaveLength(10);
    const times = site.backups.map((b: { takenAt: string }) => Date.parse(b.takenAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(site.backups[0]).toMatchObject({
      location: expect.stringMatching(/^s3:\/\//),
      sizeBytes: expect.any(Number),
    });
    expect(Date.parse(site.backups[0].expiresAt)).toBeGreaterThan(Date.parse(site.backups[0].takenAt));
  });
});

describe('P18: who sees which customers and sites', () => {
  it('P18: staff see every site and customer of their agency, and nothing of another', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect(await domains(employee)).toEqual([
      'bageriet-ek.example.com',
      'fjallbryggeri.example.com',
      'shop.fjallbryggeri.example.com',
    ]);
    const { customers } = await employee.ok('{ customers { totalCount nodes { name } } }');
    expect(customers.nodes.map((c: { name: string }) => c.name)).toEqual(['Bageriet Ek AB', 'Fjällbacka Bryggeri']);
  });

  it('P18: a contractor sees only sites with an active assignment; an ended one gives nothing', async () => {
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    expect(await domains(contractor)).toEqual(['bageriet-ek.example.com']);
    const ended = await idOf('sites', 'domain = $1', ['fjallbryggeri.example.com']);
    expect(errorCode(await contractor.gql('query($id: UUID!) { site(id: $id) { id } }', { id: ended }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await contractor.gql('{ customers { totalCount } }'))).toBe('FORBIDDEN');
    const other = await idOf('customers', 'name = $1', ['Fjällbacka Bryggeri']);
    expect(errorCode(await contractor.gql('query($id: UUID!) { customer(id: $id) { name } }', { id: other }))).toBe(
      'NOT_FOUND',
    );
  });

  it("P18: a contractor sees the assigned site's customer contact details needed for the work, nothing more", async () => {
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    const ok = await contractor.ok('{ sites { nodes { customer { name contacts { name email phone } } } } }');
    expect(ok.sites.nodes[0].customer.contacts[0]).toEqual({
      name: expect.any(String),
      email: expect.any(String),
      phone: expect.any(String),
    });
    for (const field of ['organisationNumber', 'notes']) {
      const res = await contractor.gql(`{ sites { nodes { customer { ${field} } } } }`);
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    expect(errorCode(await contractor.gql('{ sites { nodes { customer { contacts { postalCode } } } } }'))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await contractor.gql('{ sites { nodes { assignments { id } } } }'))).toBe('FORBIDDEN');
  });

  it('P18: a customer sees only their own customer record and sites, never credentials', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    expect(await domains(customer)).toEqual(['bageriet-ek.example.com']);
    const own = await idOf('customers', 'name = $1', ['Bageriet Ek AB']);
    const other = await idOf('customers', 'name = $1', ['Fjällbacka Bryggeri']);
    expect(
      (await customer.ok('query($id: UUID!) { customer(id: $id) { name organisationNumber } }', { id: own })).customer
        .name,
    ).toBe('Bageriet Ek AB');
    expect(errorCode(await customer.gql('query($id: UUID!) { customer(id: $id) { name } }', { id: other }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await customer.gql('{ sites { nodes { credentials { id } } } }'))).toBe('FORBIDDEN');
    const credential = await idOf(
      'site_credentials',
      "label = 'WordPress admin' and tenant_id = (select id from tenants where slug = 'jj-media')",
      [],
    );
    expect(
      errorCode(
        await customer.gql('mutation($id: UUID!) { siteCredentialReveal(id: $id) { secret } }', { id: credential }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('P18: access follows the assignment: assigning grants, ending revokes at once', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    const siteId = await idOf('sites', 'domain = $1', ['shop.fjallbryggeri.example.com']);
    const userId = await idOf('users', 'email = $1', ['kontraktor@freelance.example.com']);
    const { siteAssignmentCreate } = await employee.ok(
      'mutation($i: SiteAssignmentInput!) { siteAssignmentCreate(input: $i) { id active } }',
      { i: { siteId, userId, reason: 'Webflow redesign' } },
    );
    expect(siteAssignmentCreate.active).toBe(true);
    expect(await domains(contractor)).toContain('shop.fjallbryggeri.example.com');
    await employee.ok('mutation($id: UUID!) { siteAssignmentEnd(id: $id) { active } }', {
      id: siteAssignmentCreate.id,
    });
    expect(await domains(contractor)).not.toContain('shop.fjallbryggeri.example.com');
    const audit = await sql(`select action from audit_events where entity_id = $1 order by created_at`, [
      siteAssignmentCreate.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['site.assign', 'site.unassign']);
  });

  it('P18: only contractors and employees can be assigned', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const siteId = await idOf('sites', 'domain = $1', ['shop.fjallbryggeri.example.com']);
    const userId = await idOf('users', 'email = $1', ['anna@bageriet.example.com']);
    const res = await employee.gql('mutation($i: SiteAssignmentInput!) { siteAssignmentCreate(input: $i) { id } }', {
      i: { siteId, userId },
    });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  });
});

describe('P18: the contact list (pickers for disclosures and consents) is for staff', () => {
  const CONTACTS = `query($filter: ContactFilter) { contacts(filter: $filter, page: { take: 100 }) {
    totalCount nodes { email customer { name } } } }`;

  it("P18: staff search their agency's contacts by name or e-mail, with each contact's customer", async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const all = (await employee.ok(CONTACTS)).contacts;
    expect(all.totalCount).toBeGreaterThan(1);
    const found = (await employee.ok(CONTACTS, { filter: { q: 'ANNA@bageriet' } })).contacts.nodes;
    expect(found).toEqual([{ email: 'anna@bageriet.example.com', customer: { name: 'Bageriet Ek AB' } }]);
    const customerId = await idOf('customers', 'name = $1', ['Bageriet Ek AB']);
    const ofCustomer = (await employee.ok(CONTACTS, { filter: { customerId } })).contacts.nodes;
    expect(ofCustomer.length).toBeGreaterThan(0);
    expect(ofCustomer.every((c: any) => c.customer.name === 'Bageriet Ek AB')).toBe(true);
    // Another agency's contacts are not there, even by exact address.
    const nordvik = (
      await sql(`select c.email from contacts c join tenants t on t.id = c.tenant_id
      where t.slug = 'nordvik-webbyra' limit 1`)
    )[0].email as string;
    expect((await employee.ok(CONTACTS, { filter: { q: nordvik } })).contacts.totalCount).toBe(0);
  });

  it('P18: contractors and customers may not list contacts; a bad filter names its field', async () => {
    for (const role of ['CONTRACTOR', 'CUSTOMER'] as const) {
      const client = await as(demo.url, 'jj-media', role);
      expect(errorCode(await client.gql(CONTACTS))).toBe('FORBIDDEN');
    }
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const bad = await employee.gql(CONTACTS, { filter: { customerId: 'not-a-uuid' } });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });
});

describe('P16: a contact gets a portal login', () => {
  it('staff invite a contact; the invitation logs them in as that customer', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const contactId = await idOf('contacts', 'email = $1', ['olof@bageriet.example.com']);
    const { contactPortalInvite } = await employee.ok(
      'mutation($id: UUID!) { contactPortalInvite(id: $id) { role status } }',
      { id: contactId },
    );
    expect(contactPortalInvite).toEqual({ role: 'CUSTOMER', status: 'INVITED' });
    const again = await employee.gql('mutation($id: UUID!) { contactPortalInvite(id: $id) { id } }', { id: contactId });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    const { outboxMessages } = await admin.ok('{ outboxMessages { nodes { recipient payload } } }');
    const link = outboxMessages.nodes.find((m: any) => m.recipient === 'olof@bageriet.example.com').payload
      .link as string;
    const olof = new ApiClient(demo.url);
    await olof.ok('mutation($i: TokenPasswordInput!) { invitationAccept(input: $i) { role } }', {
      i: { token: link.split('/').pop(), password: 'olofs own password 1' },
    });
    expect(await domains(olof)).toEqual(['bageriet-ek.example.com']);
  });
});

describe('P10: retention of backups', () => {
  it('P10: expired backup records are purged by the retention run, audited per agency', async () => {
    const [{ expired }] = await sql(`select count(*)::int as expired from site_backups where expires_at <= now()`);
    expect(expired).toBeGreaterThan(0);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(REPO_ROOT, 'server', 'dist', 'cli.js'), 'retention:run'],
      {
        env: { PATH: process.env.PATH, ...demo.db.env, LOG_LEVEL: 'silent' },
      },
    );
    expect(stdout).toContain(`backups: removed ${expired}`);
    const [{ left }] = await sql(`select count(*)::int as left from site_backups where expires_at <= now()`);
    expect(left).toBe(0);
    const audits = await sql(`select actor_type, detail from audit_events where action = 'retention.backups'`);
    expect(audits.length).toBeGreaterThan(0);
    expect(audits.every((a) => a.actor_type === 'SYSTEM')).toBe(true);
    expect(audits.reduce((sum, a) => sum + a.detail.removed, 0)).toBe(expired);
  });
});
