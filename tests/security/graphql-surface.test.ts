import { queryAs } from '../../server/src/testing/database';
import { LIMITS } from '../../server/src/graphql/limits';
import { ApiClient, as, errorCode } from '../support/api-client';
import { startDemoApp, startProductionDemoApp, type DemoApp } from '../support/demo-app';

let demo: DemoApp;
beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(() => demo?.stop());

const post = (body: string, contentType: string, headers: Record<string, string> = {}) =>
  fetch(`${demo.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

const messages = (res: { errors?: Array<{ message: string }> }) => (res.errors ?? []).map((e) => e.message).join('\n');

async function invitedCount(admin: ApiClient): Promise<number> {
  return (await admin.ok('{ users(filter: { status: INVITED }) { totalCount } }')).users.totalCount;
}

describe('S1: limits checked before any resolver runs', () => {
  it(`S1: a query deeper than ${LIMITS.maxDepth} is rejected, and its mutation never runs`, async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const before = await invitedCount(admin);
    let selection = 'id';
    for (let i = 0; i < LIMITS.maxDepth; i++) selection = `n${i} { ${selection} }`;
    const res = await admin.gql(
      `mutation { userInvite(input: { email: "deep@jj-media.example.com", name: "Deep", role: EMPLOYEE }) { ${selection} } }`,
    );
    expect(res.status).toBe(400);
    expect(messages(res)).toMatch(new RegExp(`depth limit of ${LIMITS.maxDepth} exceeded`, 'i'));
    expect(await invitedCount(admin)).toBe(before);
  });

  it(`S1: more than ${LIMITS.maxAliases} aliases are rejected; ${LIMITS.maxAliases} pass`, async () => {
    const client = new ApiClient(demo.url);
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `h${i}: health { status }`).join(' ');
    const allowed = await client.gql(`{ ${aliases(LIMITS.maxAliases)} }`);
    expect(allowed.errors).toBeUndefined();
    const refused = await client.gql(`{ ${aliases(LIMITS.maxAliases + 1)} }`);
    expect(messages(refused)).toMatch(new RegExp(`aliases limit of ${LIMITS.maxAliases} exceeded`, 'i'));
    expect(refused.data).toBeUndefined();
  });

  it(`S1: more than ${LIMITS.maxTokens} tokens are rejected`, async () => {
    const fields = Array.from({ length: LIMITS.maxTokens }, () => 'status').join(' ');
    const res = await new ApiClient(demo.url).gql(`{ health { ${fields} } }`);
    expect(messages(res)).toMatch(new RegExp(`token limit of ${LIMITS.maxTokens} exceeded`, 'i'));
  });
});

describe('S2: query cost', () => {
  it('S2: a query whose cost exceeds the budget is rejected with its cost and the limit', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const page = 'nodes { id email name role status createdAt updatedAt lastLoginAt preferredLanguage }';
    const query = `{ ${Array.from({ length: LIMITS.maxAliases }, (_, i) => `u${i}: users(page: { take: 100 }) { totalCount ${page} }`).join(' ')} }`;
    const res = await admin.gql(query);
    const text = messages(res);
    expect(text).toMatch(new RegExp(`cost limit of ${LIMITS.maxCost} exceeded, found \\d+`, 'i'));
    const found = Number(/found (\d+)/i.exec(text)![1]);
    expect(found).toBeGreaterThan(LIMITS.maxCost);
    expect(res.data).toBeUndefined();
  });
});

describe('S4: CSRF', () => {
  it('S4: a POST with Content-Type text/plain never runs a mutation', async () => {
    const res = await post(JSON.stringify({ query: 'mutation { logout }' }), 'text/plain');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/csrf|preflight/i);
  });

  it('S4: form-encoded posts are refused too', async () => {
    const res = await post('query=mutation%20%7B%20logout%20%7D', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(400);
  });

  it('S4: a mutation over GET is refused, and a GET without a preflight header runs nothing', async () => {
    const mutation = await fetch(`${demo.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(mutation.status).toBe(405);
    const simple = await fetch(`${demo.url}/graphql?query=${encodeURIComponent('{ health { status } }')}`);
    expect(simple.status).toBe(400);
  });
});

describe('S6: page sizes are bounded', () => {
  it('S6: take must be 1–100; a larger or smaller one fails validation naming the field', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    for (const take of [0, 101, 100000]) {
      const res = await admin.gql('query($take: Int!) { users(page: { take: $take }) { totalCount } }', { take });
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'page.take' });
    }
    const ok = await admin.gql('{ users(page: { take: 100 }) { totalCount nodes { id } } }');
    expect(ok.errors).toBeUndefined();
  });
});

describe('S3 and S20 in production mode', () => {
  let production: DemoApp;
  beforeAll(async () => {
    production = await startProductionDemoApp();
  }, 60_000);
  afterAll(() => production?.stop());
  const localUrl = () => production.url;

  it('S3: introspection is off', async () => {
    const res = await new ApiClient(localUrl()).gql('{ __schema { types { name } } }');
    expect(res.errors?.[0].message).toMatch(/introspection/i);
  });

  it('S3: error messages carry no "Did you mean"', async () => {
    const res = await new ApiClient(localUrl()).gql('{ healt { status } }');
    expect(res.errors).toBeDefined();
    expect(messages(res)).not.toMatch(/did you mean/i);
  });

  it('S20: the session cookie is Secure in production', async () => {
    const res = await new ApiClient(localUrl()).login('admin@jj-media.example.com');
    expect(errorCode(res)).toBeUndefined();
    expect(res.headers.getSetCookie().find((c) => c.startsWith('sc_session='))).toMatch(/; Secure/i);
  });

  it('an admin does not see the bearer link of unsent invitation mail in production', async () => {
    const admin = new ApiClient(localUrl());
    expect(errorCode(await admin.login('admin@jj-media.example.com'))).toBeUndefined();
    await admin.ok(
      'mutation { userInvite(input: { email: "quiet@jj-media.example.com", name: "Q", role: EMPLOYEE }) { id } }',
    );
    const { outboxMessages } = await admin.ok('{ outboxMessages { nodes { recipient payload } } }');
    const mail = outboxMessages.nodes.find((m: { recipient: string }) => m.recipient === 'quiet@jj-media.example.com');
    expect(mail.payload.link).toBe('[hidden]');
    const [{ payload }] = await queryAs<{ payload: { link: string } }>(
      production.db.superuserUrl,
      `select payload from outbox_messages where recipient = 'quiet@jj-media.example.com'`,
    );
    expect(payload.link).toMatch(/^https:\/\/care\.example\.com\/#\/invitation\//); // kept for sending
  });

  it('M24: /metrics is off in production without METRICS_TOKEN (404, not the dashboard)', async () => {
    const res = await fetch(`${localUrl()}/metrics`, { headers: { accept: '*/*' } });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('sitecare_');
  });

  it('P25: security headers are set', async () => {
    const res = await fetch(`${localUrl()}/healthz`);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
