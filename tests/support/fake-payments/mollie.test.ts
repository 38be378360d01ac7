// The fake Mollie against the real @mollie/api-client over TLS: payments create/get, status changes, webhooks.
import { createMollieClient, SequenceType, type MollieClient } from '@mollie/api-client';
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

/** The error a call rejects with (fails the test when it resolves). */
async function rejection(call: Promise<unknown>): Promise<{ statusCode?: number; field?: string; message: string }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: 'ApiError' });
  return error as { statusCode?: number; field?: string; message: string };
}

const newCustomer = (idempotencyKey?: string) =>
  mollie.customers.create({
    name: 'Owner Example',
    email: 'owner@example.com',
    metadata: { tenantId: 'ten_1' },
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });

/** A customer with a valid mandate left by a paid `first` payment. */
async function mandated(method: 'creditcard' | 'ideal' | 'paypal' = 'creditcard') {
  const customer = await newCustomer();
  const first = await mollie.payments.create(
    paymentParams({ customerId: customer.id, sequenceType: SequenceType.first }),
  );
  fake.setStatus(first.id, 'paid', { method });
  const paid = await mollie.payments.get(first.id);
  return { customerId: customer.id, mandateId: paid.mandateId!, first: paid };
}

const recurringParams = (customerId: string, mandateId?: string, overrides: Record<string, unknown> = {}) =>
  ({
    amount: { currency: 'EUR', value: '499.00' },
    description: 'Care Plus, renewal',
    customerId,
    ...(mandateId ? { mandateId } : {}),
    sequenceType: SequenceType.recurring,
    webhookUrl: 'https://api.sitecare.test/webhooks/mollie',
    metadata: { orderId: 'ord_2', tenantId: 'ten_1' },
    ...overrides,
  }) as Parameters<MollieClient['payments']['create']>[0];

describe('customers and mandates', () => {
  test('create and get a customer; idempotency keys replay', async () => {
    const customer = await newCustomer('customer-1');
    expect(customer).toMatchObject({
      resource: 'customer',
      mode: 'test',
      name: 'Owner Example',
      email: 'owner@example.com',
      locale: null,
      metadata: { tenantId: 'ten_1' },
    });
    expect(customer.id).toMatch(/^cst_\w{10}$/);
    expect(customer.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(fake.requests.at(-1)!.headers['idempotency-key']).toBe('customer-1');
    expect((await newCustomer('customer-1')).id).toBe(customer.id);
    expect((await mollie.customers.get(customer.id)).email).toBe('owner@example.com');
    expect(fake.getCustomer(customer.id)?.name).toBe('Owner Example');
    await expect(mollie.customers.get('cst_doesnotexist')).rejects.toMatchObject({ statusCode: 404 });
    const bad = await rejection(mollie.customers.create({ name: 'X', email: 'not-an-email' }));
    expect(bad).toMatchObject({ statusCode: 422, field: 'email' });
  });

  test.each([
    ['creditcard', 'creditcard', { cardNumber: '6787', cardLabel: 'Mastercard' }],
    ['paypal', 'paypal', { consumerAccount: 'buyer@example.com' }],
    ['ideal', 'directdebit', { consumerName: 'T. TEST', consumerBic: 'ABNANL2A' }],
  ] as const)('a paid first payment by %s leaves a %s mandate', async (method, mandateMethod, details) => {
    const customer = await newCustomer();
    const first = await mollie.payments.create(
      paymentParams({ customerId: customer.id, sequenceType: SequenceType.first }),
    );
    expect(first).toMatchObject({ status: 'open', customerId: customer.id, sequenceType: 'first' });
    expect(first.mandateId).toBeUndefined();
    expect(first.getCheckoutUrl()).toBe(`${fake.baseUrl}/checkout/${first.id}`);
    expect(fake.mandatesOf(customer.id)).toEqual([]);

    fake.setStatus(first.id, 'paid', { method });
    const paid = await mollie.payments.get(first.id);
    expect(paid).toMatchObject({ status: 'paid', method, sequenceType: 'first', customerId: customer.id });
    expect(paid.mandateId).toMatch(/^mdt_\w{10}$/);

    const mandate = await mollie.customerMandates.get(paid.mandateId!, { customerId: customer.id });
    expect(mandate).toMatchObject({
      resource: 'mandate',
      id: paid.mandateId,
      mode: 'test',
      status: 'valid',
      method: mandateMethod,
      details,
    });
    expect(mandate.createdAt).toMatch(/\+00:00$/);
    expect(mandate.signatureDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    // Never a full card or account number.
    const shown = JSON.stringify(mandate.details);
    expect(shown).not.toMatch(/\d{8,}/);
    if (mandateMethod === 'directdebit')
      expect(mandate.details).toMatchObject({ consumerAccount: 'NL91ABNA******4300' });
    expect(fake.mandatesOf(customer.id).map((m) => m.id)).toEqual([paid.mandateId]);
    expect(fake.getMandate(paid.mandateId!)?.status).toBe('valid');
    const listed = await mollie.customerMandates.page({ customerId: customer.id });
    expect(listed.map((m) => m.id)).toEqual([paid.mandateId]);
  });

  test('a first payment needs an existing customer; a failed one leaves no mandate', async () => {
    const noCustomer = await rejection(mollie.payments.create(paymentParams({ sequenceType: SequenceType.first })));
    expect(noCustomer).toMatchObject({ statusCode: 422, field: 'customerId' });
    const unknown = await rejection(
      mollie.payments.create(paymentParams({ customerId: 'cst_doesnotexist', sequenceType: SequenceType.first })),
    );
    expect(unknown).toMatchObject({ statusCode: 422, field: 'customerId' });
    const bad = await rejection(mollie.payments.create(paymentParams({ sequenceType: 'sometimes' })));
    expect(bad).toMatchObject({ statusCode: 422, field: 'sequenceType' });

    const customer = await newCustomer();
    const first = await mollie.payments.create(
      paymentParams({ customerId: customer.id, sequenceType: SequenceType.first }),
    );
    fake.setStatus(first.id, 'failed', { method: 'creditcard' });
    expect((await mollie.payments.get(first.id)).mandateId).toBeUndefined();
    expect(fake.mandatesOf(customer.id)).toEqual([]);
  });

  test('revoke through the API or the helper', async () => {
    const { customerId, mandateId } = await mandated();
    expect(await mollie.customerMandates.revoke(mandateId, { customerId })).toBe(true);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 204 });
    expect((await mollie.customerMandates.get(mandateId, { customerId })).status).toBe('invalid');

    const other = await mandated('paypal');
    fake.revokeMandate(other.customerId, other.mandateId);
    expect(fake.getMandate(other.mandateId)?.status).toBe('invalid');
    expect(() => fake.revokeMandate(customerId, other.mandateId)).toThrow(/no mandate/);
    await expect(mollie.customerMandates.get(other.mandateId, { customerId })).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

describe('recurring payments', () => {
  test('charge a mandate: pending, no checkout, then settled by setStatus', async () => {
    const { customerId, mandateId } = await mandated();
    const payment = await mollie.payments.create({
      ...recurringParams(customerId, mandateId),
      idempotencyKey: 'renewal-1',
    });
    expect(payment).toMatchObject({
      resource: 'payment',
      status: 'pending',
      sequenceType: 'recurring',
      customerId,
      mandateId,
      method: 'creditcard',
      amount: { currency: 'EUR', value: '499.00' },
      metadata: { orderId: 'ord_2', tenantId: 'ten_1' },
    });
    expect(payment.getCheckoutUrl()).toBeNull();
    expect(payment.redirectUrl).toBeUndefined();
    const again = await mollie.payments.create({
      ...recurringParams(customerId, mandateId),
      idempotencyKey: 'renewal-1',
    });
    expect(again.id).toBe(payment.id);

    fake.setStatus(payment.id, 'paid');
    expect(await mollie.payments.get(payment.id)).toMatchObject({ status: 'paid', method: 'creditcard', mandateId });

    // Without a mandateId the customer's valid mandate is used.
    const implicit = await mollie.payments.create(recurringParams(customerId));
    expect(implicit).toMatchObject({ mandateId, method: 'creditcard', status: 'pending' });
    fake.setStatus(implicit.id, 'failed');
    expect((await mollie.payments.get(implicit.id)).status).toBe('failed');
  });

  test('a direct debit mandate charges by direct debit', async () => {
    const { customerId, mandateId } = await mandated('ideal');
    const payment = await mollie.payments.create(recurringParams(customerId, mandateId));
    expect(payment).toMatchObject({ method: 'directdebit', status: 'pending', isCancelable: true });
    expect(payment.details).toMatchObject({ consumerAccount: 'NL91ABNA******4300' });
  });

  test('needs a valid mandate of that customer', async () => {
    const { customerId, mandateId } = await mandated();
    const other = await mandated();
    const foreign = await rejection(mollie.payments.create(recurringParams(customerId, other.mandateId)));
    expect(foreign).toMatchObject({
      statusCode: 422,
      field: 'mandateId',
      message: 'The customer has no valid mandates',
    });
    const oneoff = await rejection(
      mollie.payments.create(paymentParams({ mandateId, customerId, sequenceType: SequenceType.oneoff })),
    );
    expect(oneoff).toMatchObject({ statusCode: 422, field: 'mandateId' });

    fake.revokeMandate(customerId, mandateId);
    const revoked = await rejection(mollie.payments.create(recurringParams(customerId, mandateId)));
    expect(revoked).toMatchObject({
      statusCode: 422,
      field: 'mandateId',
      message: 'The customer has no valid mandates',
    });
    const none = await rejection(mollie.payments.create(recurringParams(customerId)));
    expect(none).toMatchObject({ statusCode: 422, field: 'customerId', message: 'The customer has no valid mandates' });
    const fresh = await newCustomer();
    expect(await rejection(mollie.payments.create(recurringParams(fresh.id)))).toMatchObject({
      statusCode: 422,
      field: 'customerId',
    });
    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', path: '/v2/payments', status: 422 });
  });
});

describe('refunds', () => {
  test('partial and full refunds update the payment', async () => {
    const payment = await mollie.payments.create(paymentParams());
    const early = await rejection(
      mollie.paymentRefunds.create({ paymentId: payment.id, amount: { currency: 'EUR', value: '10.00' } }),
    );
    expect(early.statusCode).toBe(422);
    fake.setStatus(payment.id, 'paid', { method: 'creditcard' });

    const refund = await mollie.paymentRefunds.create({
      paymentId: payment.id,
      amount: { currency: 'EUR', value: '100.00' },
      description: 'Goodwill',
      metadata: { orderId: 'ord_1' },
      idempotencyKey: 'refund-1',
    });
    expect(refund).toMatchObject({
      resource: 'refund',
      amount: { currency: 'EUR', value: '100.00' },
      status: 'pending',
      paymentId: payment.id,
      description: 'Goodwill',
      metadata: { orderId: 'ord_1' },
    });
    expect(refund.id).toMatch(/^re_\w{10}$/);
    expect(refund.createdAt).toMatch(/\+00:00$/);
    const replay = await mollie.paymentRefunds.create({
      paymentId: payment.id,
      amount: { currency: 'EUR', value: '100.00' },
      description: 'Goodwill',
      metadata: { orderId: 'ord_1' },
      idempotencyKey: 'refund-1',
    });
    expect(replay.id).toBe(refund.id);

    const partly = await mollie.payments.get(payment.id);
    expect(partly).toMatchObject({
      status: 'paid',
      amountRefunded: { currency: 'EUR', value: '100.00' },
      amountRemaining: { currency: 'EUR', value: '399.00' },
    });
    expect(partly.hasRefunds()).toBe(true);
    expect(partly._links.refunds?.href).toBe(`${fake.baseUrl}/v2/payments/${payment.id}/refunds`);
    expect((await mollie.paymentRefunds.get(refund.id, { paymentId: payment.id })).amount.value).toBe('100.00');

    const tooMuch = await rejection(
      mollie.paymentRefunds.create({ paymentId: payment.id, amount: { currency: 'EUR', value: '399.01' } }),
    );
    expect(tooMuch).toMatchObject({ statusCode: 422, field: 'amount.value' });
    const currency = await rejection(
      mollie.paymentRefunds.create({ paymentId: payment.id, amount: { currency: 'USD', value: '1.00' } }),
    );
    expect(currency).toMatchObject({ statusCode: 422, field: 'amount.currency' });
    await mollie.paymentRefunds.create({ paymentId: payment.id, amount: { currency: 'EUR', value: '399.00' } });
    expect(await mollie.payments.get(payment.id)).toMatchObject({
      amountRefunded: { value: '499.00' },
      amountRemaining: { value: '0.00' },
    });
    const more = await rejection(
      mollie.paymentRefunds.create({ paymentId: payment.id, amount: { currency: 'EUR', value: '0.01' } }),
    );
    expect(more.statusCode).toBe(422);

    expect(fake.refundsOf(payment.id).map((r) => r.amount.value)).toEqual(['100.00', '399.00']);
    const page = await mollie.paymentRefunds.page({ paymentId: payment.id });
    expect(page.map((r) => r.id)).toEqual(fake.refundsOf(payment.id).map((r) => r.id));
    await expect(
      mollie.paymentRefunds.create({ paymentId: 'tr_doesnotexist', amount: { currency: 'EUR', value: '1.00' } }),
    ).rejects.toMatchObject({ statusCode: 404 });
  });
});
