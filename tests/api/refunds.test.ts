// Issue 19, partial refunds: an admin gives back part of an order (by amount or by line) through each
// provider's SDK against its local fake; the payment's refund ledger never lets the refunds exceed
// what was paid (checked under a row lock on the payment, and by PostgreSQL's CHECK behind it); a
// full refund after partial ones makes the order REFUNDED; a subscription's order may cancel it too.
import { demoPaymentAccounts } from '@sitecare/seeds';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { startFakeMollie, type FakeMollie } from '../support/fake-payments/mollie';
import { startFakePayPal, type FakePayPal } from '../support/fake-payments/paypal';
import { startFakeStripe, type FakeStripe, type FakeStripeEvent } from '../support/fake-payments/stripe';

const STRIPE_SECRET = demoPaymentAccounts['jj-media'].stripe.webhookSecret;
const MOLLIE_KEY = demoPaymentAccounts['nordvik-webbyra'].mollie.apiKey;
const PAYPAL = demoPaymentAccounts['jj-media'].paypal;
let stripe: FakeStripe;
let mollie: FakeMollie;
let paypal: FakePayPal;
let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  [stripe, mollie, paypal] = await Promise.all([
    startFakeStripe({ webhookSecret: STRIPE_SECRET }),
    startFakeMollie({ apiKey: MOLLIE_KEY }),
    startFakePayPal({ webhookId: PAYPAL.webhookId, clientId: PAYPAL.clientId, clientSecret: PAYPAL.clientSecret }),
  ]);
  demo = await startDemoApp({
    STRIPE_API_BASE: stripe.baseUrl,
    MOLLIE_API_BASE: mollie.apiEndpoint,
    NODE_TLS_REJECT_UNAUTHORIZED: '0', // the fake Mollie's self-signed certificate, for the server only
    PAYPAL_API_BASE: paypal.baseUrl,
  });
});
afterAll(async () => {
  await demo?.stop();
  await Promise.all([stripe?.close(), mollie?.close(), paypal?.close()]);
});

async function deliverStripe(event: FakeStripeEvent): Promise<string> {
  const { body, headers } = stripe.signedDelivery(event);
  const res = await fetch(`${demo.url}/webhooks/stripe/jj-media`, { method: 'POST', headers, body });
  expect(res.status).toBe(200);
  return ((await res.json()) as { outcome: string }).outcome;
}

interface Driver {
  provider: 'STRIPE' | 'MOLLIE' | 'PAYPAL';
  agency: string;
  packageName: string;
  currency: string;
  pay(reference: string): Promise<void>;
  /** The amounts (minor units) the provider refunded on this payment, oldest first. */
  refunded(paymentReference: string, providerPaymentId: string): number[];
  refundCalls(): number;
}

const minor = (value: string) => Math.round(Number(value) * 100);

const drivers: Driver[] = [
  {
    provider: 'STRIPE',
    agency: 'jj-media',
    packageName: 'Plus',
    currency: 'SEK',
    pay: async (reference) => expect(await deliverStripe(stripe.completeSession(reference))).toBe('paid'),
    refunded: () =>
      stripe.requests
        .filter((r) => r.method === 'POST' && r.path === '/v1/refunds')
        .map((r) => Number((r.body as any).amount)),
    refundCalls: () => stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds').length,
  },
  {
    provider: 'MOLLIE',
    agency: 'nordvik-webbyra',
    packageName: 'Basic',
    currency: 'EUR',
    pay: async (reference) => {
      mollie.setStatus(reference, 'paid', { method: 'creditcard' });
      expect(await mollie.callWebhook(reference)).toBe(200);
    },
    refunded: (reference) => mollie.refundsOf(reference).map((r) => minor(r.amount.value)),
    refundCalls: () => mollie.requests.filter((r) => r.method === 'POST' && /\/refunds$/.test(r.path)).length,
  },
  {
    provider: 'PAYPAL',
    agency: 'jj-media',
    packageName: 'Premium',
    currency: 'USD',
    pay: async (reference) => {
      paypal.approve(reference);
      const approved = paypal.events.filter((e) => e.event_type === 'CHECKOUT.ORDER.APPROVED').pop()!;
      expect(await paypal.deliver(`${demo.url}/webhooks/paypal/jj-media`, approved, { valid: true })).toBe(200);
    },
    refunded: (_reference, captureId) => paypal.refundsOf(captureId).map((r) => minor(r.amount.value)),
    refundCalls: () => paypal.requests.filter((r) => r.method === 'POST' && /\/refund$/.test(r.path)).length,
  },
];

const REFUND = `mutation($id: UUID!, $i: OrderRefundInput!) {
  orderRefund(id: $id, input: $i) {
    status refundedMinor refundableMinor totalMinor
    refunds { amountMinor currency status reason providerRefundId lines { orderLineId quantity } }
  }
}`;

/** A paid order through the driver's provider: its id, total and the payment's references. */
async function paidOrder(d: Driver, email: string, recurring = false) {
  const [{ id: packageId }] = await sql(
    `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = $1 and p.name_en = $2`,
    [d.agency, d.packageName],
  );
  const { checkout } = await new ApiClient(demo.url).ok(
    'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId } }',
    {
      i: {
        agency: d.agency,
        packageId,
        interval: 'MONTHLY',
        currency: d.currency,
        provider: d.provider,
        ...(recurring
          ? { recurring: true, recurringConsentText: 'I agree that the package renews each period until I cancel.' }
          : {}),
        buyer: { name: 'Refund Buyer', email, country: 'SE', preferredLanguage: 'en' },
      },
    },
  );
  const reference = async () =>
    (await sql(`select provider_reference from payments where order_id = $1`, [checkout.orderId]))[0]
      .provider_reference as string;
  await d.pay(await reference());
  const [row] = await sql(
    `select o.status, o.total_minor, p.provider_reference, p.provider_payment_id
       from orders o join payments p on p.order_id = o.id and p.status = 'PAID' where o.id = $1`,
    [checkout.orderId],
  );
  expect(row.status).toBe('PAID');
  return {
    id: checkout.orderId as string,
    total: row.total_minor as number,
    reference: row.provider_reference as string,
    paymentId: row.provider_payment_id as string,
  };
}

const ledger = async (orderId: string) =>
  (
    await sql(
      `select o.status, o.refunded_minor as "orderRefunded", p.refunded_minor as "paymentRefunded", p.status as payment,
              (select count(*)::int from refunds r where r.order_id = o.id) as rows
         from orders o join payments p on p.order_id = o.id where o.id = $1`,
      [orderId],
    )
  )[0];

describe.each(drivers)('M13: partial refunds through $provider', (d) => {
  let admin: ApiClient;
  let order: Awaited<ReturnType<typeof paidOrder>>;
  beforeAll(async () => {
    admin = await as(demo.url, d.agency, 'ADMIN');
    order = await paidOrder(d, `${d.provider.toLowerCase()}.partial@refund.example.com`);
  });

  it(`M13: a partial refund by amount goes through ${d.provider}'s SDK for that amount; the order is PARTIALLY_REFUNDED`, async () => {
    const part = Math.floor(order.total / 4);
    const { orderRefund } = await admin.ok(REFUND, { id: order.id, i: { reason: 'One month not used', amount: part } });
    expect(orderRefund).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refundedMinor: part,
      refundableMinor: order.total - part,
    });
    expect(orderRefund.refunds).toEqual([
      expect.objectContaining({ amountMinor: part, currency: d.currency, reason: 'One month not used', lines: null }),
    ]);
    expect(orderRefund.refunds[0].providerRefundId).toEqual(expect.any(String));
    expect(d.refunded(order.reference, order.paymentId).slice(-1)).toEqual([part]);
    expect(await ledger(order.id)).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      orderRefunded: part,
      paymentRefunded: part,
      payment: 'PAID',
      rows: 1,
    });
    // Issue 19: the refund's credit note, of the refunded amount (negative), referencing the invoice.
    const notes = await sql(
      `select c.total_minor as total, c.credited_invoice_id = i.id as references_invoice
         from invoices c join invoices i on i.order_id = c.order_id and i.kind = 'INVOICE'
        where c.order_id = $1 and c.kind = 'CREDIT_NOTE'`,
      [order.id],
    );
    expect(notes).toEqual([{ total: -part, references_invoice: true }]);
  });

  it('M13: a refund beyond what is left of the payment is refused naming amount; the provider is not asked', async () => {
    const calls = d.refundCalls();
    const { refundedMinor } = await ledger(order.id).then((r) => ({ refundedMinor: r.paymentRefunded as number }));
    const res = await admin.gql(REFUND, {
      id: order.id,
      i: { reason: 'Too much', amount: order.total - refundedMinor + 1 },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.field).toBe('amount');
    expect(d.refundCalls()).toBe(calls);
    expect((await ledger(order.id)).paymentRefunded).toBe(refundedMinor);
  });

  it('M13: a full refund after a partial one refunds the rest and sets REFUNDED; nothing is left to refund', async () => {
    const before = (await ledger(order.id)).paymentRefunded as number;
    const { orderRefund } = await admin.ok(REFUND, { id: order.id, i: { reason: 'The customer left' } });
    expect(orderRefund).toMatchObject({ status: 'REFUNDED', refundedMinor: order.total, refundableMinor: 0 });
    expect(orderRefund.refunds.map((r: { amountMinor: number }) => r.amountMinor)).toEqual([
      before,
      order.total - before,
    ]);
    expect(d.refunded(order.reference, order.paymentId).slice(-2)).toEqual([before, order.total - before]);
    expect(await ledger(order.id)).toMatchObject({ status: 'REFUNDED', payment: 'REFUNDED', rows: 2 });
    // The credit notes add up to the whole invoice: nothing of it is left uncredited.
    const [credited] = await sql(
      `select sum(c.total_minor)::int as credits, max(i.total_minor) as invoiced
         from invoices c join invoices i on i.order_id = c.order_id and i.kind = 'INVOICE'
        where c.order_id = $1 and c.kind = 'CREDIT_NOTE'`,
      [order.id],
    );
    expect(credited.credits).toBe(-credited.invoiced);
    const again = await admin.gql(REFUND, { id: order.id, i: { reason: 'Once more', amount: 1 } });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    const [{ n }] = await sql(
      `select count(*)::int as n from audit_events where action = 'order.refund' and entity_id = $1`,
      [order.id],
    );
    expect(n).toBe(2);
  });
});

describe('M13: the refund ledger', () => {
  const stripeDriver = drivers[0];
  let admin: ApiClient;
  beforeAll(async () => {
    admin = await as(demo.url, 'jj-media', 'ADMIN');
  });

  it("M13: refunds by line: the line's price with VAT (all lines: exactly what was paid); lines and an amount together are refused", async () => {
    const order = await paidOrder(stripeDriver, 'lines@refund.example.com');
    const [line] = await sql(`select id, quantity from order_lines where order_id = $1`, [order.id]);
    const { orderRefund } = await admin.ok(REFUND, {
      id: order.id,
      i: { reason: 'The package line', lines: [{ orderLineId: line.id, quantity: line.quantity }] },
    });
    // The order's only line, all of it: exactly what was paid.
    expect(orderRefund).toMatchObject({ status: 'REFUNDED', refundedMinor: order.total });
    expect(orderRefund.refunds[0].lines).toEqual([{ orderLineId: line.id, quantity: line.quantity }]);
    const both = await admin.gql(REFUND, {
      id: order.id,
      i: { reason: 'Both', amount: 1, lines: [{ orderLineId: line.id, quantity: 1 }] },
    });
    expect(both.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
  });

  it('M13: two refunds racing for the last remainder: exactly one wins, the provider is asked once', async () => {
    const order = await paidOrder(stripeDriver, 'race@refund.example.com');
    const calls = stripeDriver.refundCalls();
    const share = Math.ceil(order.total * 0.6); // two of them would exceed what was paid
    const [a, b] = await Promise.all(
      ['first', 'second'].map(async (who) =>
        (await as(demo.url, 'jj-media', 'ADMIN')).gql(REFUND, {
          id: order.id,
          i: { reason: `Race ${who}`, amount: share },
        }),
      ),
    );
    const won = [a, b].filter((r) => !r.errors);
    const lost = [a, b].filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
    expect(stripeDriver.refundCalls()).toBe(calls + 1);
    expect(await ledger(order.id)).toMatchObject({ orderRefunded: share, paymentRefunded: share, rows: 1 });
  });

  it('M13: PostgreSQL refuses a ledger row that would refund more than was paid, whatever path writes it', async () => {
    const order = await paidOrder(stripeDriver, 'check@refund.example.com');
    const [payment] = await sql(
      `select id, tenant_id, amount_minor from payments where order_id = $1 and status = 'PAID'`,
      [order.id],
    );
    const insert = (amount: number, key: string) =>
      sql(
        `insert into refunds (id, tenant_id, payment_id, order_id, amount_minor, currency, reason, idempotency_key)
         values (gen_random_uuid(), $1, $2, $3, $4, 'SEK', 'direct', $5)`,
        [payment.tenant_id, payment.id, order.id, amount, key],
      );
    await insert(payment.amount_minor - 1, 'a');
    await expect(insert(2, 'b')).rejects.toThrow(/payments_refunded_within_amount/);
    expect((await ledger(order.id)).paymentRefunded).toBe(payment.amount_minor - 1);
  });

  it("M13: the provider's own refund event for a refund already in the ledger changes nothing; one made at the provider is added", async () => {
    const order = await paidOrder(stripeDriver, 'webhook@refund.example.com');
    await admin.ok(REFUND, { id: order.id, i: { reason: 'A part', amount: 1000 } });
    // The fake made charge.refunded for our refund: delivered, it is already counted.
    const ours = stripe.events.filter((e) => e.type === 'charge.refunded').pop()!;
    expect(await deliverStripe(ours)).toBe('refunded:known');
    expect(await ledger(order.id)).toMatchObject({ status: 'PARTIALLY_REFUNDED', paymentRefunded: 1000, rows: 1 });
    // The agency refunds 500 more on Stripe's own dashboard: the ledger learns it from the event.
    expect(await deliverStripe(stripe.refund(order.reference, { amount: 500 }))).toBe('refunded:partial');
    expect(await ledger(order.id)).toMatchObject({ status: 'PARTIALLY_REFUNDED', paymentRefunded: 1500, rows: 2 });
    // And the rest there too: REFUNDED.
    expect(await deliverStripe(stripe.refund(order.reference))).toBe('refunded');
    expect(await ledger(order.id)).toMatchObject({ status: 'REFUNDED', paymentRefunded: order.total, rows: 3 });
  });

  it("M13: refunding a subscription's order cancels the subscription only when asked to", async () => {
    const subscriptionOf = async (orderId: string) =>
      (await sql(`select id, status from subscriptions where first_order_id = $1`, [orderId]))[0];
    const kept = await paidOrder(stripeDriver, 'keep.sub@refund.example.com', true);
    expect((await subscriptionOf(kept.id)).status).toBe('ACTIVE');
    await admin.ok(REFUND, { id: kept.id, i: { reason: 'Goodwill, keep going', amount: 100 } });
    expect((await subscriptionOf(kept.id)).status).toBe('ACTIVE');

    const ended = await paidOrder(stripeDriver, 'end.sub@refund.example.com', true);
    const { orderRefund } = await admin.ok(REFUND, {
      id: ended.id,
      i: { reason: 'Ending the package', cancelSubscription: true },
    });
    expect(orderRefund.status).toBe('REFUNDED');
    const subscription = await subscriptionOf(ended.id);
    expect(subscription.status).toBe('CANCELLED');
    const [audit] = await sql(
      `select detail from audit_events where action = 'subscription.cancel' and entity_id = $1`,
      [subscription.id],
    );
    expect(audit).toBeDefined();

    // An order without a subscription: the flag is refused, naming it, and nothing is refunded.
    const plain = await paidOrder(stripeDriver, 'nosub@refund.example.com');
    const calls = stripeDriver.refundCalls();
    const res = await admin.gql(REFUND, { id: plain.id, i: { reason: 'No package to end', cancelSubscription: true } });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cancelSubscription' });
    expect((await ledger(plain.id)).rows).toBe(0);
    expect(stripeDriver.refundCalls()).toBe(calls);
  });

  it("M13: every refunded order's refunds add up to what it paid (the demo's too); a customer cannot refund", async () => {
    const { orders } = await admin.ok(
      '{ orders(filter: { status: REFUNDED }, page: { take: 100 }) { nodes { id totalMinor refundedMinor refundableMinor refunds { amountMinor } } } }',
    );
    expect(orders.nodes.length).toBeGreaterThanOrEqual(4); // the demo's and this file's
    for (const o of orders.nodes) {
      expect(o.refunds.reduce((n: number, r: { amountMinor: number }) => n + r.amountMinor, 0)).toBe(o.totalMinor);
      expect(o).toMatchObject({ refundedMinor: o.totalMinor, refundableMinor: 0 });
    }
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const mine = await customer.ok('{ orders { nodes { id } } }');
    const res = await customer.gql(REFUND, { id: mine.orders.nodes[0].id, i: { reason: 'Give it back' } });
    expect(errorCode(res)).toBe('FORBIDDEN');
  });
});
