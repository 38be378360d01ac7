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
