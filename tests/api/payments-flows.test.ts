// The whole life of a care-package purchase, once per provider, against the local fakes with real
// mail over SMTP (P15, P16, P20): checkout → the provider's page → its webhook → order paid → the
// receipt and the invitation arrive at the SMTP server; the portal shows the order; the renewal is
// charged through the payment method the provider kept; a new method on the provider's own page is
// used for the next renewal; an admin's refund goes through the provider and the buyer is told.
import { demoPaymentAccounts } from '@sitecare/seeds';
import type { ParsedMail } from 'mailparser';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as } from '../support/api-client';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';
import { startFakeMollie, type FakeMollie } from '../support/fake-payments/mollie';
import { startFakePayPal, type FakePayPal } from '../support/fake-payments/paypal';
import { startFakeStripe, type FakeStripe, type FakeStripeEvent } from '../support/fake-payments/stripe';
import { startSmtp, type LocalSmtp } from '../support/smtp';

// Issue 17: the demo agencies' own (fake) accounts: Stripe and PayPal of jj-media, Mollie of nordvik-webbyra.
const STRIPE_SECRET = demoPaymentAccounts['jj-media'].stripe.webhookSecret;
const MOLLIE_KEY = demoPaymentAccounts['nordvik-webbyra'].mollie.apiKey;
const PAYPAL = demoPaymentAccounts['jj-media'].paypal;
const PAYPAL_WEBHOOK = PAYPAL.webhookId;
let stripe: FakeStripe;
let mollie: FakeMollie;
let paypal: FakePayPal;
let smtp: LocalSmtp;
let demo: DemoApp;
let env: Record<string, string>;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  [stripe, mollie, paypal, smtp] = await Promise.all([
    startFakeStripe({ webhookSecret: STRIPE_SECRET }),
    startFakeMollie({ apiKey: MOLLIE_KEY }),
    startFakePayPal({ webhookId: PAYPAL_WEBHOOK, clientId: PAYPAL.clientId, clientSecret: PAYPAL.clientSecret }),
    startSmtp(),
  ]);
  env = {
    STRIPE_API_BASE: stripe.baseUrl,
    MOLLIE_API_BASE: mollie.apiEndpoint,
    NODE_TLS_REJECT_UNAUTHORIZED: '0', // the fake Mollie's self-signed certificate, for the server only
    PAYPAL_API_BASE: paypal.baseUrl,
  };
  demo = await startDemoApp({
    ...env,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Sitecare <no-reply@sitecare.example.com>',
  });
});
afterAll(async () => {
  await demo?.stop();
  await Promise.all([stripe?.close(), mollie?.close(), paypal?.close(), smtp?.close()]);
});

/** What differs per provider: how the buyer pays on its page, and what it was charged with. */
interface Driver {
  provider: 'STRIPE' | 'MOLLIE' | 'PAYPAL';
  agency: string;
  packageName: string;
  currency: string;
  interval: 'MONTHLY' | 'YEARLY';
  language: 'sv' | 'en';
  subjects: { receipt: string; renewed: string; methodChanged: string; refunded: string };
  /** The buyer pays on the provider's page and the provider tells us (webhook). */
  pay(reference: string): Promise<void>;
  /** A renewal charge the provider settles later (Mollie) is settled and reported. */
  settle(reference: string): Promise<void>;
  /** The customer finishes a payment-method change on the provider's page. */
  completeMethodChange(reference: string, subscriptionId: string): Promise<void>;
  /** The kept method the last renewal charge used, in the form the subscription stores it. */
  lastChargedWith(): string;
  refundCalls(): number;
}

const lastBody = (requests: { method: string; path: string; body?: unknown }[], method: string, path: RegExp) =>
  requests.filter((r) => r.method === method && path.test(r.path)).pop()?.body as Record<string, any>;

async function deliverStripe(event: FakeStripeEvent): Promise<void> {
  const { body, headers } = stripe.signedDelivery(event);
  const res = await fetch(`${demo.url}/webhooks/stripe/jj-media`, { method: 'POST', headers, body });
  expect(res.status).toBe(200);
}

const drivers: Driver[] = [
  {
    provider: 'STRIPE',
    agency: 'jj-media',
    packageName: 'Plus',
    currency: 'SEK',
    interval: 'MONTHLY',
    language: 'sv',
    subjects: {
      receipt: 'Tack för din beställning #%n hos JJ Media (demo)',
      renewed: 'Plus hos JJ Media (demo) är förnyat',
      methodChanged: 'Nytt betalsätt för Plus hos JJ Media (demo)',
      refunded: 'Återbetalning av beställning #%n hos JJ Media (demo)',
    },
    pay: (reference) => deliverStripe(stripe.completeSession(reference)),
    settle: async () => undefined, // off-session intents succeed at once
    completeMethodChange: (reference) => deliverStripe(stripe.completeSession(reference)),
    lastChargedWith: () => {
      const body = lastBody(stripe.requests, 'POST', /^\/v1\/payment_intents$/);
      return `${body.customer}/${body.payment_method}`;
    },
    refundCalls: () => stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds').length,
  },
  {
    provider: 'MOLLIE',
    agency: 'nordvik-webbyra',
    packageName: 'Basic',
    currency: 'EUR',
    interval: 'YEARLY',
    language: 'en',
    subjects: {
      receipt: 'Thank you for your order #%n with Nordvik Webbyrå (demo)',
      renewed: 'Basic with Nordvik Webbyrå (demo) is renewed',
      methodChanged: 'New payment method for Basic with Nordvik Webbyrå (demo)',
      refunded: 'Refund of order #%n with Nordvik Webbyrå (demo)',
    },
    pay: async (reference) => {
      mollie.setStatus(reference, 'paid', { method: 'creditcard' });
      expect(await mollie.callWebhook(reference)).toBe(200);
    },
    settle: async (reference) => {
      mollie.setStatus(reference, 'paid');
      expect(await mollie.callWebhook(reference)).toBe(200);
    },
    completeMethodChange: async (reference) => {
      mollie.setStatus(reference, 'paid', { method: 'creditcard' });
      expect(await mollie.callWebhook(reference)).toBe(200);
      // The verification payment is given back at once.
      expect(mollie.refundsOf(reference)).toHaveLength(1);
    },
    lastChargedWith: () => {
      const body = lastBody(mollie.requests, 'POST', /^\/v2\/payments$/);
      return `${body.customerId}/${body.mandateId}`;
    },
    refundCalls: () => mollie.requests.filter((r) => r.method === 'POST' && /\/refunds$/.test(r.path)).length,
  },
  {
    provider: 'PAYPAL',
    agency: 'jj-media',
    packageName: 'Premium',
    currency: 'USD',
    interval: 'MONTHLY',
    language: 'en',
    subjects: {
      receipt: 'Thank you for your order #%n with JJ Media (demo)',
      renewed: 'Premium with JJ Media (demo) is renewed',
      methodChanged: 'New payment method for Premium with JJ Media (demo)',
      refunded: 'Refund of order #%n with JJ Media (demo)',
    },
    pay: async (reference) => {
      paypal.approve(reference);
      const approved = paypal.events.filter((e) => e.event_type === 'CHECKOUT.ORDER.APPROVED').pop()!;
      expect(await paypal.deliver(`${demo.url}/webhooks/paypal/jj-media`, approved, { valid: true })).toBe(200);
    },
    settle: async () => undefined, // an order on a vault token is captured at once
    completeMethodChange: async (reference, subscriptionId) => {
      paypal.approveSetupToken(reference);
      // PayPal sends the customer back with the approved token.
      const res = await fetch(
        `${demo.url}/payments/paypal/vault-return?subscription=${subscriptionId}&approval_token_id=${reference}`,
        { redirect: 'manual' },
      );
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toContain(`/#/subscriptions/${subscriptionId}/show?method=updated`);
    },
    lastChargedWith: () => lastBody(paypal.requests, 'POST', /^\/v2\/checkout\/orders$/).payment_source.paypal.vault_id,
    refundCalls: () => paypal.requests.filter((r) => r.method === 'POST' && /\/refund$/.test(r.path)).length,
  },
];

const CONSENT = 'I agree that the package renews and is charged each period until I cancel.';

describe.each(drivers)('the whole flow through $provider', (d) => {
  const email = `${d.provider.toLowerCase()}.flow@buyer.example.com`;
  const mailTo = (m: ParsedMail) => JSON.stringify(m.to).includes(email);
  const arrived = async (subject: string) => (await smtp.waitFor(1, (m) => mailTo(m) && m.subject === subject))[0];
  let orderId: string;
  let orderNumber: number;
  let subscriptionId: string;
  let buyer: ApiClient;

  const paymentRef = async (order: string) =>
    (
      await sql(`select provider_reference from payments where order_id = $1 order by created_at desc limit 1`, [order])
    )[0].provider_reference as string;
  const subscription = async () =>
    (
      await sql(
        `select status, provider_reference, pending_method_reference, current_period_start, current_period_end
           from subscriptions where id = $1`,
        [subscriptionId],
      )
    )[0];
  async function renewNow() {
    await sql(`update subscriptions set next_renewal_at = now() - interval '1 minute' where id = $1`, [subscriptionId]);
    // Mollie reports the renewal's outcome to our public address.
    expect(await runCli(demo, ['subscriptions:renew'], { ...env, PUBLIC_URL: demo.url })).toContain(
      'renewal orders placed: 1',
    );
    const [renewal] = await sql(
      `select id, number from orders where subscription_id = $1 order by period_start desc limit 1`,
      [subscriptionId],
    );
    await d.settle(await paymentRef(renewal.id));
    return renewal as { id: string; number: number };
  }

  it('P15, P16: checkout, payment on the provider page, the receipt and the invitation by SMTP, and the portal', async () => {
    const [{ id: packageId }] = await sql(
      `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = $1 and p.name_en = $2`,
      [d.agency, d.packageName],
    );
    const { checkout } = await new ApiClient(demo.url).ok(
      'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId orderNumber redirectUrl } }',
      {
        i: {
          agency: d.agency,
          packageId,
          interval: d.interval,
          currency: d.currency,
          provider: d.provider,
          recurring: true,
          recurringConsentText: CONSENT,
          buyer: { name: 'Flow Buyer', email, country: 'SE', preferredLanguage: d.language },
        },
      },
    );
    ({ orderId, orderNumber } = checkout);
    await d.pay(await paymentRef(orderId));

    const [order] = await sql(`select status, total_minor, vat_minor from orders where id = $1`, [orderId]);
    expect(order.status).toBe('PAID');
    const receipt = await arrived(d.subjects.receipt.replace('%n', String(orderNumber)));
    expect(receipt.html).toContain(`<html lang="${d.language}">`);
    const total = new Intl.NumberFormat(d.language === 'sv' ? 'sv-SE' : 'en-GB', {
      style: 'currency',
      currency: d.currency,
    }).format(order.total_minor / 100);
    expect(receipt.text!.replace(/\s/g, ' ')).toContain(total.replace(/\s/g, ' '));

    const [invitation] = await smtp.waitFor(1, (m) => mailTo(m) && /invit|inbjuden/i.test(m.subject ?? ''));
    const link = /(https?:\/\/\S+\/#\/invitation\/\S+)/.exec(invitation.text!)![1];
    buyer = new ApiClient(demo.url);
    await buyer.ok('mutation($i: TokenPasswordInput!) { invitationAccept(input: $i) { role } }', {
      i: { token: link.split('/').pop(), password: `${d.provider} buyer password` },
    });
    const portal = await buyer.ok(
      '{ orders { nodes { number status } } subscriptions { nodes { id status paymentMethodOnFile } } }',
    );
    expect(portal.orders.nodes).toEqual([{ number: orderNumber, status: 'PAID' }]);
    expect(portal.subscriptions.nodes).toHaveLength(1);
    expect(portal.subscriptions.nodes[0]).toMatchObject({ status: 'ACTIVE', paymentMethodOnFile: true });
    subscriptionId = portal.subscriptions.nodes[0].id;
  });

  it('P20: the renewal is charged through the method the provider kept, and the renewal receipt arrives', async () => {
    const before = await subscription();
    const renewal = await renewNow();
    expect(d.lastChargedWith()).toBe(before.provider_reference);
    const [order] = await sql(`select status from orders where id = $1`, [renewal.id]);
    expect(order.status).toBe('PAID');
    const after = await subscription();
    expect(after.status).toBe('ACTIVE');
    expect(new Date(after.current_period_start).toISOString()).toBe(new Date(before.current_period_end).toISOString());
    const mail = await arrived(d.subjects.renewed);
    expect(mail.text).toContain(`#${renewal.number}`);
  });

  it("P20: the customer changes the payment method on the provider's page; the next renewal uses the new one", async () => {
    const before = await subscription();
    const { subscriptionChangePaymentMethod } = await buyer.ok(
      'mutation($id: UUID!) { subscriptionChangePaymentMethod(id: $id) { redirectUrl } }',
      { id: subscriptionId },
    );
    const base = { STRIPE: stripe.baseUrl, MOLLIE: mollie.baseUrl, PAYPAL: paypal.baseUrl }[d.provider];
    expect(subscriptionChangePaymentMethod.redirectUrl.startsWith(base)).toBe(true);
    const { pending_method_reference } = await subscription();
    await d.completeMethodChange(pending_method_reference, subscriptionId);
    const changed = await subscription();
    expect(changed.pending_method_reference).toBeNull();
    expect(changed.provider_reference).toEqual(expect.any(String));
    expect(changed.provider_reference).not.toBe(before.provider_reference);
    await arrived(d.subjects.methodChanged);

    await renewNow();
    expect(d.lastChargedWith()).toBe(changed.provider_reference);
    expect((await subscription()).status).toBe('ACTIVE');
  });

  it('an admin refunds the first order through the provider; audited, and the buyer is told by SMTP', async () => {
    const calls = d.refundCalls();
    const admin = await as(demo.url, d.agency, 'ADMIN');
    const { orderRefund } = await admin.ok(
      'mutation($id: UUID!, $i: OrderRefundInput!) { orderRefund(id: $id, input: $i) { status } }',
      { id: orderId, i: { reason: 'Goodwill after a long outage' } },
    );
    expect(orderRefund.status).toBe('REFUNDED');
    expect(d.refundCalls()).toBe(calls + 1);
    await arrived(d.subjects.refunded.replace('%n', String(orderNumber)));
    const [{ n }] = await sql(
      `select count(*)::int as n from audit_events where action = 'order.refund' and entity_id = $1`,
      [orderId],
    );
    expect(n).toBe(1);
  });
});

/** Luhn's checksum: what every card number satisfies. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

// Last: after every provider's whole flow (checkout, mandate, renewals, method change, refund).
describe('P4: what Sitecare keeps', () => {
  it('P4: after the full flows of all three providers no column anywhere holds a card or bank account number', async () => {
    const tables = await sql<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const hits: string[] = [];
    for (const { table_name } of tables) {
      // Ids are not card numbers: a random UUID's first groups are now and then all digits, and pass Luhn.
      const dump = JSON.stringify(await sql(`select * from ${table_name}`)).replace(UUID, 'uuid');
      for (const match of dump.match(/\b\d(?:[ -]?\d){14,18}\b/g) ?? []) {
        const digits = match.replace(/\D/g, '');
        if (luhn(digits) && !/^(\d)\1+$/.test(digits)) hits.push(`${table_name}: card-like ${match}`);
      }
      for (const iban of dump.match(/\b[A-Z]{2}\d{2}[A-Z]{4}\d{7,}\b/g) ?? []) hits.push(`${table_name}: IBAN ${iban}`);
    }
    expect(hits).toEqual([]);
    // The references kept are the providers' own (customer, payment method, mandate, vault token).
    const kept = await sql(
      `select provider, provider_reference from subscriptions where provider_reference is not null`,
    );
    expect(kept.length).toBeGreaterThanOrEqual(3);
    for (const { provider, provider_reference } of kept) {
      expect(provider_reference).toMatch(
        { STRIPE: /^cus_\w+\/pm_\w+$/, MOLLIE: /^cst_\w+\/mdt_\w+$/, PAYPAL: /^[\w-]+$/ }[provider as string]!,
      );
    }
  });
});
