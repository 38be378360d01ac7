// The fake Stripe against the real `stripe` SDK: Checkout Sessions, errors, and signed webhook deliveries.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startFakeStripe, type FakeStripe } from './stripe';

const secret = 'whsec_fake_payments_test_secret';
let fake: FakeStripe;
let stripe: Stripe;

const sessionParams = (overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  ({
    mode: 'payment',
    line_items: [
      { price_data: { currency: 'eur', unit_amount: 49900, product_data: { name: 'Care Plus' } }, quantity: 1 },
    ],
    customer_email: 'owner@example.com',
    success_url: 'https://app.sitecare.test/pay/ok',
    cancel_url: 'https://app.sitecare.test/pay/cancel',
    metadata: { orderId: 'ord_1', tenantId: 'ten_1' },
    payment_method_types: ['card'],
    ...overrides,
  }) as Stripe.Checkout.SessionCreateParams;

const clientFor = (key: string) =>
  new Stripe(key, { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 0 });

beforeAll(async () => {
  fake = await startFakeStripe({ webhookSecret: secret });
  stripe = clientFor('sk_test_fakepayments123');
});
afterAll(() => fake.close());

describe('checkout sessions through the SDK', () => {
  test('create, retrieve, complete and refund', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect(session).toMatchObject({
      object: 'checkout.session',
      url: `${fake.baseUrl}/pay/${session.id}`,
      amount_total: 49900,
      currency: 'eur',
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      metadata: { orderId: 'ord_1', tenantId: 'ten_1' },
      customer_email: 'owner@example.com',
      livemode: false,
    });
    expect(session.id).toMatch(/^cs_test_\w+$/);

    const sent = fake.requests.find((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions')!;
    expect(sent.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sent.headers.authorization).toBe('Bearer sk_test_fakepayments123');
    expect(decodeURIComponent(sent.rawBody)).toContain('line_items[0][price_data][unit_amount]=49900');
    expect(sent.body).toMatchObject({ line_items: [{ quantity: '1' }], payment_method_types: ['card'] });

    const retrieved = await stripe.checkout.sessions.retrieve(session.id);
    expect(retrieved).toEqual(session);

    const completed = fake.completeSession(session.id);
    expect(completed).toMatchObject({ object: 'event', type: 'checkout.session.completed', livemode: false });
    expect(completed.id).toMatch(/^evt_/);
    expect(completed.api_version).toBe(sent.headers['stripe-version']);
    expect(completed.data.object).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid' });
    const paymentIntent = completed.data.object.payment_intent!;
    expect(paymentIntent).toMatch(/^pi_/);

    const paid = await stripe.checkout.sessions.retrieve(session.id);
    expect(paid).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      payment_intent: paymentIntent,
      url: null,
    });

    const refunded = fake.refund(session.id);
    expect(refunded.type).toBe('charge.refunded');
    expect(refunded.data.object).toMatchObject({
      object: 'charge',
      payment_intent: paymentIntent,
      amount: 49900,
      amount_refunded: 49900,
      refunded: true,
    });
    expect(() => fake.refund(session.id)).toThrow(/cannot refund/);
  });

  test('failed and expired sessions', async () => {
    const a = await stripe.checkout.sessions.create(sessionParams());
    const failed = fake.failSession(a.id);
    expect(failed.type).toBe('checkout.session.async_payment_failed');
    expect(await stripe.checkout.sessions.retrieve(a.id)).toMatchObject({
      status: 'complete',
      payment_status: 'unpaid',
    });
    expect(() => fake.completeSession(a.id)).toThrow(/not open/);

    const b = await stripe.checkout.sessions.create(sessionParams());
    expect(fake.failSession(b.id, { as: 'expired' }).type).toBe('checkout.session.expired');
    expect(await stripe.checkout.sessions.retrieve(b.id)).toMatchObject({ status: 'expired', url: null });
  });

  test('sums line items and replays idempotent requests', async () => {
    const params = sessionParams({
      line_items: [
        { price_data: { currency: 'eur', unit_amount: 1000, product_data: { name: 'A' } }, quantity: 3 },
        { price_data: { currency: 'eur', unit_amount: 250, product_data: { name: 'B' } }, quantity: 2 },
      ],
    });
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: 'idem-1' });
    expect(first.amount_total).toBe(3500);
    const again = await stripe.checkout.sessions.create(params, { idempotencyKey: 'idem-1' });
    expect(again.id).toBe(first.id);
    await expect(stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'idem-1' })).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
    });
  });
});

describe('errors in Stripe shape', () => {
  test('rejects a missing or non-test API key', async () => {
    await expect(clientFor('sk_live_abc').checkout.sessions.create(sessionParams())).rejects.toMatchObject({
      type: 'StripeAuthenticationError',
      statusCode: 401,
    });
    const res = await fetch(`${fake.baseUrl}/v1/checkout/sessions/cs_test_x`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') },
    });
  });

  test.each([
    [
      'a non-integer amount',
      {
        line_items: [{ price_data: { currency: 'eur', unit_amount: 499.5, product_data: { name: 'X' } }, quantity: 1 }],
      },
      'parameter_invalid_integer',
      'line_items[0][price_data][unit_amount]',
    ],
    [
      'a missing currency',
      { line_items: [{ price_data: { unit_amount: 100, product_data: { name: 'X' } }, quantity: 1 }] },
      'parameter_missing',
      'line_items[0][price_data][currency]',
    ],
    [
      'a missing quantity',
      { line_items: [{ price_data: { currency: 'eur', unit_amount: 100, product_data: { name: 'X' } } }] },
      'parameter_missing',
      'line_items[0][quantity]',
    ],
    ['an unknown parameter', { colour: 'blue' }, 'parameter_unknown', 'colour'],
    ['a bad email', { customer_email: 'not-an-email' }, 'email_invalid', 'customer_email'],
    [
      'an amount under the minimum',
      { line_items: [{ price_data: { currency: 'eur', unit_amount: 10, product_data: { name: 'X' } }, quantity: 1 }] },
      'amount_too_small',
      'line_items',
    ],
  ])('rejects %s', async (_name, overrides, code, param) => {
    const error = await stripe.checkout.sessions.create(sessionParams(overrides as never)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, code, param });
  });

  test('answers an unknown session with resource_missing', async () => {
    await expect(stripe.checkout.sessions.retrieve('cs_test_nope')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'session',
    });
  });
});

describe('signed webhook deliveries', () => {
  // The receiver's own client: constructEvent needs no network.
  const verifier = new Stripe('sk_test_receiver');

  test('verify with constructEvent on the raw body only', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const event = fake.completeSession(session.id);
    const { body, headers } = fake.signedDelivery(event);

    const verified = verifier.webhooks.constructEvent(body, headers['stripe-signature'], secret);
    expect(verified).toMatchObject({ id: event.id, type: 'checkout.session.completed' });
    expect(verified.data.object).toMatchObject({ metadata: { orderId: 'ord_1', tenantId: 'ten_1' } });

    const verify =
      (b: string, sig: string, s = secret) =>
      () =>
        verifier.webhooks.constructEvent(b, sig, s);
    expect(verify(body, headers['stripe-signature'], 'whsec_wrong')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(verify(JSON.stringify(JSON.parse(body)), headers['stripe-signature'])).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(verify(body.replace('"livemode": false', '"livemode": true'), headers['stripe-signature'])).toThrow(
      /No signatures found matching/,
    );

    const now = Math.floor(Date.now() / 1000);
    const old = fake.signedDelivery(event, { timestamp: now - 301 });
    expect(verify(old.body, old.headers['stripe-signature'])).toThrow(/Timestamp outside the tolerance zone/);
    const recent = fake.signedDelivery(event, { timestamp: now - 240 });
    expect(verify(recent.body, recent.headers['stripe-signature'])()).toMatchObject({ id: event.id });
  });

  test('deliver POSTs the raw body and signature to a receiver', async () => {
    const received: { body: string; signature: string }[] = [];
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const signature = String(req.headers['stripe-signature']);
        received.push({ body, signature });
        try {
          verifier.webhooks.constructEvent(body, signature, secret);
          res.writeHead(200).end('{"received":true}');
        } catch {
          res.writeHead(400).end('bad signature');
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`;
    try {
      const session = await stripe.checkout.sessions.create(sessionParams());
      const event = fake.completeSession(session.id);
      expect(await fake.deliver(url, event)).toBe(200);
      expect(JSON.parse(received[0].body).id).toBe(event.id);
      expect(received[0].signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}/);
      expect(await fake.deliver(url, event, { secret: 'whsec_other' })).toBe(400);
      expect(await fake.deliver(url, event, { timestamp: Math.floor(Date.now() / 1000) - 600 })).toBe(400);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});

/** The error a call rejects with (fails the test when it resolves). */
async function rejection(call: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeError);
  return error as Stripe.errors.StripeError;
}

/** A paid checkout that kept the card: the customer and its off-session payment method. */
async function savedCard(): Promise<{ customer: string; paymentMethod: string; session: string }> {
  const session = await stripe.checkout.sessions.create(
    sessionParams({
      customer_creation: 'always',
      payment_intent_data: { setup_future_usage: 'off_session', metadata: { orderId: 'ord_1', tenantId: 'ten_1' } },
    }),
  );
  const completed = fake.completeSession(session.id).data.object;
  const intent = await stripe.paymentIntents.retrieve(completed.payment_intent!);
  return { customer: completed.customer!, paymentMethod: intent.payment_method as string, session: session.id };
}

const chargeParams = (
  customer: string,
  paymentMethod: string,
  overrides: Partial<Stripe.PaymentIntentCreateParams> = {},
) =>
  ({
    amount: 49900,
    currency: 'eur',
    customer,
    payment_method: paymentMethod,
    off_session: true,
    confirm: true,
    description: 'Care Plus, renewal',
    metadata: { orderId: 'ord_2', tenantId: 'ten_1' },
    ...overrides,
  }) as Stripe.PaymentIntentCreateParams;

describe('checkout that keeps the card', () => {
  test('customer_creation and setup_future_usage leave a customer with a reusable card', async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams({
        customer_creation: 'always',
        payment_intent_data: {
          setup_future_usage: 'off_session',
          metadata: { orderId: 'ord_1', tenantId: 'ten_1' },
          description: 'Care Plus',
        },
      }),
    );
    expect(session).toMatchObject({
      mode: 'payment',
      customer: null,
      customer_creation: 'always',
      setup_intent: null,
      payment_status: 'unpaid',
    });
    const sent = fake.requests.at(-1)!;
    expect(sent.body).toMatchObject({
      customer_creation: 'always',
      payment_intent_data: { setup_future_usage: 'off_session', metadata: { orderId: 'ord_1' } },
    });

    const completed = fake.completeSession(session.id).data.object;
    expect(completed.customer).toMatch(/^cus_\w+$/);
    expect(completed.customer_details).toEqual({ email: 'owner@example.com', name: null });
    expect((await stripe.checkout.sessions.retrieve(session.id)).customer).toBe(completed.customer);

    const intent = await stripe.paymentIntents.retrieve(completed.payment_intent!);
    expect(intent).toMatchObject({
      id: completed.payment_intent,
      object: 'payment_intent',
      amount: 49900,
      amount_received: 49900,
      currency: 'eur',
      status: 'succeeded',
      customer: completed.customer,
      setup_future_usage: 'off_session',
      metadata: { orderId: 'ord_1', tenantId: 'ten_1' },
      description: 'Care Plus',
      livemode: false,
    });
    expect(intent.payment_method).toMatch(/^pm_\w+$/);
    expect(intent.latest_charge).toMatch(/^ch_\w+$/);
    expect(fake.getPaymentIntent(intent.id)?.status).toBe('succeeded');
    expect(fake.paymentMethodsOf(completed.customer!)).toEqual([intent.payment_method]);
    expect(fake.getCustomer(completed.customer!)?.email).toBe('owner@example.com');
  });

  test('a plain checkout keeps nothing', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect(session.customer_creation).toBe('if_required');
    const completed = fake.completeSession(session.id).data.object;
    expect(completed.customer).toBeNull();
    const intent = await stripe.paymentIntents.retrieve(completed.payment_intent!);
    expect(intent).toMatchObject({ customer: null, setup_future_usage: null, metadata: {}, status: 'succeeded' });
    // The card was used once without a customer: it cannot be charged again.
    const error = await rejection(
      stripe.paymentIntents.create(chargeParams((await savedCard()).customer, intent.payment_method as string)),
    );
    expect(error).toMatchObject({ statusCode: 400, param: 'payment_method' });
  });

  test.each([
    [{ payment_intent_data: { colour: 'blue' } }, 'parameter_unknown', 'payment_intent_data[colour]'],
    [
      { payment_intent_data: { setup_future_usage: 'sometimes' } },
      'parameter_invalid',
      'payment_intent_data[setup_future_usage]',
    ],
    [{ customer_creation: 'never' }, 'parameter_invalid', 'customer_creation'],
    [{ customer: 'cus_nope', customer_email: undefined }, 'resource_missing', 'customer'],
  ])('rejects %j', async (overrides, code, param) => {
    const error = await rejection(stripe.checkout.sessions.create(sessionParams(overrides as never)));
    expect(error).toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, code, param });
  });
});

describe('off-session payment intents', () => {
  test('charge a saved card, retrieve it, replay it', async () => {
    const { customer, paymentMethod } = await savedCard();
    const before = fake.events.length;
    const intent = await stripe.paymentIntents.create(chargeParams(customer, paymentMethod), {
      idempotencyKey: 'renewal-1',
    });
    expect(intent).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount: 49900,
      amount_received: 49900,
      currency: 'eur',
      customer,
      payment_method: paymentMethod,
      description: 'Care Plus, renewal',
      metadata: { orderId: 'ord_2', tenantId: 'ten_1' },
      setup_future_usage: null,
      livemode: false,
    });
    expect(intent.id).toMatch(/^pi_\w+$/);
    expect(intent.latest_charge).toMatch(/^ch_\w+$/);
    const sent = fake.requests.at(-1)!;
    expect(sent.body).toMatchObject({ off_session: 'true', confirm: 'true', amount: '49900' });

    expect(fake.events.slice(before).map((e) => e.type)).toEqual(['payment_intent.succeeded']);
    const event = fake.events.at(-1)!;
    expect(event.data.object).toMatchObject({ id: intent.id, status: 'succeeded' });
    expect(event.request.idempotency_key).toBe('renewal-1');

    expect(await stripe.paymentIntents.retrieve(intent.id)).toEqual(intent);
    const again = await stripe.paymentIntents.create(chargeParams(customer, paymentMethod), {
      idempotencyKey: 'renewal-1',
    });
    expect(again.id).toBe(intent.id);
    expect(fake.events.length).toBe(before + 1);
    await expect(
      stripe.paymentIntents.create(chargeParams(customer, paymentMethod, { amount: 100 }), {
        idempotencyKey: 'renewal-1',
      }),
    ).rejects.toMatchObject({ type: 'StripeIdempotencyError' });
    // The key space is shared by every POST.
    await expect(
      stripe.customers.create({ email: 'x@example.com' }, { idempotencyKey: 'renewal-1' }),
    ).rejects.toMatchObject({ type: 'StripeIdempotencyError' });
  });

  test.each([
    ['card_declined', 'card_declined', 'generic_decline'],
    ['insufficient_funds', 'card_declined', 'insufficient_funds'],
    ['authentication_required', 'authentication_required', 'authentication_required'],
  ] as const)('a card set to %s is refused with a 402 card error', async (decline, code, declineCode) => {
    const { customer, paymentMethod } = await savedCard();
    fake.declinePaymentMethod(paymentMethod, decline);
    const call = () =>
      stripe.paymentIntents.create(chargeParams(customer, paymentMethod), { idempotencyKey: `declined-${decline}` });
    const error = await rejection(call());
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ type: 'StripeCardError', statusCode: 402, code, decline_code: declineCode });
    const intent = error.payment_intent!;
    expect(intent).toMatchObject({
      object: 'payment_intent',
      status: 'requires_payment_method',
      customer,
      payment_method: paymentMethod,
      amount_received: 0,
      last_payment_error: { type: 'card_error', code, decline_code: declineCode },
    });
    expect((error.raw as { payment_intent: { id: string } }).payment_intent.id).toBe(intent.id);
    expect(fake.getPaymentIntent(intent.id)?.status).toBe('requires_payment_method');
    expect(fake.events.at(-1)).toMatchObject({
      type: 'payment_intent.payment_failed',
      data: { object: { id: intent.id, last_payment_error: { code } } },
    });
    // The refusal is kept under its key, as Stripe does once a request ran.
    const replayed = await rejection(call());
    expect(replayed).toMatchObject({ statusCode: 402, code, payment_intent: { id: intent.id } });
    // And a charge that never succeeded cannot be refunded.
    const refund = await rejection(stripe.refunds.create({ payment_intent: intent.id }));
    expect(refund).toMatchObject({ statusCode: 400, param: 'payment_intent' });
  });

  test('validates like Stripe', async () => {
    const { customer, paymentMethod } = await savedCard();
    const other = await savedCard();
    const cases: [Partial<Stripe.PaymentIntentCreateParams>, number, string | undefined, string][] = [
      [{ customer: 'cus_nope' }, 400, 'resource_missing', 'customer'],
      [{ payment_method: 'pm_nope' }, 400, 'resource_missing', 'payment_method'],
      [{ customer: other.customer }, 400, 'payment_method_invalid_parameter', 'payment_method'],
      [{ confirm: false }, 400, 'parameter_invalid', 'off_session'],
      [{ amount: 10 }, 400, 'amount_too_small', 'amount'],
      [{ amount: 12.5 }, 400, 'parameter_invalid_integer', 'amount'],
      [{ currency: undefined }, 400, 'parameter_missing', 'currency'],
      [{ colour: 'blue' } as never, 400, 'parameter_unknown', 'colour'],
    ];
    for (const [overrides, statusCode, code, param] of cases) {
      const error = await rejection(stripe.paymentIntents.create(chargeParams(customer, paymentMethod, overrides)));
      expect({ overrides, ...error }).toMatchObject({ overrides, statusCode, code, param });
    }
    const missing = await rejection(stripe.paymentIntents.retrieve('pi_nope'));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});

describe('refunds through the API', () => {
  test('partial then full refund of a checkout payment; errors like Stripe', async () => {
    const { session } = await savedCard();
    const intent = fake.getSession(session)!.payment_intent!;
    const before = fake.events.length;
    const partial = await stripe.refunds.create(
      { payment_intent: intent, amount: 10000, reason: 'requested_by_customer', metadata: { orderId: 'ord_1' } },
      { idempotencyKey: 'refund-1' },
    );
    expect(partial).toMatchObject({
      object: 'refund',
      amount: 10000,
      currency: 'eur',
      payment_intent: intent,
      status: 'succeeded',
      reason: 'requested_by_customer',
      metadata: { orderId: 'ord_1' },
    });
    expect(partial.id).toMatch(/^re_\w+$/);
    expect(partial.charge).toBe(fake.getPaymentIntent(intent)!.latest_charge);
    const replay = await stripe.refunds.create(
      { payment_intent: intent, amount: 10000, reason: 'requested_by_customer', metadata: { orderId: 'ord_1' } },
      { idempotencyKey: 'refund-1' },
    );
    expect(replay.id).toBe(partial.id);

    const tooMuch = await rejection(stripe.refunds.create({ payment_intent: intent, amount: 40000 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });
    const rest = await stripe.refunds.create({ payment_intent: intent });
    expect(rest.amount).toBe(39900);
    const charge = await stripe.charges.retrieve(partial.charge as string);
    expect(charge).toMatchObject({ amount_refunded: 49900, refunded: true });

    const refunded = fake.events.slice(before);
    expect(refunded.map((e) => e.type)).toEqual(['charge.refunded', 'charge.refunded']);
    expect(refunded[0].data).toMatchObject({
      object: { object: 'charge', amount_refunded: 10000, refunded: false, payment_intent: intent },
      previous_attributes: { amount_refunded: 0, refunded: false },
    });
    expect(refunded[1].data.previous_attributes).toEqual({ amount_refunded: 10000, refunded: false });

    const again = await rejection(stripe.refunds.create({ payment_intent: intent, amount: 1 }));
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
    expect(() => fake.refund(session)).toThrow(/cannot refund/);
    const unknown = await rejection(stripe.refunds.create({ payment_intent: 'pi_nope' }));
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'payment_intent' });
    expect(await stripe.refunds.retrieve(partial.id)).toEqual(partial);
  });

  test('refund of an off-session charge', async () => {
    const { customer, paymentMethod } = await savedCard();
    const intent = await stripe.paymentIntents.create(chargeParams(customer, paymentMethod));
    const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: 100 });
    expect(refund).toMatchObject({ amount: 100, payment_intent: intent.id, charge: intent.latest_charge });
    expect(fake.events.at(-1)).toMatchObject({
      type: 'charge.refunded',
      data: { object: { id: intent.latest_charge, amount_refunded: 100, refunded: false } },
    });
  });
});

describe('checkout in setup mode', () => {
  test('saves a new card for an existing customer', async () => {
    const customer = await stripe.customers.create(
      { email: 'owner@example.com', name: 'Owner', metadata: { tenantId: 'ten_1' } },
      { idempotencyKey: 'customer-1' },
    );
    expect(customer).toMatchObject({ object: 'customer', email: 'owner@example.com', name: 'Owner' });
    expect(customer.id).toMatch(/^cus_\w+$/);
    expect(
      (
        await stripe.customers.create(
          { email: 'owner@example.com', name: 'Owner', metadata: { tenantId: 'ten_1' } },
          { idempotencyKey: 'customer-1' },
        )
      ).id,
    ).toBe(customer.id);

    const session = await stripe.checkout.sessions.create(
      {
        mode: 'setup',
        customer: customer.id,
        currency: 'eur',
        success_url: 'https://app.sitecare.test/card/ok',
        cancel_url: 'https://app.sitecare.test/card/cancel',
        metadata: { subscriptionId: 'sub_1', tenantId: 'ten_1' },
      },
      { idempotencyKey: 'setup-1' },
    );
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'setup',
      customer: customer.id,
      setup_intent: null,
      payment_intent: null,
      amount_total: null,
      currency: 'eur',
      payment_method_types: ['card'],
      payment_status: 'no_payment_required',
      status: 'open',
      url: `${fake.baseUrl}/pay/${session.id}`,
      metadata: { subscriptionId: 'sub_1', tenantId: 'ten_1' },
    });

    const event = fake.completeSession(session.id);
    expect(event.type).toBe('checkout.session.completed');
    const completed = event.data.object;
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'no_payment_required', url: null });
    expect(completed.setup_intent).toMatch(/^seti_\w+$/);
    expect((await stripe.checkout.sessions.retrieve(session.id)).setup_intent).toBe(completed.setup_intent);

    const setup = await stripe.setupIntents.retrieve(completed.setup_intent!);
    expect(setup).toMatchObject({
      id: completed.setup_intent,
      object: 'setup_intent',
      customer: customer.id,
      status: 'succeeded',
      usage: 'off_session',
      livemode: false,
    });
    expect(setup.payment_method).toMatch(/^pm_\w+$/);
    expect(fake.paymentMethodsOf(customer.id)).toEqual([setup.payment_method]);
    expect(fake.getSetupIntent(setup.id)?.payment_method).toBe(setup.payment_method);

    const charged = await stripe.paymentIntents.create(chargeParams(customer.id, setup.payment_method as string));
    expect(charged.status).toBe('succeeded');
    expect(() => fake.failSession(session.id)).toThrow(/not open/);
  });

  test('currency is required unless allowed_payment_method_types is set', async () => {
    const customer = await stripe.customers.create({ email: 'owner@example.com' });
    const base = { mode: 'setup', customer: customer.id, success_url: 'https://app.sitecare.test/card/ok' } as const;
    const error = await rejection(stripe.checkout.sessions.create(base));
    expect(error).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'currency' });
    const session = await stripe.checkout.sessions.create({ ...base, allowed_payment_method_types: ['card'] });
    expect(session).toMatchObject({
      mode: 'setup',
      currency: null,
      allowed_payment_method_types: ['card'],
      payment_method_types: ['card'],
    });
  });

  test.each([
    [{ customer: 'cus_nope' }, 'resource_missing', 'customer'],
    [
      {
        line_items: [{ price_data: { currency: 'eur', unit_amount: 100, product_data: { name: 'X' } }, quantity: 1 }],
      },
      'parameter_invalid',
      'line_items',
    ],
    [{ payment_intent_data: { setup_future_usage: 'off_session' } }, 'parameter_invalid', 'payment_intent_data'],
  ])('rejects %j', async (overrides, code, param) => {
    const customer = await stripe.customers.create({ email: 'owner@example.com' });
    const error = await rejection(
      stripe.checkout.sessions.create({
        mode: 'setup',
        customer: customer.id,
        currency: 'eur',
        success_url: 'https://app.sitecare.test/card/ok',
        ...(overrides as object),
      } as Stripe.Checkout.SessionCreateParams),
    );
    expect(error).toMatchObject({ statusCode: 400, code, param });
  });
});
