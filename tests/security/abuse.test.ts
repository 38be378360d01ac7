// Abuse probes in the manner of graphql-cop, each refused with a clear, typed answer and nothing run:
// alias overloading, field duplication, batching, directive overloading, CSRF over GET and simple
// content types, introspection and suggestions in production, an oversized body, slow clients
// (slowloris), and rate limits on login, every public form and anonymous checkout, with a retry hint. The depth, alias,
// token, cost and first CSRF probes are in graphql-surface.test.ts (S1–S4, S6).
import { connect } from 'node:net';
import { demoPaymentAccounts } from '@sitecare/seeds';
import { CHECKOUTS_PER_10_MIN, PUBLIC_FORMS_PER_10_MIN } from '../../server/src/auth/throttle';
import { LIMITS } from '../../server/src/graphql/limits';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode, type GraphQLResponse } from '../support/api-client';
import { startDemoApp, startProductionDemoApp, type DemoApp } from '../support/demo-app';
import { startFakeStripe, type FakeStripe } from '../support/fake-payments/stripe';

// Short enough for the probes to finish quickly; the defaults (10 s and 30 s) are set in config.ts.
const HEADERS_TIMEOUT_MS = 2_000;
const REQUEST_TIMEOUT_MS = 4_000;

let demo: DemoApp;
let admin: ApiClient;
/** The anonymous checkouts' provider: a local fake, never the network (issue 24: each one waited on api.stripe.com). */
let stripe: FakeStripe;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: demoPaymentAccounts['jj-media'].stripe.webhookSecret });
  demo = await startDemoApp({
    STRIPE_API_BASE: stripe.baseUrl,
    HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  });
  admin = await as(demo.url, 'jj-media', 'ADMIN');
}, 60_000);
afterAll(async () => {
  await demo?.stop();
  await stripe?.close();
});

const invite = (email: string) => `userInvite(input: { email: "${email}", name: "Probe", role: EMPLOYEE }) { id }`;
const invited = async (pattern: string) =>
  (await sql<{ n: number }>(`select count(*)::int as n from users where email like $1`, [pattern]))[0].n;
const post = (body: string | Buffer, headers: Record<string, string>) =>
  fetch(`${demo.url}/graphql`, { method: 'POST', headers: { cookie: admin.cookie!, ...headers }, body });
const json = { 'content-type': 'application/json' };

describe('GraphQL abuse: refused before anything runs', () => {
  it(`alias overloading: ${LIMITS.maxAliases + 1} aliased mutations are refused and none of them runs`, async () => {
    const aliases = Array.from(
      { length: LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: ${invite(`alias${i}@probe.example.com`)}`,
    );
    const res = await admin.gql(`mutation { ${aliases.join(' ')} }`);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toMatch(new RegExp(`aliases limit of ${LIMITS.maxAliases} exceeded`, 'i'));
    expect(await invited('alias%@probe.example.com')).toBe(0);
  });

  it(`field duplication: the same field ${LIMITS.maxFieldRepeats + 1}+ times in a selection is refused; ${LIMITS.maxFieldRepeats} pass`, async () => {
    const allowed = await admin.gql(`{ health { ${'status '.repeat(LIMITS.maxFieldRepeats)} } }`);
    expect(allowed.errors).toBeUndefined();
    for (const query of [
      `{ health { ${'status '.repeat(500)} } }`, // graphql-cop's probe
      `{ ${'__typename '.repeat(500)} }`,
      `query { health { ...F ${'...F '.repeat(LIMITS.maxFieldRepeats)} } } fragment F on Health { status }`,
    ]) {
      const res = await admin.gql(query);
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors![0].message).toMatch(new RegExp(`repeat limit of ${LIMITS.maxFieldRepeats} exceeded`, 'i'));
      expect(res.data).toBeUndefined();
    }
    // A mutation with a duplicated field does not run either.
    const mutation = await admin.gql(
      `mutation { userInvite(input: { email: "dup@probe.example.com", name: "Dup", role: EMPLOYEE }) { ${'id '.repeat(50)} } }`,
    );
    expect(errorCode(mutation)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await invited('dup@probe.example.com')).toBe(0);
  });

  it('batching: a JSON array of operations is refused whole and nothing in it runs', async () => {
    const batch = [1, 2, 3].map((i) => ({ query: `mutation { ${invite(`batch${i}@probe.example.com`)} }` }));
    const res = await post(JSON.stringify(batch), json);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batch/i);
    expect(await invited('batch%@probe.example.com')).toBe(0);
  });

  it(`directive overloading: more than ${LIMITS.maxDirectives} directives are refused and the mutation does not run`, async () => {
    const directives = '@include(if: true) '.repeat(LIMITS.maxDirectives + 1);
    const res = await admin.gql(
      `mutation { userInvite(input: { email: "directive@probe.example.com", name: "D", role: EMPLOYEE }) ${directives} { id } }`,
    );
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toMatch(new RegExp(`directives limit of ${LIMITS.maxDirectives} exceeded`, 'i'));
    expect(await invited('directive@probe.example.com')).toBe(0);
  });

  it('CSRF: a mutation over GET, over a form (urlencoded or multipart) or as text/plain never runs', async () => {
    const mutation = `mutation { ${invite('csrf@probe.example.com')} }`;
    const cookie = { cookie: admin.cookie! };
    // An <img src> or a link: a GET with the victim's cookie and no preflight header.
    const get = await fetch(`${demo.url}/graphql?query=${encodeURIComponent(mutation)}`, { headers: cookie });
    expect(get.status).toBe(400);
    // The simple content types a cross-site <form> can send without a CORS preflight.
    const urlencoded = await post(`query=${encodeURIComponent(mutation)}`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(urlencoded.status).toBe(400);
    const form = new FormData();
    form.set('query', mutation);
    const multipart = await fetch(`${demo.url}/graphql`, { method: 'POST', headers: cookie, body: form });
    expect(multipart.status).toBe(400);
    const text = await post(JSON.stringify({ query: mutation }), { 'content-type': 'text/plain' });
    expect(text.status).toBe(400);
    expect(await invited('csrf@probe.example.com')).toBe(0);
  });
});

describe('HTTP abuse: oversized bodies and slow clients', () => {
  it(`a body over ${LIMITS.maxBodyBytes} bytes is refused with 413 and a typed error; the server stays up`, async () => {
    const padding = 'x'.repeat(LIMITS.maxBodyBytes);
    const res = await post(JSON.stringify({ query: `mutation { ${invite('big@probe.example.com')} }`, padding }), json);
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0].message).not.toMatch(/at .*\.js|stack/i); // no stack trace
    expect(await invited('big@probe.example.com')).toBe(0);
    // Just under the limit is read (and refused by GraphQL's own limits, not by size).
    const under = await post(JSON.stringify({ query: '{ health { status } }', padding: padding.slice(0, -100) }), json);
    expect(under.status).toBe(200);
    expect((await fetch(`${demo.url}/healthz`)).status).toBe(200);
    // Malformed JSON is a typed 400, not a stack trace.
    const broken = await post('{"query": ', json);
    expect(broken.status).toBe(400);
    expect(
      ((await broken.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code,
    ).toBe('BAD_REQUEST');
  });

  /** Opens a raw socket, sends `head` and then one byte of `trickle` every 300 ms; resolves when the server closes it. */
  function slowClient(head: string, trickle: string): Promise<{ ms: number; answer: string }> {
    return new Promise((resolve, reject) => {
      const url = new URL(demo.url);
      const started = Date.now();
      let answer = '';
      let timer: NodeJS.Timeout | undefined;
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(head);
        let i = 0;
        timer = setInterval(() => {
          if (!socket.destroyed && !socket.writableEnded) socket.write(trickle[i++ % trickle.length]);
        }, 300);
      });
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('error', () => undefined); // a reset is also being cut off
      socket.on('close', () => {
        clearInterval(timer);
        clearTimeout(guard);
        resolve({ ms: Date.now() - started, answer });
      });
      const guard = setTimeout(() => {
        clearInterval(timer);
        socket.destroy();
        reject(new Error('the server kept a slow client for 15 s'));
      }, 15_000);
    });
  }

  it(`slowloris: headers sent byte by byte are cut off after ~${HEADERS_TIMEOUT_MS} ms, a trickled body after ~${REQUEST_TIMEOUT_MS} ms`, async () => {
    const host = new URL(demo.url).host;
    const [headers, body] = await Promise.all([
      slowClient(`POST /graphql HTTP/1.1\r\nHost: ${host}\r\n`, 'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n'),
      slowClient(
        `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`,
        '{"query":"{ health { status } }"}                                                      ',
      ),
    ]);
    console.log(`slow headers cut after ${headers.ms} ms, slow body after ${body.ms} ms`);
    expect(headers.ms).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(headers.ms).toBeLessThan(HEADERS_TIMEOUT_MS + 2_500);
    expect(headers.answer).toMatch(/^HTTP\/1\.1 408|^$/);
    expect(body.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(body.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 2_500);
    expect(body.answer).toMatch(/^HTTP\/1\.1 408|^$/);
    expect((await fetch(`${demo.url}/healthz`)).status).toBe(200); // and everyone else is still served
  }, 20_000);
});

describe('rate limits answer RATE_LIMITED with a retry hint', () => {
  const retryHint = (res: GraphQLResponse) => {
    expect(errorCode(res)).toBe('RATE_LIMITED');
    const seconds = res.errors![0].extensions!.retryAfterSeconds as number;
    expect(seconds).toBeGreaterThan(0);
    expect(res.headers.get('retry-after')).toBe(String(seconds));
    return seconds;
  };

  it('login: a locked account answers RATE_LIMITED with retryAfterSeconds and a Retry-After header', async () => {
    const client = new ApiClient(demo.url);
    let res = await client.login('sara@jj-media.example.com', 'wrong 0');
    for (let i = 1; i < 8 && errorCode(res) !== 'RATE_LIMITED'; i++)
      res = await client.login('sara@jj-media.example.com', `wrong ${i}`);
    retryHint(res);
    // Not even the right password gets in while the lock lasts.
    retryHint(await client.login('sara@jj-media.example.com'));
  });

  it('the public forms share one limit per address, an anonymous checkout has its own; refused calls store nothing', async () => {
    const pub = new ApiClient(demo.url);
    const [{ id: surveyId }] = await sql(
      `select s.id from surveys s join tenants t on t.id = s.tenant_id where t.slug = 'jj-media' and s.active limit 1`,
    );
    const [{ id: packageId }] = await sql(
      `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = 'jj-media' and p.name_en = 'Plus'`,
    );
    const email = 'flood@probe.example.com';
    const forms: Array<[string, string, Record<string, unknown>]> = [
      [
        'leadSubmit',
        'mutation($i: LeadInput!) { leadSubmit(input: $i) }',
        { agency: 'jj-media', name: 'Flood', email, message: 'Hej', consentGiven: true, consentText: 'Ja' },
      ],
      [
        'supportRequestSubmit',
        'mutation($i: SupportRequestInput!) { supportRequestSubmit(input: $i) }',
        { agency: 'jj-media', name: 'Flood', email, subject: 'Flood', message: 'Hej' },
      ],
      [
        'newsletterSubscribe',
        'mutation($i: NewsletterSubscribeInput!) { newsletterSubscribe(input: $i) }',
        { agency: 'jj-media', email, ageConfirmed: true, consentText: 'Ja tack' },
      ],
      [
        'cookiePreferencesSet',
        'mutation($i: CookiePreferencesInput!) { cookiePreferencesSet(input: $i) { analytics } }',
        { agency: 'jj-media', visitorId: 'flood-visitor-0001', analytics: true, marketing: false },
      ],
      [
        'surveyAnswerPublic',
        'mutation($i: PublicSurveyAnswerInput!) { surveyAnswerPublic(input: $i) }',
        { agency: 'jj-media', surveyId, email, answers: [{ questionKey: 'satisfaction', value: 'very' }] },
      ],
      [
        'privacyRequestSubmit',
        'mutation($i: PrivacyRequestPublicInput!) { privacyRequestSubmit(input: $i) }',
        { agency: 'jj-media', email, type: 'ACCESS' },
      ],
    ];
    // Spend the address's allowance on the contact form.
    const leadsBefore = (await sql(`select count(*)::int as n from leads where email = $1`, [email]))[0].n;
    let res = await pub.gql(forms[0][1], { i: forms[0][2] });
    let spent = 0;
    while (errorCode(res) !== 'RATE_LIMITED' && spent < 50) {
      spent++;
      res = await pub.gql(forms[0][1], { i: forms[0][2] });
    }
    retryHint(res);
    expect(spent).toBe(PUBLIC_FORMS_PER_10_MIN);
    const leadsAfter = (await sql(`select count(*)::int as n from leads where email = $1`, [email]))[0].n;
    expect(leadsAfter - leadsBefore).toBe(spent); // the accepted ones only

    // Now every other public form from that address is refused the same way, before it does anything.
    // Everything a public form could write, counted whole (nothing else runs meanwhile).
    const tables = [
      'leads',
      'support_tickets',
      'ticket_messages',
      'privacy_requests',
      'survey_responses',
      'newsletter_signups',
      'consent_events',
      'orders',
      'payments',
      'outbox_messages',
      'audit_events',
    ];
    const snapshot = async () =>
      (await sql(`select ${tables.map((t) => `(select count(*) from ${t})`).join(' + ')} as n`))[0].n;
    const before = await snapshot();
    for (const [name, mutation, input] of forms.slice(1)) {
      const refused = await pub.gql(mutation, { i: input });
      expect([name, errorCode(refused)]).toEqual([name, 'RATE_LIMITED']);
      retryHint(refused);
    }
    expect(await snapshot()).toBe(before);

    // Checkout without a login (a pending order and a provider session each): its own allowance.
    const CHECKOUT = 'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId } }';
    const order = {
      agency: 'jj-media',
      packageId,
      interval: 'MONTHLY',
      currency: 'SEK',
      provider: 'STRIPE',
      buyer: { name: 'Flood', email, country: 'SE' },
    };
    let checkout = await pub.gql(CHECKOUT, { i: order });
    let tries = 1;
    while (errorCode(checkout) !== 'RATE_LIMITED' && tries <= CHECKOUTS_PER_10_MIN) {
      expect(errorCode(checkout)).not.toBe('INTERNAL_SERVER_ERROR');
      tries++;
      checkout = await pub.gql(CHECKOUT, { i: order });
    }
    expect(tries).toBe(CHECKOUTS_PER_10_MIN + 1);
    const beforeRefusal = await snapshot();
    retryHint(await pub.gql(CHECKOUT, { i: order }));
    expect(await snapshot()).toBe(beforeRefusal);
  });
});

describe('in production: no introspection, no suggestions anywhere', () => {
  let production: DemoApp;
  let url: string;

  beforeAll(async () => {
    production = await startProductionDemoApp();
    url = production.url;
  }, 60_000);
  afterAll(() => production?.stop());

  it('__type and __schema probes are refused (S3 covers the plain __schema query)', async () => {
    for (const query of ['{ __type(name: "User") { fields { name } } }', '{ a: __schema { queryType { name } } }']) {
      const res = await new ApiClient(url).gql(query);
      expect(res.status).toBe(400);
      expect(res.errors?.[0].message).toMatch(/introspection/i);
      expect(res.data).toBeUndefined();
    }
  });

  it('no "Did you mean" for a mistyped argument, enum value, type or input field (S3 covers fields)', async () => {
    const client = new ApiClient(url);
    const probes: Array<[string, Record<string, unknown>?]> = [
      ['{ health(statu: 1) { status } }'],
      ['{ users(filter: { status: ACTIV }) { totalCount } }'],
      ['query($f: UserFiltr) { users(filter: $f) { totalCount } }'],
      ['mutation($i: LoginInput!) { login(input: $i) { role } }', { i: { emai: 'a@b.se', password: 'x' } }],
      ['mutation($i: LoginInput!) { login(input: $i) { role } }', { i: 'not an object' }],
    ];
    for (const [query, variables] of probes) {
      const res = await client.gql(query, variables);
      expect(res.errors).toBeDefined();
      const text = res.errors!.map((e) => e.message).join('\n');
      expect(`${query}: ${text}`).not.toMatch(/did you mean/i);
    }
  });
});
