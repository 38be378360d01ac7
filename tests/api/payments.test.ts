// Checkout and payment through Stripe's official SDK against the local fake (P4, P15, P16, S21).
import { demoPaymentAccounts, demoSavedCards } from '@sitecare/seeds';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';
import { startFakeStripe, type FakeStripe, type FakeStripeEvent } from '../support/fake-payments/stripe';

// Issue 17: jj-media's own (demo) Stripe account; the installation-wide keys are not set.
const WEBHOOK_SECRET = demoPaymentAccounts['jj-media'].stripe.webhookSecret;
let stripe: FakeStripe;
let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

let stripeEnv: Record<string, string>;

beforeAll(async () => {
  // The demo's saved card (its active renewing subscription's) is known to the fake from the start.
  stripe = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET, savedCards: [demoSavedCards['jj-media']] });
  stripeEnv = {
    STRIPE_API_BASE: stripe.baseUrl,
  };
  demo = await startDemoApp(stripeEnv);
});
afterAll(async () => {
  await demo?.stop();
  await stripe?.close();
});
// The suite checks out far more than one buyer's allowance of anonymous checkouts (abuse.test.ts
// proves the limit): each test starts with a fresh allowance for this machine's address.
beforeEach(() => sql(`delete from rate_limits where key like 'checkout-ip%'`));

const CHECKOUT = 'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId orderNumber redirectUrl } }';
const plusPackage = async (slug = 'jj-media') =>
  (
    await sql(
      `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = $1 and p.name_en = 'Plus'`,
      [slug],
    )
  )[0].id;

async function buy(email: string, over: Record<string, unknown> = {}) {
  const res = await new ApiClient(demo.url).gql(CHECKOUT, {
    i: {
      agency: 'jj-media',
      packageId: await plusPackage(),
      interval: 'MONTHLY',
      currency: 'SEK',
      provider: 'STRIPE',
      siteDomain: 'nyabutiken.example.com',
      buyer: { name: 'Nils Nyström', email, company: 'Nya Butiken AB', country: 'SE', preferredLanguage: 'sv' },
      ...over,
    },
  });
  return res;
}

/** POSTs a signed event to our webhook; returns status and the outcome we report. */
async function deliver(
  event: FakeStripeEvent,
  opts: { timestamp?: number; secret?: string; reserialise?: boolean } = {},
) {
  const signed = stripe.signedDelivery(event, opts);
  const body = opts.reserialise ? JSON.stringify(JSON.parse(signed.body)) : signed.body;
  const res = await fetch(`${demo.url}/webhooks/stripe/jj-media`, { method: 'POST', headers: signed.headers, body });
  return { status: res.status, body: (await res.json()) as { outcome?: string } };
}

/** The buyer sets a password through the invitation link they were mailed, and is logged in. */
async function acceptInvitation(email: string): Promise<ApiClient> {
  const [{ payload }] = await sql(
    `select payload from outbox_messages where recipient = $1 and template = 'user.invitation'`,
    [email],
  );
  const buyer = new ApiClient(demo.url);
  await buyer.ok('mutation($i: TokenPasswordInput!) { invitationAccept(input: $i) { role } }', {
    i: { token: (payload.link as string).split('/').pop(), password: `password of ${email}` },
  });
  return buyer;
}

const sessionOf = async (orderId: string) =>
  (await sql(`select provider_reference from payments where order_id = $1`, [orderId]))[0].provider_reference as string;
const orderState = async (orderId: string) =>
  (
    await sql(
      `select o.status as "order", p.status as payment, p.method from orders o join payments p on p.order_id = o.id where o.id = $1`,
      [orderId],
    )
  )[0];

describe('checkout through Stripe', () => {
  it('P16: a first purchase creates the customer, contact and an invited login; the amount is ours, with VAT', async () => {
    const res = await buy('nils@nyabutiken.example.com');
    expect(res.errors).toBeUndefined();
    const { orderId, redirectUrl } = res.data!.checkout;
    expect(redirectUrl.startsWith(stripe.baseUrl)).toBe(true);
    const [order] = await sql(
      `select status, subtotal_minor, vat_minor, total_minor, currency, ip from orders where id = $1`,
      [orderId],
    );
    expect(order).toMatchObject({
      status: 'PENDING_PAYMENT',
      subtotal_minor: 59900,
      vat_minor: 14975,
      total_minor: 74875,
      currency: 'SEK',
    });
    expect(order.ip).toBeTruthy();
    const session = stripe.getSession(await sessionOf(orderId))!;
    expect({ amount: session.amount_total, currency: session.currency, email: session.customer_email }).toEqual({
      amount: 74875,
      currency: 'sek',
      email: 'nils@nyabutiken.example.com',
    });
    const [profile] = await sql(
      `select c.name as customer, k.email, u.role, u.status, u.password_hash from users u join contacts k on k.id = u.contact_id
        join customers c on c.id = k.customer_id where u.email = 'nils@nyabutiken.example.com'`,
    );
    expect(profile).toEqual({
      customer: 'Nya Butiken AB',
      email: 'nils@nyabutiken.example.com',
      role: 'CUSTOMER',
      status: 'INVITED',
      password_hash: null,
    });
  });

  it('P15, P16: payment confirmed by a signed webhook marks the order paid, queues the receipt and the invitation, and the buyer sees the order', async () => {
    const { orderId, orderNumber } = (await buy('paid@nyabutiken.example.com')).data!.checkout;
    const delivered = await deliver(stripe.completeSession(await sessionOf(orderId)));
    expect(delivered).toEqual({ status: 200, body: { received: true, outcome: 'paid' } });
    expect(await orderState(orderId)).toEqual({ order: 'PAID', payment: 'PAID', method: 'card' });
    const mails = await sql(
      `select template, subject, payload from outbox_messages where recipient = 'paid@nyabutiken.example.com' order by created_at`,
    );
    expect(mails.map((m) => m.template)).toEqual(['order.receipt', 'user.invitation']);
    expect(mails[0].subject).toBe(`Tack för din beställning #${orderNumber} hos JJ Media (demo)`);
    expect(mails[0].payload.total).toMatch(/748,75\s*kr/);

    const buyer = new ApiClient(demo.url);
    await buyer.ok('mutation($i: TokenPasswordInput!) { invitationAccept(input: $i) { role } }', {
      i: { token: (mails[1].payload.link as string).split('/').pop(), password: 'the buyers own password' },
    });
    const { orders } = await buyer.ok(
      '{ orders { totalCount nodes { number status totalMinor lines { description } payments { provider status } } } }',
    );
    expect(orders.totalCount).toBe(1);
    expect(orders.nodes[0]).toMatchObject({
      number: orderNumber,
      status: 'PAID',
      totalMinor: 74875,
      payments: [{ provider: 'STRIPE', status: 'PAID' }],
    });
  });

  it('S21: the same event twice changes state once', async () => {
    const { orderId } = (await buy('twice@nyabutiken.example.com')).data!.checkout;
    const event = stripe.completeSession(await sessionOf(orderId));
    expect((await deliver(event)).body.outcome).toBe('paid');
    expect((await deliver(event)).body.outcome).toBe('duplicate');
    const [{ n }] = await sql(
      `select count(*)::int as n from audit_events where action = 'payment.paid' and detail->>'orderId' = $1`,
      [orderId],
    );
    expect(n).toBe(1);
    const [{ receipts }] = await sql(
      `select count(*)::int as receipts from outbox_messages where recipient = 'twice@nyabutiken.example.com' and template = 'order.receipt'`,
    );
    expect(receipts).toBe(1);
  });

  it('S21: a bad signature, a re-serialised body or a timestamp older than 300 s gets 400 and changes nothing', async () => {
    const { orderId } = (await buy('forged@nyabutiken.example.com')).data!.checkout;
    const event = stripe.completeSession(await sessionOf(orderId));
    expect((await deliver(event, { secret: 'whsec_wrong_secret' })).status).toBe(400);
    expect((await deliver(event, { reserialise: true })).status).toBe(400);
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(400);
    expect(await orderState(orderId)).toMatchObject({ order: 'PENDING_PAYMENT', payment: 'PENDING' });
    const [{ n }] = await sql(`select count(*)::int as n from webhook_events where event_id = $1`, [event.id]);
    expect(n).toBe(0);
  });

  it('S21: out-of-order events end in the right state', async () => {
    const { orderId } = (await buy('late@nyabutiken.example.com')).data!.checkout;
    const session = await sessionOf(orderId);
    const completed = stripe.completeSession(session);
    const expiredEarlier = {
      ...completed,
      id: `evt_late_${Date.now()}`,
      type: 'checkout.session.expired',
    } as FakeStripeEvent;
    expect((await deliver(completed)).body.outcome).toBe('paid');
    expect((await deliver(expiredEarlier)).body.outcome).toBe('stale:PAID');
    expect(await orderState(orderId)).toMatchObject({ order: 'PAID', payment: 'PAID' });
    expect((await deliver(stripe.refund(session))).body.outcome).toBe('refunded');
    const replayedCompletion = { ...completed, id: `evt_replay_${Date.now()}` };
    expect((await deliver(replayedCompletion)).body.outcome).toBe('stale:REFUNDED');
    expect(await orderState(orderId)).toMatchObject({ order: 'REFUNDED', payment: 'REFUNDED' });
  });

  it('S22: an event whose amount differs from our order is refused and audited', async () => {
    const { orderId } = (await buy('mismatch@nyabutiken.example.com')).data!.checkout;
    const event = stripe.completeSession(await sessionOf(orderId)) as FakeStripeEvent<{ amount_total: number }>;
    const tampered = { ...event, data: { object: { ...event.data.object, amount_total: 100 } } };
    expect((await deliver(tampered)).body.outcome).toBe('amount-mismatch');
    expect(await orderState(orderId)).toMatchObject({ order: 'PENDING_PAYMENT', payment: 'PENDING' });
    const [{ outcome }] = await sql(`select outcome from audit_events where action = 'payment.mismatch'`);
    expect(outcome).toBe('FAILED');
  });

  it('P4: after full payment flows no column anywhere holds a card number', async () => {
    const tables = await sql<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public'`,
    );
    for (const { table_name } of tables) {
      const dump = JSON.stringify(await sql(`select * from ${table_name}`));
      expect({ table_name, hit: /4242\s?4242\s?4242\s?4242|4111\s?1111\s?1111\s?1111/.test(dump) }).toEqual({
        table_name,
        hit: false,
      });
    }
  });
});

describe('orders: who sees them', () => {
  it('customers see only their own orders; contractors none', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { orders } = await customer.ok('{ orders(page: { take: 100 }) { nodes { customer { name } } } }');
    expect(orders.nodes.length).toBeGreaterThan(0);
    expect(new Set(orders.nodes.map((o: any) => o.customer.name))).toEqual(new Set(['Bageriet Ek AB']));
    expect(errorCode(await (await as(demo.url, 'jj-media', 'CONTRACTOR')).gql('{ orders { totalCount } }'))).toBe(
      'FORBIDDEN',
    );
  });

  it('the demo has orders in every status', async () => {
    const rows = await sql(`select distinct status from orders`);
    expect(rows.map((r) => r.status).sort()).toEqual(['CANCELLED', 'PAID', 'PENDING_PAYMENT', 'REFUNDED']);
  });
});

describe('failed payments and cancellations', () => {
  it('a refused payment tells the buyer, in their language; an abandoned one does not', async () => {
    const refused = (await buy('refused@nyabutiken.example.com')).data!.checkout;
    expect((await deliver(stripe.failSession(await sessionOf(refused.orderId)))).body.outcome).toBe('failed');
    const [mail] = await sql(
      `select template, subject from outbox_messages where recipient = 'refused@nyabutiken.example.com'`,
    );
    expect(mail).toEqual({
      template: 'order.payment_failed',
      subject: `Betalningen för beställning #${refused.orderNumber} gick inte igenom`,
    });
    const abandoned = (await buy('abandoned@nyabutiken.example.com')).data!.checkout;
    expect(
      (await deliver(stripe.failSession(await sessionOf(abandoned.orderId), { as: 'expired' }))).body.outcome,
    ).toBe('failed');
    expect(await orderState(abandoned.orderId)).toMatchObject({ order: 'CANCELLED', payment: 'FAILED' });
    expect(await sql(`select 1 from outbox_messages where recipient = 'abandoned@nyabutiken.example.com'`)).toEqual([]);
  });

  it('a customer logged in buys again while other buyers hold higher order numbers: the next number of the agency', async () => {
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    // Another customer's order takes the agency's highest number.
    await sql(
      `update orders set number = (select max(number) + 10 from orders o2 where o2.tenant_id = orders.tenant_id)
        where id = (select o.id from orders o join tenants t on t.id = o.tenant_id join customers c on c.id = o.customer_id
                     where t.slug = 'jj-media' and c.name not ilike 'Bageriet%' order by o.number limit 1)`,
    );
    const [{ max }] = await sql<{ max: number }>(
      `select max(o.number)::int as max from orders o join tenants t on t.id = o.tenant_id where t.slug = 'jj-media'`,
    );
    const [{ own }] = await sql<{ own: number }>(
      `select max(o.number)::int as own from orders o join contacts c on c.customer_id = o.customer_id
        where c.email = 'anna@bageriet.example.com'`,
    );
    expect(own).toBeLessThan(max); // others hold higher numbers than any of hers
    const { checkout } = await anna.ok(CHECKOUT, {
      i: {
        agency: 'jj-media',
        packageId: await plusPackage(),
        interval: 'MONTHLY',
        currency: 'SEK',
        provider: 'STRIPE',
        buyer: { name: 'Anna Ek', email: 'anna@bageriet.example.com', country: 'SE', preferredLanguage: 'sv' },
      },
    });
    expect(checkout.orderNumber).toBe(max + 1);
  });

  it('M19: a failed payment keeps the provider’s reason, and the "payment failed" filter finds its order', async () => {
    const refused = (await buy('reason@nyabutiken.example.com')).data!.checkout;
    await deliver(stripe.failSession(await sessionOf(refused.orderId)));
    const abandoned = (await buy('late@nyabutiken.example.com')).data!.checkout;
    await deliver(stripe.failSession(await sessionOf(abandoned.orderId), { as: 'expired' }));
    const paid = (await buy('paid-reason@nyabutiken.example.com')).data!.checkout;
    await deliver(stripe.completeSession(await sessionOf(paid.orderId)));
    const reasons = await sql(
      `select o.id, p.failure_reason from orders o join payments p on p.order_id = o.id where o.id = any($1::uuid[])`,
      [[refused.orderId, abandoned.orderId, paid.orderId]],
    );
    expect(Object.fromEntries(reasons.map((r) => [r.id, r.failure_reason]))).toEqual({
      [refused.orderId]: 'async_payment_failed',
      [abandoned.orderId]: 'expired',
      [paid.orderId]: null,
    });
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const FILTERED = `query($f: Boolean!) { orders(filter: { paymentFailed: $f }, page: { take: 100 }) {
      totalCount nodes { id payments { status failureReason } } } }`;
    const failed = (await employee.ok(FILTERED, { f: true })).orders;
    const failedIds = failed.nodes.map((o: { id: string }) => o.id);
    expect(failedIds).toEqual(expect.arrayContaining([refused.orderId, abandoned.orderId]));
    expect(failedIds).not.toContain(paid.orderId);
    for (const order of failed.nodes) expect(order.payments.at(-1).status).toBe('FAILED');
    const others = (await employee.ok(FILTERED, { f: false })).orders;
    expect(others.nodes.map((o: { id: string }) => o.id)).toContain(paid.orderId);
    const all = (await employee.ok('{ orders(page: { take: 1 }) { totalCount } }')).orders.totalCount;
    expect(failed.totalCount + others.totalCount).toBe(all);
  });

  it('M19: "Pay now": the buyer opens a new payment page for her order waiting for payment; never for a paid one or another’s', async () => {
    // Her first order, paid: she has a login.
    const first = (await buy('paynow@nyabutiken.example.com')).data!.checkout;
    await deliver(stripe.completeSession(await sessionOf(first.orderId)));
    const buyer = await acceptInvitation('paynow@nyabutiken.example.com');
    // A second one she left unpaid (her e-mail: her company's order).
    const { orderId } = (await buy('paynow@nyabutiken.example.com')).data!.checkout;
    const PAY = 'mutation($id: UUID!) { orderPay(id: $id) }';
    const canPay = async (id: string) =>
      (await buyer.ok('query($id: UUID!) { order(id: $id) { canPay } }', { id })).order.canPay;
    expect([await canPay(orderId), await canPay(first.orderId)]).toEqual([true, false]);
    const { orderPay } = await buyer.ok(PAY, { id: orderId });
    expect(orderPay.startsWith(stripe.baseUrl)).toBe(true);
    const payments = await sql(`select status from payments where order_id = $1 order by created_at`, [orderId]);
    expect(payments.map((p) => p.status)).toEqual(['PENDING', 'PENDING']);
    const [audited] = await sql(
      `select count(*)::int as n from audit_events where action = 'order.payment_start' and entity_id = $1`,
      [orderId],
    );
    expect(audited.n).toBe(1);
    // Paid: nothing to pay, naming the field.
    expect((await buyer.gql(PAY, { id: first.orderId })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    // Another customer's order is not found.
    const other = (await buy('paynow-other@nyabutiken.example.com')).data!.checkout;
    expect(errorCode(await buyer.gql(PAY, { id: other.orderId }))).toBe('NOT_FOUND');
  });

  it('staff cancel an order still waiting for payment, audited; a paid one cannot be cancelled; another customer finds no such order', async () => {
    const { orderId } = (await buy('cancel@nyabutiken.example.com')).data!.checkout;
    const CANCEL = 'mutation($id: UUID!) { orderCancel(id: $id) { status } }';
    // M19: customers may cancel, but only their own (the row rule): someone else's order is not found.
    expect(errorCode(await (await as(demo.url, 'jj-media', 'CUSTOMER')).gql(CANCEL, { id: orderId }))).toBe(
      'NOT_FOUND',
    );
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect((await employee.ok(CANCEL, { id: orderId })).orderCancel.status).toBe('CANCELLED');
    expect(await orderState(orderId)).toMatchObject({ order: 'CANCELLED', payment: 'FAILED' });
    // M19: cancelled by staff, not a refused payment: not in the "payment failed" filter.
    const [{ failure_reason }] = await sql(`select failure_reason from payments where order_id = $1`, [orderId]);
    expect(failure_reason).toBe('cancelled');
    const failed = await employee.ok(
      '{ orders(filter: { paymentFailed: true }, page: { take: 100 }) { nodes { id } } }',
    );
    expect(failed.orders.nodes.map((o: { id: string }) => o.id)).not.toContain(orderId);
    expect((await employee.gql(CANCEL, { id: orderId })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    const [{ n }] = await sql(
      `select count(*)::int as n from audit_events where action = 'order.cancel' and entity_id = $1`,
      [orderId],
    );
    expect(n).toBe(1);
  });
});

describe('M19: a customer cancels her own order while it waits for payment', () => {
  const CANCEL = 'mutation($id: UUID!) { orderCancel(id: $id) { status canCancel } }';
  const ORDER = 'query($id: UUID!) { order(id: $id) { status canCancel } }';

  it('M19: her own unpaid order: canCancel, cancelled, its payment closed as cancelled (not refused), audited as hers', async () => {
    const first = (await buy('cancelmine@nyabutiken.example.com')).data!.checkout;
    await deliver(stripe.completeSession(await sessionOf(first.orderId)));
    const buyer = await acceptInvitation('cancelmine@nyabutiken.example.com');
    const { orderId } = (await buy('cancelmine@nyabutiken.example.com')).data!.checkout;
    expect((await buyer.ok(ORDER, { id: orderId })).order).toEqual({ status: 'PENDING_PAYMENT', canCancel: true });
    expect((await buyer.ok(CANCEL, { id: orderId })).orderCancel).toEqual({ status: 'CANCELLED', canCancel: false });
    expect(await orderState(orderId)).toMatchObject({ order: 'CANCELLED', payment: 'FAILED' });
    const [{ failure_reason }] = await sql(`select failure_reason from payments where order_id = $1`, [orderId]);
    expect(failure_reason).toBe('cancelled');
    const audited = await sql(
      `select u.email from audit_events a join users u on u.id = a.actor_user_id
        where a.action = 'order.cancel' and a.entity_id = $1`,
      [orderId],
    );
    expect(audited.map((a) => a.email)).toEqual(['cancelmine@nyabutiken.example.com']);
  });

  it('M19: her paid order: canCancel false, and orderCancel answers a typed error naming the field and its code', async () => {
    const first = (await buy('cancelpaid@nyabutiken.example.com')).data!.checkout;
    await deliver(stripe.completeSession(await sessionOf(first.orderId)));
    const buyer = await acceptInvitation('cancelpaid@nyabutiken.example.com');
    expect((await buyer.ok(ORDER, { id: first.orderId })).order).toEqual({ status: 'PAID', canCancel: false });
    const refused = await buyer.gql(CANCEL, { id: first.orderId });
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
      fields: [{ field: 'id', code: 'orderNotCancellable' }],
    });
    expect(await orderState(first.orderId)).toMatchObject({ order: 'PAID' });
  });

  it('M19: an order waiting for payment with an open invoice is not hers to cancel or pay from its page (staff credit the invoice; she pays the invoice)', async () => {
    const [invoiced] = await sql(
      `select o.id from orders o join invoices i on i.order_id = o.id and i.status = 'OPEN'
        join customers c on c.id = o.customer_id
        where c.name = 'Bageriet Ek AB' and o.status = 'PENDING_PAYMENT' limit 1`,
    );
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    expect((await anna.ok(ORDER, { id: invoiced.id })).order).toEqual({ status: 'PENDING_PAYMENT', canCancel: false });
    const refused = await anna.gql(CANCEL, { id: invoiced.id });
    expect(refused.errors![0].extensions).toMatchObject({ fields: [{ field: 'id', code: 'orderNotCancellable' }] });
    expect(await orderState(invoiced.id)).toMatchObject({ order: 'PENDING_PAYMENT' });
    // Nor is it paid from the order's page: its invoice is (invoicePay charges what is left of it).
    expect((await anna.ok('query($id: UUID!) { order(id: $id) { canPay } }', { id: invoiced.id })).order).toEqual({
      canPay: false,
    });
    const unpaid = await anna.gql('mutation($id: UUID!) { orderPay(id: $id) }', { id: invoiced.id });
    expect(unpaid.errors![0].extensions).toMatchObject({ fields: [{ field: 'id', code: 'orderNotPayable' }] });
  });

  it("M19: someone else's order waiting for payment is not found, and stays as it was", async () => {
    const other = (await buy('cancelother@nyabutiken.example.com')).data!.checkout;
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    expect(errorCode(await anna.gql(CANCEL, { id: other.orderId }))).toBe('NOT_FOUND');
    expect(errorCode(await anna.gql(ORDER, { id: other.orderId }))).toBe('NOT_FOUND');
    expect(await orderState(other.orderId)).toMatchObject({ order: 'PENDING_PAYMENT' });
  });
});

describe('P20: renewable subscriptions', () => {
  const CONSENT = 'I agree that Plus renews and is charged monthly until I cancel.';

  it('P20: recurring needs the consent wording, naming the field', async () => {
    const res = await buy('norecur@nyabutiken.example.com', { recurring: true });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recurringConsentText' });
  });

  it('P20: a paid recurring order starts a subscription that keeps the consent with its proof; the customer cancels it from the portal', async () => {
    const { orderId } = (await buy('recur@nyabutiken.example.com', { recurring: true, recurringConsentText: CONSENT }))
      .data!.checkout;
    expect(await sql(`select 1 from subscriptions where first_order_id = $1`, [orderId])).toEqual([]); // not before payment
    const event = stripe.completeSession(await sessionOf(orderId));
    await deliver(event);
    await deliver({ ...event, id: `evt_again_${Date.now()}` }); // a second, different event: still one subscription
    const subs = await sql(
      `select id, status, interval, recurring_consent, next_renewal_at, current_period_end from subscriptions where first_order_id = $1`,
      [orderId],
    );
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ status: 'ACTIVE', interval: 'MONTHLY' });
    expect(subs[0].recurring_consent).toMatchObject({
      wording: CONSENT,
      ip: expect.any(String),
      userAgent: expect.any(String),
      givenAt: expect.any(String),
    });
    const days = (Date.parse(subs[0].next_renewal_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(27);
    expect(days).toBeLessThan(32);

    const buyer = await acceptInvitation('recur@nyabutiken.example.com');
    const { subscriptions } = await buyer.ok(
      '{ subscriptions { totalCount nodes { id status recurringConsent { wording } servicePackage { nameEn } } } }',
    );
    expect(subscriptions.totalCount).toBe(1);
    expect(subscriptions.nodes[0]).toMatchObject({
      status: 'ACTIVE',
      recurringConsent: { wording: CONSENT },
      servicePackage: { nameEn: 'Plus' },
    });
    const cancelled = await buyer.ok(
      'mutation($id: UUID!) { subscriptionCancel(id: $id, reason: "Too expensive") { status cancelledAt } }',
      {
        id: subscriptions.nodes[0].id,
      },
    );
    expect(cancelled.subscriptionCancel.status).toBe('CANCELLED');
    const mails = await sql(
      `select template from outbox_messages where recipient = 'recur@nyabutiken.example.com' order by created_at`,
    );
    expect(mails.map((m) => m.template)).toContain('subscription.cancelled');
    const [{ n }] = await sql(
      `select count(*)::int as n from audit_events where action = 'subscription.cancel' and entity_id = $1`,
      [subs[0].id],
    );
    expect(n).toBe(1);
  });

  it("P20: a customer cannot see or cancel another customer's subscription", async () => {
    const [other] = await sql(
      `select s.id from subscriptions s join customers c on c.id = s.customer_id join tenants t on t.id = s.tenant_id where t.slug = 'jj-media' and c.name <> 'Bageriet Ek AB' limit 1`,
    );
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    if (other)
      expect(
        errorCode(await anna.gql('mutation($id: UUID!) { subscriptionCancel(id: $id) { status } }', { id: other.id })),
      ).toBe('NOT_FOUND');
    const { subscriptions } = await anna.ok('{ subscriptions { nodes { customer { name } } } }');
    for (const s of subscriptions.nodes) expect(s.customer.name).toBe('Bageriet Ek AB');
    expect(
      errorCode(await (await as(demo.url, 'jj-media', 'CONTRACTOR')).gql('{ subscriptions { totalCount } }')),
    ).toBe('FORBIDDEN');
  });

  /** A paid recurring purchase; its subscription's id and the card Stripe kept. */
  async function subscribed(email: string) {
    const { orderId } = (await buy(email, { recurring: true, recurringConsentText: CONSENT })).data!.checkout;
    await deliver(stripe.completeSession(await sessionOf(orderId)));
    const [sub] = await sql(
      `select id, current_period_end, provider_reference from subscriptions where first_order_id = $1`,
      [orderId],
    );
    return { orderId, sub, periodEnd: new Date(sub.current_period_end) };
  }
  const makeDue = (id: string) =>
    sql(`update subscriptions set next_renewal_at = now() - interval '1 minute' where id = $1`, [id]);
  const renew = () => runCli(demo, ['subscriptions:renew'], stripeEnv);
  const mailsTo = async (email: string) =>
    (await sql(`select template, payload from outbox_messages where recipient = $1 order by created_at`, [email])).map(
      (m) => m.template,
    );
  const subscriptionOf = async (id: string) =>
    (
      await sql(
        `select status, provider_reference, current_period_start, next_renewal_at from subscriptions where id = $1`,
        [id],
      )
    )[0];

  it('P20: with the consent, Stripe keeps the card for renewals (a customer and a saved payment method, never the number)', async () => {
    const { sub } = await subscribed('keep@nyabutiken.example.com');
    const [customer, method] = String(sub.provider_reference).split('/');
    expect(customer).toMatch(/^cus_/);
    expect(stripe.paymentMethodsOf(customer)).toEqual([method]);
    const plain = (await buy('oneoff@nyabutiken.example.com')).data!.checkout;
    const session = stripe.getSession(await sessionOf(plain.orderId))!;
    expect(session.customer).toBeNull(); // no consent, nothing kept
  });

  it('P20: at the end of a period the renewal is charged once through the kept card; the subscription moves on and the customer gets the renewal receipt', async () => {
    const { sub, periodEnd } = await subscribed('renew@nyabutiken.example.com');
    await makeDue(sub.id);
    expect(await renew()).toContain('renewal orders placed: 1 (charged through the stored method: 1; to retry: 0)');
    expect(await renew()).toContain('renewal orders placed: 0');
    const renewals = await sql(
      `select o.id, o.status, o.period_start, p.status as payment, p.via_mandate, p.provider_reference
         from orders o join payments p on p.order_id = o.id where o.subscription_id = $1`,
      [sub.id],
    );
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({ status: 'PAID', payment: 'PAID', via_mandate: true });
    expect(new Date(renewals[0].period_start).toISOString()).toBe(periodEnd.toISOString());
    const intent = stripe.getPaymentIntent(renewals[0].provider_reference)!;
    const [customer, method] = String(sub.provider_reference).split('/');
    expect(intent).toMatchObject({
      customer,
      payment_method: method,
      amount: 74875,
      currency: 'sek',
      status: 'succeeded',
    });
    const after = await subscriptionOf(sub.id);
    expect(after.status).toBe('ACTIVE');
    expect(new Date(after.current_period_start).toISOString()).toBe(periodEnd.toISOString());
    expect(Date.parse(after.next_renewal_at)).toBeGreaterThan(periodEnd.getTime() + 27 * 86_400_000);
    expect(await mailsTo('renew@nyabutiken.example.com')).toEqual([
      'order.receipt',
      'user.invitation',
      'subscription.renewed',
    ]);
    // Stripe's own event for the same charge arrives later and changes nothing.
    const succeeded = stripe.events.find(
      (e) => e.type === 'payment_intent.succeeded' && (e.data.object as { id: string }).id === intent.id,
    )!;
    expect((await deliver(succeeded)).body.outcome).toBe('stale:PAID');
  });

  it("M19: the demo's active renewing subscription has its payment method saved, and renews through it", async () => {
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { subscriptions } = await anna.ok(
      '{ subscriptions(page: { take: 10 }) { nodes { id status paymentMethodOnFile } } }',
    );
    const active = subscriptions.nodes.filter((s: { status: string }) => s.status === 'ACTIVE');
    expect(active).toEqual([expect.objectContaining({ paymentMethodOnFile: true })]);
    await makeDue(active[0].id);
    expect(await renew()).toContain('charged through the stored method: 1');
    const [renewal] = await sql(
      `select o.status, p.via_mandate, p.provider_reference from orders o join payments p on p.order_id = o.id
        where o.subscription_id = $1`,
      [active[0].id],
    );
    expect(renewal).toMatchObject({ status: 'PAID', via_mandate: true });
    expect(stripe.getPaymentIntent(renewal.provider_reference)).toMatchObject({
      customer: demoSavedCards['jj-media'].customer,
      payment_method: demoSavedCards['jj-media'].paymentMethod,
      status: 'succeeded',
    });
  });

  it('P20: a stored method Stripe no longer knows is a refused charge, not an outage: past due, a payment page, no retry loop', async () => {
    const { sub } = await subscribed('vanished@nyabutiken.example.com');
    const [customer] = String(sub.provider_reference).split('/');
    await sql(`update subscriptions set provider_reference = $1 where id = $2`, [
      `${customer}/pm_gone_at_stripe`,
      sub.id,
    ]);
    await makeDue(sub.id);
    expect(await renew()).toContain('renewal orders placed: 1 (charged through the stored method: 0');
    expect((await subscriptionOf(sub.id)).status).toBe('PAST_DUE');
    const [{ failure_reason }] = await sql(
      `select p.failure_reason from payments p join orders o on o.id = p.order_id where o.subscription_id = $1 and p.via_mandate`,
      [sub.id],
    );
    expect(failure_reason).toBe('payment_method_unusable');
    expect(await mailsTo('vanished@nyabutiken.example.com')).toContain('subscription.charge_failed');
  });

  it("P20: a refused renewal charge makes the subscription past due and mails a payment page; a new card on Stripe's page charges it again", async () => {
    const { sub } = await subscribed('declined@nyabutiken.example.com');
    const [, oldMethod] = String(sub.provider_reference).split('/');
    stripe.declinePaymentMethod(oldMethod, 'insufficient_funds');
    await makeDue(sub.id);
    expect(await renew()).toContain('renewal orders placed: 1 (charged through the stored method: 0');
    expect((await subscriptionOf(sub.id)).status).toBe('PAST_DUE');
    const [refused] = await sql(
      `select payload from outbox_messages where recipient = 'declined@nyabutiken.example.com' and template = 'subscription.charge_failed'`,
    );
    expect(refused.payload.link).toMatch(new RegExp(`^${stripe.baseUrl}/pay/cs_`));
    const [{ failure_reason }] = await sql(
      `select p.failure_reason from payments p join orders o on o.id = p.order_id where o.subscription_id = $1 and p.via_mandate`,
      [sub.id],
    );
    expect(failure_reason).toBe('insufficient_funds');

    // The customer changes the card on Stripe's own page; nothing passes through us.
    const buyer = await acceptInvitation('declined@nyabutiken.example.com');
    const { subscriptionChangePaymentMethod } = await buyer.ok(
      'mutation($id: UUID!) { subscriptionChangePaymentMethod(id: $id) { redirectUrl } }',
      { id: sub.id },
    );
    const setup = /\/pay\/(cs_\w+)/.exec(subscriptionChangePaymentMethod.redirectUrl)![1];
    expect(stripe.getSession(setup)).toMatchObject({
      mode: 'setup',
      customer: String(sub.provider_reference).split('/')[0],
    });
    expect((await deliver(stripe.completeSession(setup))).body.outcome).toBe('method-changed:paid');
    const after = await subscriptionOf(sub.id);
    expect(after.status).toBe('ACTIVE');
    expect(after.provider_reference).not.toBe(sub.provider_reference);
    expect(await mailsTo('declined@nyabutiken.example.com')).toEqual(
      expect.arrayContaining([
        'subscription.charge_failed',
        'subscription.payment_method_changed',
        'subscription.renewed',
      ]),
    );
    // The payment page mailed earlier can no longer take money: paying it anyway is refunded at once.
    const [page] = await sql(
      `select p.provider_reference, p.status, p.failure_reason from payments p join orders o on o.id = p.order_id
        where o.subscription_id = $1 and not p.via_mandate`,
      [sub.id],
    );
    expect(page).toMatchObject({ status: 'FAILED', failure_reason: 'superseded' });
    const refundsBefore = stripe.requests.filter((r) => r.path === '/v1/refunds').length;
    expect((await deliver(stripe.completeSession(page.provider_reference))).body.outcome).toBe('refunded:unwanted');
    expect(stripe.requests.filter((r) => r.path === '/v1/refunds').length).toBe(refundsBefore + 1);
    const [{ paid }] = await sql(
      `select count(*)::int as paid from orders where subscription_id = $1 and status = 'PAID'`,
      [sub.id],
    );
    expect(paid).toBe(1);
  });

  it('P20: a subscription without a kept payment method gets a payment link, and paying it moves the subscription on', async () => {
    const { sub, periodEnd } = await subscribed('linkonly@nyabutiken.example.com');
    await sql(`update subscriptions set provider_reference = null where id = $1`, [sub.id]);
    await makeDue(sub.id);
    expect(await renew()).toContain('renewal orders placed: 1 (charged through the stored method: 0');
    expect((await subscriptionOf(sub.id)).status).toBe('PAST_DUE');
    const [mail] = await sql(
      `select payload from outbox_messages where recipient = 'linkonly@nyabutiken.example.com' and template = 'subscription.renewal_due'`,
    );
    expect(mail.payload.link).toMatch(new RegExp(`^${stripe.baseUrl}`));
    const [renewal] = await sql(`select id from orders where subscription_id = $1`, [sub.id]);
    expect((await deliver(stripe.completeSession(await sessionOf(renewal.id)))).body.outcome).toBe('paid');
    const after = await subscriptionOf(sub.id);
    expect(after.status).toBe('ACTIVE');
    expect(new Date(after.current_period_start).toISOString()).toBe(periodEnd.toISOString());
  });

  it('P20: only the customer and staff start a payment-method change, never on a cancelled subscription', async () => {
    const { sub } = await subscribed('guarded@nyabutiken.example.com');
    const CHANGE = 'mutation($id: UUID!) { subscriptionChangePaymentMethod(id: $id) { redirectUrl } }';
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    expect(errorCode(await anna.gql(CHANGE, { id: sub.id }))).toBe('NOT_FOUND');
    expect(errorCode(await (await as(demo.url, 'jj-media', 'CONTRACTOR')).gql(CHANGE, { id: sub.id }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await (await as(demo.url, 'nordvik-webbyra', 'ADMIN')).gql(CHANGE, { id: sub.id }))).toBe(
      'NOT_FOUND',
    );
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect((await employee.ok(CHANGE, { id: sub.id })).subscriptionChangePaymentMethod.redirectUrl).toMatch(
      new RegExp(`^${stripe.baseUrl}/pay/cs_`),
    );
    await employee.ok('mutation($id: UUID!) { subscriptionCancel(id: $id) { status } }', { id: sub.id });
    expect((await employee.gql(CHANGE, { id: sub.id })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    const [{ n }] = await sql(
      `select count(*)::int as n from audit_events where action = 'subscription.payment_method_change_start' and entity_id = $1`,
      [sub.id],
    );
    expect(n).toBe(1);
  });

  it('the demo has active and cancelled subscriptions', async () => {
    const rows = await sql(`select distinct status from subscriptions`);
    expect(rows.map((r) => r.status).sort()).toEqual(expect.arrayContaining(['ACTIVE', 'CANCELLED']));
  });
});

describe('refunds by an admin', () => {
  const REFUND =
    'mutation($id: UUID!, $i: OrderRefundInput!) { orderRefund(id: $id, input: $i) { status refundedAt refundReason } }';

  it('an admin refunds a paid order through Stripe: audited with the reason, the buyer told; the later event changes nothing', async () => {
    const { orderId, orderNumber } = (await buy('refund@nyabutiken.example.com')).data!.checkout;
    const session = await sessionOf(orderId);
    await deliver(stripe.completeSession(session));
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const { orderRefund } = await admin.ok(REFUND, { id: orderId, i: { reason: 'Ordered by mistake' } });
    expect(orderRefund).toMatchObject({
      status: 'REFUNDED',
      refundReason: 'Ordered by mistake',
      refundedAt: expect.any(String),
    });
    const refund = stripe.requests.filter((r) => r.path === '/v1/refunds').pop()!;
    expect(refund.body).toMatchObject({ payment_intent: stripe.getSession(session)!.payment_intent, amount: '74875' });
    expect(await orderState(orderId)).toMatchObject({ order: 'REFUNDED', payment: 'REFUNDED' });
    const [entry] = await sql(`select detail from audit_events where action = 'order.refund' and entity_id = $1`, [
      orderId,
    ]);
    expect(entry.detail).toMatchObject({ reason: 'Ordered by mistake', amountMinor: 74875, provider: 'STRIPE' });
    const [mail] = await sql(
      `select subject from outbox_messages where recipient = 'refund@nyabutiken.example.com' and template = 'order.refunded'`,
    );
    expect(mail.subject).toBe(`Återbetalning av beställning #${orderNumber} hos JJ Media (demo)`);
    const refunded = stripe.events.filter((e) => e.type === 'charge.refunded').pop()!;
    expect((await deliver(refunded)).body.outcome).toBe('stale:REFUNDED');
    expect((await admin.gql(REFUND, { id: orderId, i: { reason: 'Again' } })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
  });

  it('only admins refund, with a reason; an unpaid order cannot be refunded', async () => {
    const { orderId } = (await buy('norefund@nyabutiken.example.com')).data!.checkout;
    for (const role of ['EMPLOYEE', 'CONTRACTOR', 'CUSTOMER'] as const) {
      expect(
        errorCode(await (await as(demo.url, 'jj-media', role)).gql(REFUND, { id: orderId, i: { reason: 'x y z' } })),
      ).toBe('FORBIDDEN');
    }
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    expect((await admin.gql(REFUND, { id: orderId, i: { reason: '' } })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect(
      (await admin.gql(REFUND, { id: orderId, i: { reason: 'Not paid yet' } })).errors![0].extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    expect(
      errorCode(
        await (await as(demo.url, 'nordvik-webbyra', 'ADMIN')).gql(REFUND, { id: orderId, i: { reason: 'Not ours' } }),
      ),
    ).toBe('NOT_FOUND');
    expect(await orderState(orderId)).toMatchObject({ order: 'PENDING_PAYMENT', payment: 'PENDING' });
  });
});

// Last: this closes the fake Stripe.
describe('refusals and outages', () => {
  it('refuses what it cannot sell, naming the field; a provider outage charges nothing and leaves no order', async () => {
    expect((await buy('x@nyabutiken.example.com', { currency: 'GBP' })).errors![0].extensions).toMatchObject({
      field: 'currency',
    });
    expect((await buy('x@nyabutiken.example.com', { agency: undefined })).errors![0].extensions).toMatchObject({
      field: 'agency',
    });
    const before = (await sql(`select count(*)::int as n from orders`))[0].n;
    await stripe.close();
    const down = await buy('outage@nyabutiken.example.com');
    expect(errorCode(down)).toBe('SERVICE_UNAVAILABLE');
    expect((await sql(`select count(*)::int as n from orders`))[0].n).toBe(before);
    expect(
      (await sql(`select count(*)::int as n from contacts where email = 'outage@nyabutiken.example.com'`))[0].n,
    ).toBe(0);
  });
});
