// The fake PayPal against the real @paypal/paypal-server-sdk (through paypalAdapterFor), plus webhook
// deliveries verified with a plain POST to verify-webhook-signature, as the SDK has no webhook support.
import {
  ApiError,
  CheckoutPaymentIntent,
  Client,
  Environment,
  OrdersController,
  OrderStatus,
} from '@paypal/paypal-server-sdk';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { paypalAdapterFor, startFakePayPal, type FakePayPal } from './paypal';

const webhookId = 'WH-ID-0SITECARE1234567';
let fake: FakePayPal;
let orders: OrdersController;

const clientFor = (clientId: string, clientSecret: string) =>
  new Client({
    clientCredentialsAuthCredentials: { oAuthClientId: clientId, oAuthClientSecret: clientSecret },
    environment: Environment.Sandbox,
    unstable_httpClientOptions: { adapter: paypalAdapterFor(fake.baseUrl) },
  });

const orderBody = (value = '499.00') => ({
  body: {
    intent: CheckoutPaymentIntent.Capture,
    purchaseUnits: [{ amount: { currencyCode: 'EUR', value }, customId: 'ten_1:ord_1', referenceId: 'ord_1' }],
  },
});

/** What ApiError carries for PayPal's `{ name, details: [{ issue }] }` error bodies. */
async function failure(call: Promise<unknown>): Promise<{ statusCode: number; result: any }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError<any>;
}

beforeAll(async () => {
  fake = await startFakePayPal({ webhookId, clientId: 'sitecare-client', clientSecret: 'sitecare-secret' });
  orders = new OrdersController(clientFor('sitecare-client', 'sitecare-secret'));
});
afterAll(() => fake.close());

describe('orders through the SDK', () => {
  test('token, create, get, approve, capture', async () => {
    const { result: created, statusCode } = await orders.createOrder(orderBody());
    expect(statusCode).toBe(201);
    expect(created.status).toBe(OrderStatus.Created);
    expect(created.id).toMatch(/^[0-9A-Z]{17}$/);
    const approveLink = created.links?.find((l) => l.rel === 'approve');
    expect(approveLink?.href).toBe(`${fake.baseUrl}/checkoutnow?token=${created.id}`);

    const [token, create] = fake.requests;
    expect(token).toMatchObject({ method: 'POST', path: '/v1/oauth2/token' });
    expect(token.headers.authorization).toBe(
      `Basic ${Buffer.from('sitecare-client:sitecare-secret').toString('base64')}`,
    );
    expect(token.rawBody).toContain('grant_type=client_credentials');
    expect(create.headers.authorization).toMatch(/^Bearer A21AA/);
    expect(create.body).toEqual({
      intent: 'CAPTURE',
      purchase_units: [
        { amount: { currency_code: 'EUR', value: '499.00' }, custom_id: 'ten_1:ord_1', reference_id: 'ord_1' },
      ],
    });

    const { result: fetched } = await orders.getOrder({ id: created.id! });
    expect(fetched.status).toBe(OrderStatus.Created);
    expect(fetched.purchaseUnits?.[0]).toMatchObject({
      referenceId: 'ord_1',
      customId: 'ten_1:ord_1',
      amount: { currencyCode: 'EUR', value: '499.00' },
    });

    const early = await failure(orders.captureOrder({ id: created.id! }));
    expect(early.statusCode).toBe(422);
    expect(early.result).toMatchObject({ name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'ORDER_NOT_APPROVED' }] });

    fake.approve(created.id!);
    expect((await orders.getOrder({ id: created.id! })).result.status).toBe(OrderStatus.Approved);

    const { result: captured, statusCode: captureStatus } = await orders.captureOrder({ id: created.id! });
    expect(captureStatus).toBe(201);
    expect(captured.status).toBe(OrderStatus.Completed);
    const capture = captured.purchaseUnits?.[0].payments?.captures?.[0];
    expect(capture).toMatchObject({
      status: 'COMPLETED',
      amount: { currencyCode: 'EUR', value: '499.00' },
      finalCapture: true,
    });
    expect(capture?.id).toMatch(/^[0-9A-Z]{17}$/);
    expect(captured.payer?.emailAddress).toBe('buyer@example.com');

    const twice = await failure(orders.captureOrder({ id: created.id! }));
    expect(twice.result.details[0].issue).toBe('ORDER_ALREADY_CAPTURED');
    // Only one token call: the SDK reuses its token.
    expect(fake.requests.filter((r) => r.path === '/v1/oauth2/token')).toHaveLength(1);
  });

  test('full representation on request, and PayPal-Request-Id replays', async () => {
    const first = await orders.createOrder({
      ...orderBody(),
      paypalRequestId: 'req-1',
      prefer: 'return=representation',
    });
    expect(first.result.purchaseUnits?.[0].payee?.merchantId).toBeTruthy();
    const again = await orders.createOrder({
      ...orderBody(),
      paypalRequestId: 'req-1',
      prefer: 'return=representation',
    });
    expect(again.result.id).toBe(first.result.id);
  });

  test.each([
    ['three decimals', '499.001', 422, 'DECIMAL_PRECISION'],
    ['a comma', '499,00', 400, 'INVALID_PARAMETER_SYNTAX'],
    ['zero', '0.00', 422, 'CANNOT_BE_ZERO_OR_NEGATIVE'],
  ])('rejects an amount with %s', async (_name, value, status, issue) => {
    const error = await failure(orders.createOrder(orderBody(value)));
    expect(error.statusCode).toBe(status);
    expect(error.result.details[0]).toMatchObject({ issue, field: '/purchase_units/0/amount/value' });
  });

  test('unknown orders, bad client credentials', async () => {
    const missing = await failure(orders.getOrder({ id: 'NOSUCHORDER000000' }));
    expect(missing.statusCode).toBe(404);
    expect(missing.result).toMatchObject({ name: 'RESOURCE_NOT_FOUND', details: [{ issue: 'INVALID_RESOURCE_ID' }] });

    const wrong = new OrdersController(clientFor('sitecare-client', 'wrong-secret'));
    const denied = await wrong.createOrder(orderBody()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(denied).toMatchObject({ statusCode: 401, result: { error: 'invalid_client' } });
  });

  test('the adapter refuses any host but PayPal API and the fake', async () => {
    const adapter = paypalAdapterFor(fake.baseUrl);
    await expect(
      adapter({ url: 'https://example.com/v1/oauth2/token', method: 'get', headers: {} } as any),
    ).rejects.toThrow(/refusing/);
    await expect(
      adapter({ url: 'https://api-m.paypal.com.evil.test/x', method: 'get', headers: {} } as any),
    ).rejects.toThrow(/refusing/);
  });
});

describe('webhooks', () => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let receiver: http.Server;
  let url: string;
  let token: string;

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/paypal`;
    const res = await fetch(`${fake.baseUrl}/v1/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('sitecare-client:sitecare-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    token = ((await res.json()) as { access_token: string }).access_token;
  });
  afterAll(() => new Promise((resolve) => receiver.close(resolve)));

  /** What the receiving server does: POST the headers plus the parsed event to verify-webhook-signature. */
  async function verify(delivery: (typeof received)[number], overrides: Record<string, unknown> = {}, auth = token) {
    const h = delivery.headers;
    const res = await fetch(`${fake.baseUrl}/v1/notifications/verify-webhook-signature`, {
      method: 'POST',
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        auth_algo: h['paypal-auth-algo'],
        cert_url: h['paypal-cert-url'],
        transmission_id: h['paypal-transmission-id'],
        transmission_sig: h['paypal-transmission-sig'],
        transmission_time: h['paypal-transmission-time'],
        webhook_id: webhookId,
        webhook_event: JSON.parse(delivery.body),
        ...overrides,
      }),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  async function capturedOrderEvent() {
    const { result } = await orders.createOrder(orderBody());
    fake.approve(result.id!);
    await orders.captureOrder({ id: result.id! });
    return fake.webhookEvent('PAYMENT.CAPTURE.COMPLETED', fake.captureOf(result.id!));
  }

  test('a valid delivery verifies; tampering, another webhook id or a bad signature do not', async () => {
    const event = await capturedOrderEvent();
    expect(event).toMatchObject({ event_type: 'PAYMENT.CAPTURE.COMPLETED', resource_type: 'capture' });
    expect(event.id).toMatch(/^WH-/);
    expect(event.resource).toMatchObject({ status: 'COMPLETED', supplementary_data: { related_ids: {} } });

    expect(await fake.deliver(url, event, { valid: true })).toBe(200);
    const good = received.at(-1)!;
    expect(JSON.parse(good.body)).toEqual(event);
    for (const h of [
      'paypal-transmission-id',
      'paypal-transmission-time',
      'paypal-transmission-sig',
      'paypal-cert-url',
    ]) {
      expect(good.headers[h]).toBeTruthy();
    }
    expect(good.headers['paypal-auth-algo']).toBe('SHA256withRSA');

    expect((await verify(good)).body).toEqual({ verification_status: 'SUCCESS' });
    expect((await verify(good, { webhook_id: 'WH-ID-SOMEONE-ELSE' })).body.verification_status).toBe('FAILURE');
    const tampered = {
      ...JSON.parse(good.body),
      resource: { ...event.resource, amount: { currency_code: 'EUR', value: '1.00' } },
    };
    expect((await verify(good, { webhook_event: tampered })).body.verification_status).toBe('FAILURE');
    expect((await verify(good, { transmission_time: new Date().toISOString() })).body.verification_status).toBe(
      'FAILURE',
    );

    expect(await fake.deliver(url, event, { valid: false })).toBe(200);
    expect((await verify(received.at(-1)!)).body).toEqual({ verification_status: 'FAILURE' });
  });

  test('verification needs a token and every field', async () => {
    const event = fake.webhookEvent('CHECKOUT.ORDER.APPROVED', { id: 'ORDER0000000000X', status: 'APPROVED' });
    expect(event.resource_type).toBe('checkout-order');
    await fake.deliver(url, event, { valid: true });
    const delivery = received.at(-1)!;
    expect((await verify(delivery, {}, 'not-a-token')).status).toBe(401);
    const incomplete = await verify(delivery, { webhook_id: undefined });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body).toMatchObject({ name: 'VALIDATION_ERROR', details: [{ field: 'webhook_id' }] });
    expect((await verify(delivery)).body.verification_status).toBe('SUCCESS');
  });
});
