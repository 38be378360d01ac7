// S27: a bounded mixed load on loopback (real HTTP, several roles in two agencies): employees reply to
// tickets, customers order care packages and change consents, admins page through lists. Every write
// carries a unique marker; every acknowledged write (2xx, no GraphQL error) must be in the database
// exactly once afterwards, and no request may fail. `pnpm test` runs the short version; `pnpm
// test:load` (SITECARE_LOAD=full) the long one: 50 clients for 60 s. The lists the admins were shown
// must hold their own agency's rows only: no tenant setting leaks between pooled connections under load.
import type { DemoRole } from '@sitecare/seeds';
import { queryAs } from '../../server/src/testing/database';
import { as, type ApiClient, type GraphQLResponse } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { startFakeStripe, type FakeStripe } from '../support/fake-payments/stripe';

const FULL = process.env.SITECARE_LOAD === 'full';
const LOAD = FULL
  ? { clients: 50, seconds: 60, maxRequestsPerClient: 5_000 }
  : { clients: 10, seconds: 12, maxRequestsPerClient: 1_000 };

let stripe: FakeStripe;
let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: 'whsec_sitecare_load' });
  demo = await startDemoApp({
    STRIPE_SECRET_KEY: 'sk_test_sitecare',
    STRIPE_WEBHOOK_SECRET: 'whsec_sitecare_load',
    STRIPE_API_BASE: stripe.baseUrl,
    // Room for the clients: the default pool (10) would only queue them; both are real settings.
    DATABASE_POOL_MAX: FULL ? '20' : '10',
    LOG_LEVEL: 'warn',
  });
}, 60_000);
afterAll(async () => {
  await demo?.stop();
  await stripe?.close();
});

const REPLY = 'mutation($t: UUID!, $i: TicketMessageInput!) { ticketMessageCreate(ticketId: $t, input: $i) { id } }';
const CHECKOUT = 'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId } }';
const CONSENT = 'mutation($i: ConsentChoiceInput!) { myConsentSet(input: $i) { decision } }';
const LISTS = [
  '{ customers(page: { take: 25 }) { totalCount nodes { id name contacts { id email } } } }',
  '{ supportTickets(page: { take: 25 }) { totalCount nodes { id subject customer { name } } } }',
  '{ orders(page: { take: 25 }) { totalCount nodes { id number status } } }',
];

type WriteKind = 'reply' | 'order' | 'consent';
interface Tally {
  requests: number;
  byStatus: Map<number, number>;
  errorsByCode: Map<string, number>;
  acknowledged: Record<WriteKind, Set<string>>;
}

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/** Sends one request and counts its outcome; true when it succeeded without a GraphQL error. */
async function send(tally: Tally, request: () => Promise<GraphQLResponse>): Promise<boolean> {
  tally.requests++;
  let res: GraphQLResponse;
  try {
    res = await request();
  } catch (error) {
    bump(tally.errorsByCode, `NETWORK ${(error as Error).message}`);
    return false;
  }
  bump(tally.byStatus, res.status);
  for (const e of res.errors ?? []) bump(tally.errorsByCode, String(e.extensions?.code ?? 'NONE'));
  return res.status >= 200 && res.status < 300 && !res.errors?.length;
}

/** The work one client does in a loop; `marker` is unique to the request. */
type Job = (client: ApiClient, marker: string, i: number) => { kind?: WriteKind; run: () => Promise<GraphQLResponse> };

async function plusPackage(slug: string): Promise<string> {
  const [row] = await sql(
    `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = $1 and p.name_en = 'Plus'`,
    [slug],
  );
  return row.id;
}
async function ticketIds(slug: string): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `select s.id from support_tickets s join tenants t on t.id = s.tenant_id where t.slug = $1`,
    [slug],
  );
  return rows.map((r) => r.id);
}

/** Ids each agency's admins were shown in lists under load, by table: checked against the rows' tenants afterwards. */
const shown = new Map<string, Map<string, Set<string>>>();
function remember(slug: string, data: Record<string, any> | null | undefined) {
  const tables = { customers: 'customers', supportTickets: 'support_tickets', orders: 'orders' } as const;
  for (const [field, table] of Object.entries(tables)) {
    for (const node of data?.[field]?.nodes ?? []) {
      const bySlug = shown.get(slug) ?? shown.set(slug, new Map()).get(slug)!;
      (bySlug.get(table) ?? bySlug.set(table, new Set()).get(table)!).add(node.id);
    }
  }
}

async function jobsFor(slug: string): Promise<Array<{ role: DemoRole; job: Job }>> {
  const [tickets, packageId] = await Promise.all([ticketIds(slug), plusPackage(slug)]);
  expect(tickets.length).toBeGreaterThan(0);
  const reply: Job = (client, marker, i) => ({
    kind: 'reply',
    run: () => client.gql(REPLY, { t: tickets[i % tickets.length], i: { body: `Svar ${marker}` } }),
  });
  const customer: Job = (client, marker, i) =>
    i % 2 === 0
      ? {
          kind: 'order',
          run: () =>
            client.gql(CHECKOUT, {
              i: {
                packageId,
                interval: 'MONTHLY',
                currency: 'SEK',
                provider: 'STRIPE',
                siteDomain: `${marker}.example.com`,
              },
            }),
        }
      : {
          kind: 'consent',
          run: () =>
            client.gql(CONSENT, {
              i: { purposeKey: 'newsletter', channel: 'EMAIL', granted: i % 4 === 1, wording: `Samtycke ${marker}` },
            }),
        };
  const lists: Job = (client, _marker, i) => ({
    run: async () => {
      const res = await client.gql(LISTS[i % LISTS.length]);
      remember(slug, res.data);
      return res;
    },
  });
  return [
    { role: 'EMPLOYEE', job: reply },
    { role: 'CUSTOMER', job: customer },
    { role: 'ADMIN', job: lists },
  ];
}

describe('S27: bounded load with proof that nothing is lost', () => {
  it(`S27: ${LOAD.clients} clients for ${LOAD.seconds} s: no request fails and every acknowledged write is stored exactly once`, async () => {
    const roles = [...(await jobsFor('jj-media')), ...(await jobsFor('nordvik-webbyra'))];
    const slugs = ['jj-media', 'jj-media', 'jj-media', 'nordvik-webbyra', 'nordvik-webbyra', 'nordvik-webbyra'];
    const tally: Tally = {
      requests: 0,
      byStatus: new Map(),
      errorsByCode: new Map(),
      acknowledged: { reply: new Set(), order: new Set(), consent: new Set() },
    };
    // Log in first (each client its own session), then start every client at once.
    const clients = await Promise.all(
      Array.from({ length: LOAD.clients }, async (_, n) => {
        const { role, job } = roles[n % roles.length];
        return { client: await as(demo.url, slugs[n % roles.length], role), job };
      }),
    );
    const run = `load${Date.now().toString(36)}`;
    const started = performance.now();
    const deadline = started + LOAD.seconds * 1000;
    await Promise.all(
      clients.map(async ({ client, job }, n) => {
        for (let i = 0; i < LOAD.maxRequestsPerClient && performance.now() < deadline; i++) {
          const marker = `${run}-${n}-${i}`;
          const { kind, run: request } = job(client, marker, i);
          if ((await send(tally, request)) && kind) tally.acknowledged[kind].add(marker);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    // What the database holds, per marker: each acknowledged write exactly once.
    const counts = async (text: string) =>
      new Map((await sql<{ marker: string; n: number }>(text, [`${run}-%`])).map((r) => [r.marker, r.n]));
    const found = {
      reply: await counts(
        `select substring(body from 6) as marker, count(*)::int as n from ticket_messages where body like 'Svar ' || $1 group by 1`,
      ),
      order: await counts(
        `select substring(description from '– (.*)\\.example\\.com$') as marker, count(*)::int as n
           from order_lines where description like '%– ' || $1 group by 1`,
      ),
      consent: await counts(
        `select substring(wording from 10) as marker, count(*)::int as n from consent_events where wording like 'Samtycke ' || $1 group by 1`,
      ),
    };
    const acknowledged = Object.values(tally.acknowledged).reduce((sum, s) => sum + s.size, 0);
    const stored = Object.values(found).reduce((sum, m) => sum + m.size, 0);
    console.log(
      [
        `S27 (${FULL ? 'full' : 'short'}): ${LOAD.clients} clients, ${tally.requests} requests served in ${seconds.toFixed(1)} s ` +
          `(${(tally.requests / seconds).toFixed(0)} req/s)`,
        `  HTTP status: ${JSON.stringify(Object.fromEntries(tally.byStatus))}`,
        `  errors by code: ${JSON.stringify(Object.fromEntries(tally.errorsByCode))}`,
        `  writes acknowledged ${acknowledged} (replies ${tally.acknowledged.reply.size}, orders ${tally.acknowledged.order.size}, ` +
          `consents ${tally.acknowledged.consent.size}); found in the database ${stored}`,
      ].join('\n'),
    );

    expect([...tally.byStatus.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(Object.fromEntries(tally.errorsByCode)).toEqual({}); // no INTERNAL_SERVER_ERROR, nothing at all
    for (const kind of ['reply', 'order', 'consent'] as const) {
      expect(tally.acknowledged[kind].size).toBeGreaterThan(0);
      for (const marker of tally.acknowledged[kind]) expect([marker, found[kind].get(marker)]).toEqual([marker, 1]);
      // Nothing the server did not acknowledge was stored either: every request was acknowledged.
      expect(found[kind].size).toBe(tally.acknowledged[kind].size);
    }
    // Under concurrency no pooled connection carried one agency's tenant into another's request.
    expect(shown.size).toBe(2);
    for (const [slug, tables] of shown) {
      for (const [table, ids] of tables) {
        const foreign = await sql(
          `select x.id from ${table} x join tenants t on t.id = x.tenant_id where x.id = any($1::uuid[]) and t.slug <> $2`,
          [[...ids], slug],
        );
        expect([slug, table, foreign]).toEqual([slug, table, []]);
      }
    }
  }, 180_000);
});
