// Issue 21 (M15): API keys (S35). Over real HTTP against the built server and the demo data.
import { queryAs } from '../../server/src/testing/database';
import { as, errorCode, type ApiClient, type GraphQLResponse } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
let admin: ApiClient;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

/** A GraphQL call with `Authorization: Bearer <key>` (and whatever else `headers` adds). */
async function withKey<T = Record<string, any>>(
  key: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${demo.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Pick<GraphQLResponse<T>, 'data' | 'errors'>;
  return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
}

const CREATE_KEY = `mutation($input: ApiKeyCreateInput!) {
  apiKeyCreate(input: $input) { key apiKey { id name role hint expiresAt lastUsedAt revokedAt } }
}`;

async function createKey(name: string, extra: Record<string, unknown> = {}) {
  const data = await admin.ok<{ apiKeyCreate: { key: string; apiKey: { id: string; name: string; hint: string } } }>(
    CREATE_KEY,
    { input: { name, ...extra } },
  );
  return data.apiKeyCreate;
}

beforeAll(async () => {
  demo = await startDemoApp();
  admin = await as(demo.url, 'jj-media', 'ADMIN');
});
afterAll(() => demo?.stop());

describe('M15: API keys', () => {
  it('M15 S35: a key is shown once, stored as a hash, recognisable, and never ADMIN', async () => {
    const { key, apiKey } = await createKey('Zapier');
    expect(key).toMatch(/^sc_live_[0-9a-f-]{36}\.[\w-]{43}$/);
    expect(key.endsWith(apiKey.hint)).toBe(true);
    const [row] = await sql('select token_hash, role from api_keys where id = $1', [apiKey.id]);
    expect(row.role).toBe('EMPLOYEE');
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await sql('select * from api_keys'))).not.toContain(key.split('.')[1]);
    // The list never shows the key again; there is no field for it.
    const listed = await admin.gql('query { apiKeys { id key } }');
    expect(errorCode(listed)).toBe('GRAPHQL_VALIDATION_FAILED');
    const ADMIN_ROLE = await admin.gql(CREATE_KEY, { input: { name: 'root', role: 'ADMIN' } });
    expect(ADMIN_ROLE.errors?.length).toBeTruthy();
    const past = await admin.gql(CREATE_KEY, { input: { name: 'old', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    // Employees cannot make keys.
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect(errorCode(await employee.gql(CREATE_KEY, { input: { name: 'mine' } }))).toBe('FORBIDDEN');
  });

  it("M15 S35: a key reads and writes within its role and its agency, audited with the key's name", async () => {
    const { key, apiKey } = await createKey('Accounting sync');
    const read = await withKey<{ customers: { totalCount: number; nodes: Array<{ id: string }> } }>(
      key,
      'query { customers { totalCount nodes { id } } }',
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.customers.totalCount).toBeGreaterThan(0);
    const [{ n: own }] = await sql<{ n: number }>(
      "select count(*)::int as n from customers c join tenants t on t.id = c.tenant_id where t.slug = 'jj-media'",
    );
    expect(read.data!.customers.totalCount).toBe(own);

    const created = await withKey<{ customerCreate: { id: string } }>(
      key,
      'mutation($input: CustomerInput!) { customerCreate(input: $input) { id } }',
      { input: { name: 'Made by the API AB', billingCountry: 'SE' } },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.customerCreate.id;
    const [customer] = await sql(
      'select t.slug from customers c join tenants t on t.id = c.tenant_id where c.id = $1',
      [id],
    );
    expect(customer.slug).toBe('jj-media');
    const [event] = await sql('select actor_type, actor_user_id, detail from audit_events where entity_id = $1', [id]);
    expect(event).toMatchObject({
      actor_type: 'API_KEY',
      actor_user_id: null,
      detail: expect.objectContaining({ actor: 'Accounting sync', apiKeyId: apiKey.id }),
    });
    const [used] = await sql('select last_used_at from api_keys where id = $1', [apiKey.id]);
    expect(used.last_used_at).not.toBeNull();

    // Another agency's ids are simply not found.
    const [foreign] = await sql(
      "select c.id from customers c join tenants t on t.id = c.tenant_id where t.slug <> 'jj-media' limit 1",
    );
    const other = await withKey(key, 'query($id: UUID!) { customer(id: $id) { id name } }', { id: foreign.id });
    expect(errorCode(other)).toBe('NOT_FOUND');
  });

  it('M15 S35: ADMIN-only operations and a person’s own account are FORBIDDEN to a key', async () => {
    const { key } = await createKey('Limited');
    expect(errorCode(await withKey(key, 'query { apiKeys { id } }'))).toBe('FORBIDDEN');
    expect(errorCode(await withKey(key, CREATE_KEY, { input: { name: 'escalate' } }))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await withKey(key, 'mutation($input: UserInviteInput!) { userInvite(input: $input) { id } }', {
          input: { email: 'new@example.com', name: 'New', role: 'ADMIN' },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await withKey(key, 'query { mySessions { id } }'))).toBe('FORBIDDEN');
  });

  it('M15 S35: a revoked, expired or unknown key is UNAUTHENTICATED, on public operations too', async () => {
    const revoked = await createKey('Revoked');
    expect((await withKey(revoked.key, 'query { customers { totalCount } }')).errors).toBeUndefined();
    await admin.ok('mutation($id: UUID!) { apiKeyRevoke(id: $id) { revokedAt } }', { id: revoked.apiKey.id });
    expect(errorCode(await withKey(revoked.key, 'query { customers { totalCount } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await withKey(revoked.key, 'query { health { status } }'))).toBe('UNAUTHENTICATED');

    const expiring = await createKey('Expiring', { expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await withKey(expiring.key, 'query { customers { totalCount } }')).errors).toBeUndefined();
    await sql("update api_keys set expires_at = now() - interval '1 second' where id = $1", [expiring.apiKey.id]);
    expect(errorCode(await withKey(expiring.key, 'query { customers { totalCount } }'))).toBe('UNAUTHENTICATED');

    const forged = `${revoked.key.slice(0, -4)}AAAA`;
    expect(errorCode(await withKey(forged, 'query { customers { totalCount } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await withKey('not-a-key', 'query { customers { totalCount } }'))).toBe('UNAUTHENTICATED');
  });

  it('M15 S35: a request with both a session cookie and a key is refused', async () => {
    const { key } = await createKey('Both');
    // A document the compiled path has answered for this session before, so both paths are tried.
    const query = 'query { customers { totalCount } }';
    await admin.ok(query);
    await admin.ok(query);
    const both = await withKey(key, query, undefined, { cookie: admin.cookie! });
    expect(errorCode(both)).toBe('UNAUTHENTICATED');
    expect(both.data ?? null).toBeNull();
    const mutation = await withKey(
      key,
      'mutation($input: CustomerInput!) { customerCreate(input: $input) { id } }',
      { input: { name: 'Both ways AB', billingCountry: 'SE' } },
      { cookie: admin.cookie! },
    );
    expect(errorCode(mutation)).toBe('UNAUTHENTICATED');
    const [{ n }] = await sql<{ n: number }>("select count(*)::int as n from customers where name = 'Both ways AB'");
    expect(n).toBe(0);
  });

  it('M15 S35: a READONLY key reads as an employee; every mutation, and an attachment upload, is FORBIDDEN', async () => {
    const { key, apiKey } = await createKey('Reporting', { role: 'READONLY' });
    const [row] = await sql('select role from api_keys where id = $1', [apiKey.id]);
    expect(row.role).toBe('READONLY');
    const QUERY = 'query { customers { totalCount nodes { id name } } leads { totalCount } }';
    const employeeKey = (await createKey('Reporting (employee)')).key;
    // Twice: the second time the same document could take the compiled lane; a key never does.
    for (let i = 0; i < 2; i++) {
      const read = await withKey(key, QUERY);
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual((await withKey(employeeKey, QUERY)).data);
    }
    const CREATE = 'mutation($input: CustomerInput!) { customerCreate(input: $input) { id } }';
    for (let i = 0; i < 2; i++) {
      const write = await withKey(key, CREATE, { input: { name: 'Read-only AB', billingCountry: 'SE' } });
      expect(errorCode(write)).toBe('FORBIDDEN');
      expect(write.errors?.[0]?.message).toMatch(/read-only/);
    }
    const [{ n }] = await sql<{ n: number }>("select count(*)::int as n from customers where name = 'Read-only AB'");
    expect(n).toBe(0);
    // Public operations are mutations too: a read-only key calls none.
    const lead = await withKey(key, 'mutation($i: LeadInput!) { leadSubmit(input: $i) }', {
      i: { agency: 'jj-media', name: 'x', email: 'ro@example.com', message: 'x', consentGiven: true, consentText: 'x' },
    });
    expect(errorCode(lead)).toBe('FORBIDDEN');
    // Writes outside GraphQL follow the same rule: an upload to a ticket message.
    const [message] = await sql(
      "select m.id from ticket_messages m join tenants t on t.id = m.tenant_id where t.slug = 'jj-media' limit 1",
    );
    const upload = await fetch(`${demo.url}/attachments/message/${message.id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'x-file-name': 'notes.txt', 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(upload.status).toBe(403);
    const [{ files }] = await sql<{ files: number }>(
      "select count(*)::int as files from ticket_attachments where filename = 'notes.txt'",
    );
    expect(files).toBe(0);
  });

  it("M15 S35 S37: a key's JSON request passes Apollo's CSRF prevention; a simple (form-like) request does not", async () => {
    const { key } = await createKey('CSRF');
    // application/json with an Authorization header is not a "simple" request: no preflight header needed.
    expect((await withKey(key, 'query { customers { totalCount } }')).errors).toBeUndefined();
    // A form's content type is refused before any operation runs, key or not.
    const form = await fetch(`${demo.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: 'mutation { apiKeyRevoke(id: "00000000-0000-0000-0000-000000000000") { id } }' }),
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/CSRF|preflight/i);
    // A GET without the preflight header is refused too.
    const get = await fetch(`${demo.url}/graphql?query=${encodeURIComponent('{ customers { totalCount } }')}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(get.status).toBe(400);
  });
});

describe("M15: the agency's website (CORS)", () => {
  const SITE = 'https://www.jj-media.example.com';
  const FOREIGN = 'https://evil.example.net';
  const LEAD = `mutation($input: LeadInput!) { leadSubmit(input: $input) }`;
  const lead = (agency: string, email: string) => ({
    query: LEAD,
    variables: {
      input: {
        agency,
        name: 'Webb Besökare',
        email,
        message: 'Vi vill ha en ny webbplats',
        consentGiven: true,
        consentText: 'Jag vill bli kontaktad om min förfrågan.',
      },
    },
  });
  const publicUrl = (slug: string) => `${demo.url}/public/${slug}/graphql`;
  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
  const post = (url: string, origin: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    const set = await admin.ok('mutation($o: [String!]!) { tenantAllowedOriginsSet(origins: $o) { allowedOrigins } }', {
      o: [SITE, 'http://localhost:8080'],
    });
    expect(set.tenantAllowedOriginsSet.allowedOrigins).toEqual([SITE, 'http://localhost:8080']);
  });

  it('M15 S37: origins are checked when saved (admins only)', async () => {
    for (const bad of [
      'www.example.com',
      'https://example.com/path',
      'javascript:alert(1)',
      'https://u:p@example.com',
    ]) {
      const res = await admin.gql('mutation($o: [String!]!) { tenantAllowedOriginsSet(origins: $o) { id } }', {
        o: [bad],
      });
      expect({ bad, error: res.errors?.[0]?.extensions }).toEqual({
        bad,
        error: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'origins' }),
      });
    }
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const denied = await employee.gql('mutation { tenantAllowedOriginsSet(origins: []) { id } }');
    expect(errorCode(denied)).toBe('FORBIDDEN');
  });

  it("M15 S37: an allowed origin's preflight and request succeed, without credentials, stored for that agency", async () => {
    const pre = await preflight(publicUrl('jj-media'), SITE);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(pre.headers.get('access-control-allow-methods')).toBe('POST');
    expect(pre.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();

    const res = await post(publicUrl('jj-media'), SITE, lead('jj-media', 'webb.besokare@example.com'));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(await res.json()).toEqual({ data: { leadSubmit: true } });
    const [row] = await sql(
      "select t.slug from leads l join tenants t on t.id = l.tenant_id where l.email = 'webb.besokare@example.com'",
    );
    expect(row.slug).toBe('jj-media');

    // A session cookie sent along is dropped: the request is anonymous, whatever the browser sends.
    const withCookie = await post(
      publicUrl('jj-media'),
      SITE,
      { query: 'query { me { user { email } } }' },
      {
        cookie: admin.cookie!,
      },
    );
    expect(withCookie.status).toBe(403);
  });

  it('M15 S37: a foreign origin gets no CORS headers, and is refused', async () => {
    const pre = await preflight(publicUrl('jj-media'), FOREIGN);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await post(publicUrl('jj-media'), FOREIGN, lead('jj-media', 'foreign@example.com'));
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    // The agency's origin is not another agency's.
    const other = await preflight(publicUrl('nordvik'), SITE);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // /graphql itself never answers with CORS headers, not even to an allowed origin.
    const main = await preflight(`${demo.url}/graphql`, SITE);
    expect(main.headers.get('access-control-allow-origin')).toBeNull();
    const mainPost = await post(`${demo.url}/graphql`, SITE, lead('jj-media', 'main@example.com'));
    expect(mainPost.headers.get('access-control-allow-origin')).toBeNull();
    const [{ n }] = await sql<{ n: number }>(
      "select count(*)::int as n from leads where email = 'foreign@example.com'",
    );
    expect(n).toBe(0);
  });

  it("M15 S37: only the website's public operations, and only for the agency in the path", async () => {
    const login = await post(publicUrl('jj-media'), SITE, {
      query: 'mutation($input: LoginInput!) { login(input: $input) { role } }',
      variables: { input: { email: 'admin@jj-media.example.com', password: 'sitecare-demo-2026' } },
    });
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
    const otherAgency = await post(publicUrl('jj-media'), SITE, lead('nordvik', 'cross@example.com'));
    expect(otherAgency.status).toBe(403);
    const viaVariables = await post(publicUrl('jj-media'), SITE, {
      query:
        'mutation($a: String!) { leadSubmit(input: { agency: $a, name: "X", email: "x@example.com", message: "m", consentGiven: true, consentText: "t" }) }',
      variables: { a: 'nordvik' },
    });
    expect(viaVariables.status).toBe(403);
    const [{ n }] = await sql<{ n: number }>(
      "select count(*)::int as n from leads where email in ('cross@example.com', 'x@example.com')",
    );
    expect(n).toBe(0);
  });

  it('M15 S37: a cross-site form post without CORS is still refused (CSRF prevention), on both endpoints', async () => {
    for (const url of [publicUrl('jj-media'), `${demo.url}/graphql`]) {
      const form = await fetch(url, {
        method: 'POST',
        headers: { origin: SITE, 'content-type': 'application/x-www-form-urlencoded' },
        body: `query=${encodeURIComponent(LEAD)}&variables=${encodeURIComponent(JSON.stringify(lead('jj-media', 'form@example.com').variables))}`,
      });
      expect({ url, status: form.status }).toEqual({ url, status: 400 });
      expect(await form.text()).toMatch(/Cross-Site Request Forgery/);
      const text = await fetch(url, {
        method: 'POST',
        headers: { origin: SITE, 'content-type': 'text/plain' },
        body: JSON.stringify(lead('jj-media', 'textplain@example.com')),
      });
      expect({ url, status: text.status }).toEqual({ url, status: 400 });
      expect(await text.text()).toMatch(/Cross-Site Request Forgery/);
    }
    const [{ n }] = await sql<{ n: number }>(
      "select count(*)::int as n from leads where email = 'textplain@example.com'",
    );
    expect(n).toBe(0);
  });
});
