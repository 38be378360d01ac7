// Issue 17: each agency's own payment accounts (M11), their secrets (S31) and webhooks (S32). The
// two demo agencies have different (fake) accounts at Stripe, Mollie and PayPal, served behind one
// address per provider and told apart by key; the installation-wide keys are not set at all.
import { demoPaymentAccounts } from '@sitecare/seeds';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';
import {
  startFakeMollieAccounts,
  startFakePayPalAccounts,
  startFakeStripeAccounts,
  type FakeAccounts,
} from '../support/fake-payments/accounts';
import type { FakeMollie } from '../support/fake-payments/mollie';
import type { FakePayPal } from '../support/fake-payments/paypal';
import type { FakeStripe, FakeStripeEvent } from '../support/fake-payments/stripe';
import { REPO_ROOT, startSitecareProcess, type SitecareProcess } from '../support/sitecare-process';
import { startSmtp, type LocalSmtp } from '../support/smtp';

type Slug = keyof typeof demoPaymentAccounts;
const AGENCIES = Object.keys(demoPaymentAccounts) as Slug[];
const other = (slug: Slug): Slug => AGENCIES.find((s) => s !== slug)!;

let stripe: FakeAccounts<FakeStripe>;
let mollie: FakeAccounts<FakeMollie> & { apiEndpoint: string };
let paypal: FakeAccounts<FakePayPal>;
let relay: LocalSmtp;
let demo: DemoApp;
let env: Record<string, string>;
/** Every GraphQL answer and error this suite saw, scanned for secrets at the end. */
const answers: string[] = [];
const RELAY_LOGIN = { user: 'jj-relay', pass: 'relay-password-JJ-Media-2026!' };

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);
const pick = <K extends 'stripe' | 'mollie' | 'paypal'>(k: K) =>
  Object.fromEntries(AGENCIES.map((s) => [s, demoPaymentAccounts[s][k]])) as Record<
    Slug,
    (typeof demoPaymentAccounts)[Slug][K]
  >;

beforeAll(async () => {
  [stripe, mollie, paypal, relay] = await Promise.all([
    startFakeStripeAccounts(pick('stripe')),
    startFakeMollieAccounts(pick('mollie')),
    startFakePayPalAccounts(pick('paypal')),
    startSmtp(RELAY_LOGIN),
  ]);
  env = {
    STRIPE_API_BASE: stripe.baseUrl,
    MOLLIE_API_BASE: mollie.apiEndpoint,
    PAYPAL_API_BASE: paypal.baseUrl,
    NODE_TLS_REJECT_UNAUTHORIZED: '0', // the fake Mollie's self-signed certificate, for the server only
  };
  demo = await startDemoApp(env);
}, 60_000);
afterAll(async () => {
  await demo?.stop();
  await Promise.all([stripe?.close(), mollie?.close(), paypal?.close(), relay?.close()]);
});

/** A GraphQL call whose whole answer is kept for the secret scan. */
async function gql(client: ApiClient, query: string, variables?: Record<string, unknown>) {
  const res = await client.gql(query, variables);
  answers.push(JSON.stringify(res));
  return res;
}
async function ok(client: ApiClient, query: string, variables?: Record<string, unknown>) {
  const res = await gql(client, query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

const requestsOf = (fake: { requests: unknown[] }) => fake.requests.length;

interface Driver {
  provider: 'STRIPE' | 'MOLLIE' | 'PAYPAL';
  packageName: string;
  currency: string;
  interval: 'MONTHLY' | 'YEARLY';
  fake(slug: Slug): { requests: { method: string; path: string }[] };
  /** Whether `slug`'s account holds the checkout (session, payment, order) `reference`. */
  holds(slug: Slug, reference: string): boolean;
  pay(slug: Slug, reference: string): Promise<void>;
  settle(slug: Slug, reference: string): Promise<void>;
  refunds(slug: Slug): number;
}

async function deliverStripe(slug: Slug, event: FakeStripeEvent, to: Slug = slug) {
  const { body, headers } = stripe.of(slug).signedDelivery(event);
  const res = await fetch(`${demo.url}/webhooks/stripe/${to}`, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as { outcome?: string } };
}

const drivers: Driver[] = [
  {
    provider: 'STRIPE',
    packageName: 'Plus',
    currency: 'SEK',
    interval: 'MONTHLY',
    fake: (slug) => stripe.of(slug),
    holds: (slug, ref) => stripe.of(slug).getSession(ref) !== undefined,
    pay: async (slug, ref) => {
      expect(await deliverStripe(slug, stripe.of(slug).completeSession(ref))).toMatchObject({ status: 200 });
    },
    settle: async () => undefined,
    refunds: (slug) => stripe.of(slug).requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds').length,
  },
  {
    provider: 'MOLLIE',
    packageName: 'Basic',
    currency: 'EUR',
    interval: 'YEARLY',
    fake: (slug) => mollie.of(slug),
    holds: (slug, ref) => mollie.of(slug).getPayment(ref) !== undefined,
    pay: async (slug, ref) => {
      mollie.of(slug).setStatus(ref, 'paid', { method: 'creditcard' });
      expect(await mollie.of(slug).callWebhook(ref)).toBe(200);
    },
    settle: async (slug, ref) => {
      mollie.of(slug).setStatus(ref, 'paid');
      expect(await mollie.of(slug).callWebhook(ref)).toBe(200);
    },
    refunds: (slug) => mollie.of(slug).requests.filter((r) => r.method === 'POST' && /\/refunds$/.test(r.path)).length,
  },
  {
    provider: 'PAYPAL',
    packageName: 'Premium',
    currency: 'USD',
    interval: 'MONTHLY',
    fake: (slug) => paypal.of(slug),
    holds: (slug, ref) => paypal.of(slug).getOrder(ref) !== undefined,
    pay: async (slug, ref) => {
      paypal.of(slug).approve(ref);
      const approved = paypal
        .of(slug)
        .events.filter((e) => e.event_type === 'CHECKOUT.ORDER.APPROVED')
        .pop()!;
      expect(await paypal.of(slug).deliver(`${demo.url}/webhooks/paypal/${slug}`, approved, { valid: true })).toBe(200);
    },
    settle: async () => undefined,
    refunds: (slug) => paypal.of(slug).requests.filter((r) => r.method === 'POST' && /\/refund$/.test(r.path)).length,
  },
];

const CHECKOUT = 'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId orderNumber redirectUrl } }';
const CONSENT = 'I agree that the package renews and is charged each period until I cancel.';

async function buy(d: Driver, slug: Slug, email: string, recurring = true) {
  const [{ id: packageId }] = await sql(
    `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = $1 and p.name_en = $2`,
    [slug, d.packageName],
  );
  return gql(new ApiClient(demo.url), CHECKOUT, {
    i: {
      agency: slug,
      packageId,
      interval: d.interval,
      currency: d.currency,
      provider: d.provider,
      ...(recurring ? { recurring: true, recurringConsentText: CONSENT } : {}),
      buyer: { name: 'Agency Buyer', email, country: 'SE', preferredLanguage: 'en' },
    },
  });
}
const paymentRef = async (orderId: string) =>
  (
    await sql(`select provider_reference from payments where order_id = $1 order by created_at desc limit 1`, [orderId])
  )[0].provider_reference as string;
const orderStatus = async (orderId: string) =>
  (await sql(`select status from orders where id = $1`, [orderId]))[0].status as string;

describe.each(drivers)('M11: each agency pays into its own $provider account', (d) => {
  describe.each(AGENCIES)('%s', (slug) => {
    const email = `${d.provider.toLowerCase()}.${slug}@buyer.example.com`;
    let orderId: string;

    it(`M11: ${slug}'s buyer pays into ${slug}'s ${d.provider} account and never the other agency's`, async () => {
      const before = requestsOf(d.fake(other(slug)));
      const res = await buy(d, slug, email);
      expect(res.errors).toBeUndefined();
      orderId = res.data!.checkout.orderId;
      const reference = await paymentRef(orderId);
      expect(d.holds(slug, reference)).toBe(true);
      expect(d.holds(other(slug), reference)).toBe(false);
      await d.pay(slug, reference);
      expect(await orderStatus(orderId)).toBe('PAID');
      expect(requestsOf(d.fake(other(slug)))).toBe(before);
    });

    it(`M11: ${slug}'s renewal is charged through ${slug}'s ${d.provider} account only`, async () => {
      const before = requestsOf(d.fake(other(slug)));
      const mine = requestsOf(d.fake(slug));
      const [{ id: subscriptionId }] = await sql(`select id from subscriptions where first_order_id = $1`, [orderId]);
      await sql(`update subscriptions set next_renewal_at = now() - interval '1 minute' where id = $1`, [
        subscriptionId,
      ]);
      expect(await runCli(demo, ['subscriptions:renew'], { ...env, PUBLIC_URL: demo.url })).toContain(
        'renewal orders placed: 1',
      );
      const [renewal] = await sql(
        `select id from orders where subscription_id = $1 order by period_start desc limit 1`,
        [subscriptionId],
      );
      const reference = await paymentRef(renewal.id);
      expect(d.holds(other(slug), reference)).toBe(false);
      await d.settle(slug, reference);
      expect(await orderStatus(renewal.id)).toBe('PAID');
      expect(requestsOf(d.fake(slug))).toBeGreaterThan(mine);
      expect(requestsOf(d.fake(other(slug)))).toBe(before);
    });

    it(`M11: ${slug}'s refund goes through ${slug}'s ${d.provider} account only`, async () => {
      const theirs = d.refunds(other(slug));
      const mine = d.refunds(slug);
      const admin = await as(demo.url, slug, 'ADMIN');
      const refunded = await ok(
        admin,
        'mutation($id: UUID!, $i: OrderRefundInput!) { orderRefund(id: $id, input: $i) { status } }',
        { id: orderId, i: { reason: 'Goodwill' } },
      );
      expect(refunded.orderRefund.status).toBe('REFUNDED');
      expect(d.refunds(slug)).toBe(mine + 1);
      expect(d.refunds(other(slug))).toBe(theirs);
    });
  });
});

describe('S32: webhooks per agency', () => {
  const waiting = async (d: Driver, slug: Slug) => {
    const res = await buy(d, slug, `forgery.${d.provider.toLowerCase()}.${slug}@buyer.example.com`, false);
    const orderId = res.data!.checkout.orderId as string;
    return { orderId, reference: await paymentRef(orderId) };
  };
  const ledger = async (eventId: string) =>
    (await sql(`select outcome from webhook_events where event_id = $1`, [eventId]))[0]?.outcome as string | undefined;

  it("M11, S32: a Stripe event signed for jj-media posted to nordvik-webbyra's URL is refused and changes nothing", async () => {
    const { orderId, reference } = await waiting(drivers[0], 'jj-media');
    const event = stripe.of('jj-media').completeSession(reference);
    expect(await deliverStripe('jj-media', event, 'nordvik-webbyra')).toEqual({
      status: 400,
      body: { error: 'invalid signature' },
    });
    expect(await ledger(event.id)).toBeUndefined();
    expect(await orderStatus(orderId)).toBe('PENDING_PAYMENT');
    // Its own URL takes it.
    expect((await deliverStripe('jj-media', event)).body.outcome).toBe('paid');
  });

  it("M11, S32: an event signed with nordvik-webbyra's secret about jj-media's payment is recorded as refused and changes nothing", async () => {
    const { orderId, reference } = await waiting(drivers[0], 'jj-media');
    // nordvik-webbyra's admin knows its own signing secret: it can sign anything, about anyone's session.
    const forged = stripe.of('jj-media').completeSession(reference);
    const res = await deliverStripe('nordvik-webbyra', forged, 'nordvik-webbyra');
    expect(res).toEqual({ status: 200, body: { received: true, outcome: 'refused:other-agency' } });
    expect(await ledger(forged.id)).toBe('refused:other-agency');
    expect(await orderStatus(orderId)).toBe('PENDING_PAYMENT');
    const [{ n }] = await sql(
      `select count(*)::int as n from audit_events a join tenants t on t.id = a.tenant_id
        where t.slug = 'nordvik-webbyra' and a.action = 'payment.webhook_refused' and a.outcome = 'DENIED'`,
    );
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it("M11, S32: jj-media's Mollie payment id posted to nordvik-webbyra's URL is unknown to its account and changes nothing", async () => {
    const { orderId, reference } = await waiting(drivers[1], 'jj-media');
    mollie.of('jj-media').setStatus(reference, 'paid', { method: 'creditcard' });
    const res = await fetch(`${demo.url}/webhooks/mollie/nordvik-webbyra`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `id=${reference}`,
    });
    expect(await res.json()).toEqual({ received: true, outcome: 'unknown' });
    expect(await orderStatus(orderId)).toBe('PENDING_PAYMENT');
    expect(await mollie.of('jj-media').callWebhook(reference)).toBe(200); // its own URL
    expect(await orderStatus(orderId)).toBe('PAID');
  });

  it("M11, S32: a PayPal delivery for jj-media posted to nordvik-webbyra's URL fails verification there and changes nothing", async () => {
    const { orderId, reference } = await waiting(drivers[2], 'jj-media');
    paypal.of('jj-media').approve(reference);
    const approved = paypal
      .of('jj-media')
      .events.filter((e) => e.event_type === 'CHECKOUT.ORDER.APPROVED')
      .pop()!;
    expect(
      await paypal.of('jj-media').deliver(`${demo.url}/webhooks/paypal/nordvik-webbyra`, approved, { valid: true }),
    ).toBe(400);
    expect(await ledger(approved.id)).toBeUndefined();
    expect(await orderStatus(orderId)).toBe('PENDING_PAYMENT');
  });

  it('M11, S32: the URLs without an agency answer only a single-agency installation; an unknown agency is 404', async () => {
    for (const provider of ['stripe', 'mollie', 'paypal']) {
      expect((await fetch(`${demo.url}/webhooks/${provider}`, { method: 'POST', body: '{}' })).status).toBe(404);
      expect(
        (await fetch(`${demo.url}/webhooks/${provider}/no-such-agency`, { method: 'POST', body: '{}' })).status,
      ).toBe(404);
    }
  });
});

const ACCOUNTS = `{ tenant { paymentAccounts { provider connected offered environment webhookPath
  secrets { field set last4 verifiedAt } } } }`;

describe('S31: connecting payment accounts', () => {
  it('M11, S31: the API shows set / last 4 / verified at and the webhook path; never a secret; admins only', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const { tenant } = await ok(admin, ACCOUNTS);
    const stripeAccount = tenant.paymentAccounts.find((a: { provider: string }) => a.provider === 'STRIPE');
    expect(stripeAccount).toMatchObject({
      connected: true,
      offered: true,
      webhookPath: '/webhooks/stripe/jj-media',
      secrets: [
        { field: 'secretKey', set: true, last4: demoPaymentAccounts['jj-media'].stripe.secretKey.slice(-4) },
        { field: 'webhookSecret', set: true },
      ],
    });
    expect(tenant.paymentAccounts.find((a: { provider: string }) => a.provider === 'PAYPAL').environment).toBe(
      'sandbox',
    );
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect(errorCode(await gql(employee, ACCOUNTS))).toBe('FORBIDDEN');
    expect(errorCode(await gql(employee, 'mutation { tenantPaymentAccountRemove(provider: STRIPE) { id } }'))).toBe(
      'FORBIDDEN',
    );
  });

  it('M11, S31: a key the provider refuses is BAD_USER_INPUT naming the field, and nothing is stored', async () => {
    const admin = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const stored = () => sql(`select name, ciphertext from agency_secrets order by name, ciphertext`);
    const before = await stored();
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'mutation($i: StripeAccountInput!) { tenantStripeAccountSet(input: $i) { id } }',
        { secretKey: 'sk_test_refused_by_stripe_0001', webhookSecret: 'whsec_refused_0001' },
        'secretKey',
      ],
      [
        'mutation($i: MollieAccountInput!) { tenantMollieAccountSet(input: $i) { id } }',
        { apiKey: `test_${'r'.repeat(30)}` },
        'apiKey',
      ],
      [
        'mutation($i: PayPalAccountInput!) { tenantPayPalAccountSet(input: $i) { id } }',
        { clientId: 'refused-client', clientSecret: 'refused-secret-0001', webhookId: 'WH-REFUSED' },
        'clientSecret',
      ],
      [
        'mutation($i: StripeAccountInput!) { tenantStripeAccountSet(input: $i) { id } }',
        { secretKey: 'not-a-stripe-key', webhookSecret: 'whsec_x1234567' },
        'secretKey',
      ],
    ];
    for (const [mutation, input, field] of cases) {
      const res = await gql(admin, mutation, { i: input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await stored()).toEqual(before);
  });

  it('M11: an agency that disconnects a provider no longer offers it; reconnecting (verified) offers it again', async () => {
    const admin = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const offered = async () =>
      (await ok(new ApiClient(demo.url), '{ paymentProvidersOffered(agency: "nordvik-webbyra") }'))
        .paymentProvidersOffered;
    expect(await offered()).toEqual(['STRIPE', 'PAYPAL', 'MOLLIE']);
    await ok(admin, 'mutation { tenantPaymentAccountRemove(provider: MOLLIE) { id } }');
    expect(await offered()).toEqual(['STRIPE', 'PAYPAL']);
    const refused = await buy(drivers[1], 'nordvik-webbyra', 'no-mollie@buyer.example.com', false);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provider' });
    const key = demoPaymentAccounts['nordvik-webbyra'].mollie.apiKey;
    const { tenantMollieAccountSet } = await ok(
      admin,
      `mutation($i: MollieAccountInput!) { tenantMollieAccountSet(input: $i) {
        paymentAccounts { provider connected secrets { field set last4 verifiedAt } } } }`,
      { i: { apiKey: key } },
    );
    const account = tenantMollieAccountSet.paymentAccounts.find((a: { provider: string }) => a.provider === 'MOLLIE');
    expect(account.connected).toBe(true);
    expect(account.secrets[0]).toMatchObject({ field: 'apiKey', set: true, last4: key.slice(-4) });
    expect(account.secrets[0].verifiedAt).toEqual(expect.any(String));
    expect(await offered()).toEqual(['STRIPE', 'PAYPAL', 'MOLLIE']);
    const [audit] = await sql(
      `select detail from audit_events where action = 'tenant.paymentAccount.connect' order by created_at desc limit 1`,
    );
    expect(audit.detail).toEqual({ provider: 'MOLLIE', changed: ['apiKey'] });
  });

  it('M11: the agency saves its own SMTP relay too (for the rotation below)', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    await ok(
      admin,
      'mutation($i: AgencySmtpRelayInput!) { tenantSmtpRelaySet(input: $i) { smtpRelay { passwordSet } } }',
      {
        i: {
          host: '127.0.0.1',
          port: Number(new URL(relay.url).port),
          user: RELAY_LOGIN.user,
          password: RELAY_LOGIN.pass,
          fromAddress: 'billing@jj-media.example.com',
        },
      },
    );
  });
});

describe('S31: no secret leaves', () => {
  it('M11, S31: after the full flows no query answer, log line, audit detail, ledger row or error contains a saved secret', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    await ok(admin, ACCOUNTS);
    await ok(admin, '{ auditEvents(page: { take: 100 }) { nodes { action detail } } }');
    await ok(admin, '{ outboxMessages(page: { take: 100 }) { nodes { template subject } } }');
    const secrets = [
      ...AGENCIES.flatMap((s) => Object.values(demoPaymentAccounts[s]).flatMap((a) => Object.values(a) as string[])),
      'sk_test_refused_by_stripe_0001',
      'whsec_refused_0001',
      'refused-secret-0001',
      RELAY_LOGIN.pass,
    ].filter((s) => !/^(WH-|demo-.*-client$)/.test(s)); // PayPal's client and webhook ids are not secrets
    const audit = JSON.stringify(await sql(`select action, detail from audit_events`));
    const ledger = JSON.stringify(await sql(`select * from webhook_events`));
    const stored = JSON.stringify(await sql(`select * from agency_secrets`));
    const logs = demo.app.output();
    expect(logs.length).toBeGreaterThan(0);
    const leaks = secrets.flatMap((secret) =>
      [
        ['answers', answers.join('\n')],
        ['logs', logs],
        ['audit', audit],
        ['ledger', ledger],
        ['agency_secrets (sealed)', stored],
      ]
        .filter(([, text]) => text.includes(secret))
        .map(([where]) => `${secret.slice(0, 6)}… in ${where}`),
    );
    expect(leaks).toEqual([]);
  });
});

describe('S31: rotate-keys', () => {
  let app: SitecareProcess | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('M11, S31: rotate-keys rewraps the agency secrets (payment accounts and SMTP relay); a wrong key fails closed', async () => {
    await demo.app.stop();
    const oldKey = demo.db.env.CREDENTIALS_KEY;
    const newKey = Buffer.alloc(32, 0x5c).toString('base64');
    const rotated = {
      ...demo.db.env,
      CREDENTIALS_KEY: newKey,
      CREDENTIALS_KEY_VERSION: '2',
      CREDENTIALS_PREVIOUS_KEYS: `1:${oldKey}`,
    };
    const cli = (vars: Record<string, string>) =>
      promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'server', 'dist', 'cli.js'), 'rotate-keys'], {
        env: { PATH: process.env.PATH, ...vars, LOG_LEVEL: 'silent' },
      });
    const { stdout } = await cli(rotated);
    expect(stdout).toMatch(/rewrapped \d+ secrets under key version 2/);
    const rows = await sql(`select distinct name, key_version from agency_secrets order by name`);
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'mollie.apiKey',
        'paypal.clientSecret',
        'smtp.password',
        'stripe.secretKey',
        'stripe.webhookSecret',
      ]),
    );
    expect(new Set(rows.map((r) => r.key_version))).toEqual(new Set([2]));

    // The old key retired: jj-media's Stripe account still opens, and a checkout goes into it.
    app = await startSitecareProcess({
      ...demo.db.env,
      ...env,
      CREDENTIALS_KEY: newKey,
      CREDENTIALS_KEY_VERSION: '2',
      SITECARE_DEMO: 'false',
    });
    demo.url = app.url;
    const res = await buy(drivers[0], 'jj-media', 'after-rotation@buyer.example.com', false);
    expect(res.errors).toBeUndefined();
    expect(drivers[0].holds('jj-media', await paymentRef(res.data!.checkout.orderId))).toBe(true);
    await app.stop();

    // A wrong key (same version, other bytes): nothing opens, no provider is called, nothing leaks.
    const wrong = Buffer.alloc(32, 0x11).toString('base64');
    app = await startSitecareProcess({
      ...demo.db.env,
      ...env,
      CREDENTIALS_KEY: wrong,
      CREDENTIALS_KEY_VERSION: '2',
      SITECARE_DEMO: 'false',
    });
    demo.url = app.url;
    const calls = stripe.of('jj-media').requests.length;
    const failed = await buy(drivers[0], 'jj-media', 'wrong-key@buyer.example.com', false);
    expect(failed.errors).toBeDefined();
    expect(failed.data?.checkout ?? null).toBeNull();
    expect(stripe.of('jj-media').requests.length).toBe(calls);
    expect(
      (
        await sql(
          `select count(*)::int as n from orders o join contacts c on c.id = o.contact_id where c.email = 'wrong-key@buyer.example.com'`,
        )
      )[0].n,
    ).toBe(0);
    await expect(
      cli({
        ...demo.db.env,
        CREDENTIALS_KEY: wrong,
        CREDENTIALS_KEY_VERSION: '3',
        CREDENTIALS_PREVIOUS_KEYS: `2:${Buffer.alloc(32, 0x22).toString('base64')}`,
      }),
    ).rejects.toThrow();
    const text = JSON.stringify(failed) + app.output();
    for (const s of Object.values(demoPaymentAccounts['jj-media'].stripe)) expect(text).not.toContain(s);
  });
});
