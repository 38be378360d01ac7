// The fake Mollie against the real @mollie/api-client over TLS: payments create/get, status changes, webhooks.
import { createMollieClient, type MollieClient } from '@mollie/api-client';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowSelfSignedCertificates } from './insecure-tls';
import { startFakeMollie, type FakeMollie } from './mollie';

const apiKey = 'test_' + 'a1B2c3D4e5'.repeat(3);
let fake: FakeMollie;
let mollie: MollieClient;
let restoreTls: () => void;

const paymentParams = (overrides: Record<string, unknown> = {}) =>
  ({
    amount: { currency: 'EUR', value: '499.00' },
    description: 'Care Plus, first year',
    redirectUrl: 'https://app.sitecare.test/pay/return?order=ord_1',
    webhookUrl: 'https://api.sitecare.test/webhooks/mollie',
    metadata: { orderId: 'ord_1', tenantId: 'ten_1' },
    ...overrides,
  }) as Parameters<MollieClient['payments']['create']>[0];

beforeAll(async () => {
  // The fake's certificate is self-signed and the client pins its own CA list: this test process opts out.
  restoreTls = allowSelfSignedCertificates();
  fake = await startFakeMollie();
  mollie = createMollieClient({ apiKey, apiEndpoint: fake.apiEndpoint });
});
afterAll(async () => {
  await fake.close();
  restoreTls();
});

test('serves HTTPS only', () => {
  expect(fake.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  expect(fake.apiEndpoint).toBe(`${fake.baseUrl}/v2/`);
  expect(fake.certificate).toContain('BEGIN CERTIFICATE');
});

test('create and get round trip', async () => {
  const payment = await mollie.payments.create(paymentParams());
  expect(payment).toMatchObject({
    resource: 'payment',
    mode: 'test',
    status: 'open',
    amount: { currency: 'EUR', value: '499.00' },
    description: 'Care Plus, first year',
    metadata: { orderId: 'ord_1', tenantId: 'ten_1' },
    method: null,
  });
  expect(payment.id).toMatch(/^tr_\w{10}$/);
  expect(payment.getCheckoutUrl()).toBe(`${fake.baseUrl}/checkout/${payment.id}`);
  expect(payment._links.checkout).toEqual({ href: `${fake.baseUrl}/checkout/${payment.id}`, type: 'text/html' });

  const sent = fake.requests.find((r) => r.method === 'POST')!;
  expect(sent.path).toBe('/v2/payments');
  expect(sent.headers.authorization).toBe(`Bearer ${apiKey}`);
  expect(sent.headers['idempotency-key']).toBeTruthy();
  expect(sent.body).toMatchObject({
    amount: { currency: 'EUR', value: '499.00' },
    webhookUrl: paymentParams().webhookUrl,
  });

  const fetched = await mollie.payments.get(payment.id);
  expect(fetched.id).toBe(payment.id);
  expect(fetched.status).toBe('open');
  expect(fetched.createdAt).toBe(payment.createdAt);
});

test.each([
  ['paid', 'creditcard', 'paidAt'],
  ['failed', 'ideal', 'failedAt'],
  ['canceled', undefined, 'canceledAt'],
  ['expired', undefined, 'expiredAt'],
] as const)('status %s shows through payments.get', async (status, method, stamp) => {
  const payment = await mollie.payments.create(paymentParams());
  fake.setStatus(payment.id, status, method ? { method } : {});
  const fetched = await mollie.payments.get(payment.id);
  expect(fetched.status).toBe(status);
  expect(fetched.method).toBe(method ?? null);
  expect(fetched[stamp]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
  expect(fetched._links.checkout).toBeUndefined();
  expect(() => fake.setStatus(payment.id, 'paid')).toThrow(/already/);
});

test('a paid payment carries amounts and method details', async () => {
  const payment = await mollie.payments.create(paymentParams({ method: 'ideal' }));
  expect(payment.method).toBe('ideal');
  expect(() => fake.setStatus(payment.id, 'paid', { method: 'creditcard' })).toThrow(/created for ideal/);
  fake.setStatus(payment.id, 'paid');
  const fetched = await mollie.payments.get(payment.id);
  expect(fetched).toMatchObject({
    status: 'paid',
    method: 'ideal',
    amountRemaining: { currency: 'EUR', value: '499.00' },
    amountRefunded: { currency: 'EUR', value: '0.00' },
    details: { consumerName: 'T. TEST' },
  });
});

test.each([
  ['a numeric amount', { amount: { currency: 'EUR', value: 499 } }, 'amount.value'],
  ['an amount without cents', { amount: { currency: 'EUR', value: '499' } }, 'amount.value'],
  ['a lowercase currency', { amount: { currency: 'eur', value: '499.00' } }, 'amount.currency'],
  ['a missing description', { description: undefined }, 'description'],
  ['a missing redirect URL', { redirectUrl: undefined }, 'redirectUrl'],
  ['a bad webhook URL', { webhookUrl: 'not a url' }, 'webhookUrl'],
  ['an unknown method', { method: 'cash' }, 'method'],
])('rejects %s with 422', async (_name, overrides, field) => {
  await expect(mollie.payments.create(paymentParams(overrides))).rejects.toMatchObject({
    name: 'ApiError',
    statusCode: 422,
    field,
    title: 'Unprocessable Entity',
  });
});

test('requires a test API key and answers unknown ids with 404', async () => {
  const wrongKey = createMollieClient({ apiKey: 'live_' + 'x'.repeat(30), apiEndpoint: fake.apiEndpoint });
  await expect(wrongKey.payments.create(paymentParams())).rejects.toMatchObject({ statusCode: 401 });
  await expect(mollie.payments.get('tr_doesnotexist')).rejects.toMatchObject({
    statusCode: 404,
    message: 'No payment exists with token tr_doesnotexist.',
  });
});

test('the webhook carries only the payment id', async () => {
  const calls: { contentType?: string; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      calls.push({ contentType: req.headers['content-type'], body });
      res.writeHead(body.startsWith('id=tr_') ? 200 : 400).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/mollie`;
  try {
    const payment = await mollie.payments.create(paymentParams({ webhookUrl }));
    fake.setStatus(payment.id, 'paid', { method: 'bancontact' });
    expect(await fake.callWebhook(payment.id)).toBe(200);
    expect(calls).toEqual([{ contentType: 'application/x-www-form-urlencoded', body: `id=${payment.id}` }]);
    // The receiver learns the status only by asking the API.
    expect((await mollie.payments.get(payment.id)).status).toBe('paid');

    const noHook = await mollie.payments.create(paymentParams({ webhookUrl: undefined }));
    await expect(fake.callWebhook(noHook.id)).rejects.toThrow(/no webhookUrl/);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
