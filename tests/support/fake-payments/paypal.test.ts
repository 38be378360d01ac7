// The fake PayPal against the real @paypal/paypal-server-sdk (through paypalAdapterFor), plus webhook
// deliveries verified with a plain POST to verify-webhook-signature, as the SDK has no webhook support.
import {
  ApiError,
  CaptureStatus,
  CheckoutPaymentIntent,
  Client,
  Environment,
  OrdersController,
  OrderStatus,
  PaymentsController,
  PaymentTokenStatus,
  PaypalExperienceUserAction,
  PaypalPaymentTokenCustomerType,
  PaypalPaymentTokenUsageType,
  PaypalWalletContextShippingPreference,
  PaypalWalletVaultStatus,
  RefundStatus,
  StoreInVaultInstruction,
  VaultController,
  VaultTokenRequestType,
} from '@paypal/paypal-server-sdk';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { paypalAdapterFor, startFakePayPal, type FakePayPal } from './paypal';

const webhookId = 'WH-ID-0SITECARE1234567';
let fake: FakePayPal;
let orders: OrdersController;
let payments: PaymentsController;
let vault: VaultController;

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
  const client = clientFor('sitecare-client', 'sitecare-secret');
  orders = new OrdersController(client);
  payments = new PaymentsController(client);
  vault = new VaultController(client);
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

/** Orders v2 with the payer's wallet kept for later (vault on success), as the server creates it. */
const vaultingOrderBody = (value = '499.00') => ({
  body: {
    intent: CheckoutPaymentIntent.Capture,
    purchaseUnits: [{ amount: { currencyCode: 'EUR', value }, customId: 'ord_1', description: 'Care Plus' }],
    paymentSource: {
      paypal: {
        experienceContext: {
          returnUrl: 'https://app.sitecare.test/pay/ok',
          cancelUrl: 'https://app.sitecare.test/pay/cancel',
          userAction: PaypalExperienceUserAction.PayNow,
          shippingPreference: PaypalWalletContextShippingPreference.NoShipping,
          brandName: 'SiteCare',
          locale: 'en-US',
        },
        attributes: {
          vault: {
            storeInVault: StoreInVaultInstruction.OnSuccess,
            usageType: PaypalPaymentTokenUsageType.Merchant,
            customerType: PaypalPaymentTokenCustomerType.Consumer,
          },
        },
      },
    },
  },
  prefer: 'return=representation',
});

/** Orders v2 charged at once on a vaulted wallet. */
const vaultChargeBody = (vaultId: string, value = '499.00', paypalRequestId?: string) => ({
  body: {
    intent: CheckoutPaymentIntent.Capture,
    purchaseUnits: [{ amount: { currencyCode: 'EUR', value }, customId: 'ord_2', description: 'Care Plus renewal' }],
    paymentSource: { paypal: { vaultId } },
  },
  prefer: 'return=representation',
  ...(paypalRequestId ? { paypalRequestId } : {}),
});

/** A wallet vaulted through a paid order: its payment token id and the capture. */
async function vaultedThroughOrder(): Promise<{ tokenId: string; customerId: string; captureId: string }> {
  const { result } = await orders.createOrder(vaultingOrderBody());
  fake.approve(result.id!);
  const { result: captured } = await orders.captureOrder({ id: result.id!, prefer: 'return=representation' });
  const stored = captured.paymentSource!.paypal!.attributes!.vault!;
  return {
    tokenId: stored.id!,
    customerId: stored.customer!.id!,
    captureId: captured.purchaseUnits![0].payments!.captures![0].id!,
  };
}

describe('vaulting a PayPal wallet with a purchase', () => {
  test('payer action, approve, capture: the capture carries the vaulted token', async () => {
    const { result: created, statusCode } = await orders.createOrder(vaultingOrderBody());
    expect(statusCode).toBe(201);
    expect(created.status).toBe(OrderStatus.PayerActionRequired);
    const payerAction = created.links?.find((l) => l.rel === 'payer-action');
    expect(payerAction?.href).toBe(`${fake.baseUrl}/checkoutnow?token=${created.id}`);
    expect(created.links?.find((l) => l.rel === 'approve')).toBeUndefined();
    expect(fake.requests.at(-1)!.body).toMatchObject({
      payment_source: {
        paypal: {
          experience_context: { return_url: 'https://app.sitecare.test/pay/ok', user_action: 'PAY_NOW' },
          attributes: { vault: { store_in_vault: 'ON_SUCCESS', usage_type: 'MERCHANT', customer_type: 'CONSUMER' } },
        },
      },
    });

    fake.approve(created.id!);
    expect(fake.events.at(-1)).toMatchObject({ event_type: 'CHECKOUT.ORDER.APPROVED', resource: { id: created.id } });
    const approved = (await orders.getOrder({ id: created.id! })).result;
    expect(approved.paymentSource?.paypal?.attributes?.vault?.status).toBe(PaypalWalletVaultStatus.Approved);

    const { result: captured } = await orders.captureOrder({ id: created.id! });
    expect(captured.status).toBe(OrderStatus.Completed);
    const wallet = captured.paymentSource?.paypal;
    expect(wallet).toMatchObject({ emailAddress: 'buyer@example.com', accountId: captured.payer?.payerId });
    const stored = wallet!.attributes!.vault!;
    expect(stored.status).toBe(PaypalWalletVaultStatus.Vaulted);
    expect(stored.id).toMatch(/^[0-9a-z]{7}$/);
    expect(stored.customer?.id).toMatch(/^\w{10}$/);
    expect(stored.links?.find((l) => l.rel === 'self')?.href).toBe(
      `${fake.baseUrl}/v3/vault/payment-tokens/${stored.id}`,
    );

    expect(fake.getVaultToken(stored.id!)).toMatchObject({
      id: stored.id,
      customer: { id: stored.customer!.id },
      payment_source: {
        paypal: { email_address: 'buyer@example.com', usage_type: 'MERCHANT', customer_type: 'CONSUMER' },
      },
    });
    expect(fake.vaultTokens().map((t) => t.id)).toContain(stored.id);
    const completed = fake.events.at(-1)!;
    expect(completed).toMatchObject({
      event_type: 'PAYMENT.CAPTURE.COMPLETED',
      resource_type: 'capture',
      resource: { status: 'COMPLETED', supplementary_data: { related_ids: { order_id: created.id } } },
    });
    // The vault API shows the same token.
    const { result: token } = await vault.getPaymentToken(stored.id!);
    expect(token).toMatchObject({ id: stored.id, customer: { id: stored.customer!.id } });
    expect(token.paymentSource?.paypal).toMatchObject({
      emailAddress: 'buyer@example.com',
      payerId: captured.payer?.payerId,
    });
  });

  test.each([
    [
      'store_in_vault',
      { storeInVault: 'NEVER' },
      400,
      'INVALID_PARAMETER_VALUE',
      '/payment_source/paypal/attributes/vault/store_in_vault',
    ],
    [
      'usage_type',
      { usageType: 'SHARED' },
      400,
      'INVALID_PARAMETER_VALUE',
      '/payment_source/paypal/attributes/vault/usage_type',
    ],
  ])('rejects a bad %s', async (_name, change, status, issue, field) => {
    const body = vaultingOrderBody();
    Object.assign(body.body.paymentSource.paypal.attributes.vault, change);
    // The SDK passes unknown enum values through (its enums are open), so the fake judges them.
    const error = await failure(orders.createOrder(body as never));
    expect(error.statusCode).toBe(status);
    expect(error.result.details[0]).toMatchObject({ issue, field });
  });

  test('rejects a bad return URL and any source but paypal', async () => {
    const body = vaultingOrderBody();
    body.body.paymentSource.paypal.experienceContext.returnUrl = 'not a url';
    const bad = await failure(orders.createOrder(body));
    expect(bad.statusCode).toBe(400);
    expect(bad.result.details[0]).toMatchObject({
      issue: 'INVALID_PARAMETER_SYNTAX',
      field: '/payment_source/paypal/experience_context/return_url',
    });
    const card = await failure(
      orders.createOrder({
        body: { ...orderBody().body, paymentSource: { card: { number: '4111111111111111', expiry: '2030-12' } } },
      }),
    );
    expect(card.statusCode).toBe(422);
  });
});

describe('charging a vaulted wallet', () => {
  test('an order on vault_id is captured at once', async () => {
    const { tokenId, customerId } = await vaultedThroughOrder();
    const { result, statusCode } = await orders.createOrder(vaultChargeBody(tokenId, '499.00', 'renewal-1'));
    expect(statusCode).toBe(201);
    expect(result.status).toBe(OrderStatus.Completed);
    const capture = result.purchaseUnits?.[0].payments?.captures?.[0];
    expect(capture).toMatchObject({
      status: CaptureStatus.Completed,
      amount: { currencyCode: 'EUR', value: '499.00' },
    });
    expect(capture?.id).toMatch(/^[0-9A-Z]{17}$/);
    expect(result.paymentSource?.paypal).toMatchObject({
      emailAddress: 'buyer@example.com',
      attributes: { vault: { id: tokenId, customer: { id: customerId } } },
    });
    expect(fake.requests.at(-1)!.body).toMatchObject({ payment_source: { paypal: { vault_id: tokenId } } });

    const event = fake.events.at(-1)!;
    expect(event).toMatchObject({
      event_type: 'PAYMENT.CAPTURE.COMPLETED',
      resource: {
        id: capture?.id,
        amount: { value: '499.00' },
        supplementary_data: { related_ids: { order_id: result.id } },
      },
    });
    expect(fake.getCapture(capture!.id!)).toMatchObject({ status: 'COMPLETED' });
    // The same PayPal-Request-Id replays the order instead of charging twice.
    const before = fake.events.length;
    const again = await orders.createOrder(vaultChargeBody(tokenId, '499.00', 'renewal-1'));
    expect(again.result.id).toBe(result.id);
    expect(fake.events.length).toBe(before);
    // Minimal representation of a completed order still names the capture.
    const minimal = await orders.createOrder({ ...vaultChargeBody(tokenId, '10.00'), prefer: 'return=minimal' });
    expect(minimal.result.status).toBe(OrderStatus.Completed);
    expect(minimal.result.purchaseUnits?.[0].payments?.captures?.[0].status).toBe(CaptureStatus.Completed);
  });

  test('unknown, declined and deleted tokens', async () => {
    const unknown = await failure(orders.createOrder(vaultChargeBody('nosuch1')));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.result).toMatchObject({
      name: 'UNPROCESSABLE_ENTITY',
      details: [{ issue: 'INVALID_RESOURCE_ID', field: '/payment_source/paypal/vault_id', value: 'nosuch1' }],
    });
    expect(unknown.result.debug_id).toBeTruthy();

    const { tokenId } = await vaultedThroughOrder();
    fake.declineVaultToken(tokenId);
    const declined = await failure(orders.createOrder(vaultChargeBody(tokenId)));
    expect(declined.statusCode).toBe(422);
    expect(declined.result).toMatchObject({
      name: 'UNPROCESSABLE_ENTITY',
      details: [{ issue: 'INSTRUMENT_DECLINED' }],
    });
    expect(declined.result.links[0]).toMatchObject({ rel: 'information_link' });
    expect(() => fake.declineVaultToken('nosuch1')).toThrow(/no payment token/);

    const other = await vaultedThroughOrder();
    const { statusCode } = await vault.deletePaymentToken(other.tokenId);
    expect(statusCode).toBe(204);
    expect(fake.getVaultToken(other.tokenId)).toBeUndefined();
    const gone = await failure(orders.createOrder(vaultChargeBody(other.tokenId)));
    expect(gone.result.details[0].issue).toBe('INVALID_RESOURCE_ID');
    expect((await failure(vault.getPaymentToken(other.tokenId))).statusCode).toBe(404);
  });
});

describe('refunds of captures', () => {
  test('partial, then the rest, then nothing left', async () => {
    const { captureId } = await vaultedThroughOrder();
    const { result: partial, statusCode } = await payments.refundCapturedPayment({
      captureId,
      body: { amount: { currencyCode: 'EUR', value: '100.00' }, noteToPayer: 'Goodwill' },
      paypalRequestId: 'refund-1',
      prefer: 'return=representation',
    });
    expect(statusCode).toBe(201);
    expect(partial).toMatchObject({
      status: RefundStatus.Completed,
      amount: { currencyCode: 'EUR', value: '100.00' },
      noteToPayer: 'Goodwill',
    });
    expect(partial.id).toMatch(/^[0-9A-Z]{17}$/);
    expect(partial.createTime).toMatch(/Z$/);
    expect(partial.links?.find((l) => l.rel === 'self')?.href).toBe(
      `${fake.baseUrl}/v2/payments/refunds/${partial.id}`,
    );
    expect(partial.links?.find((l) => l.rel === 'up')?.href).toBe(`${fake.baseUrl}/v2/payments/captures/${captureId}`);
    expect(fake.requests.at(-1)).toMatchObject({ path: `/v2/payments/captures/${captureId}/refund` });
    expect((await payments.getCapturedPayment({ captureId })).result.status).toBe(CaptureStatus.PartiallyRefunded);

    const event = fake.events.at(-1)!;
    expect(event).toMatchObject({
      event_type: 'PAYMENT.CAPTURE.REFUNDED',
      resource_type: 'refund',
      resource: { id: partial.id },
    });
    const replay = await payments.refundCapturedPayment({
      captureId,
      body: { amount: { currencyCode: 'EUR', value: '100.00' }, noteToPayer: 'Goodwill' },
      paypalRequestId: 'refund-1',
      prefer: 'return=representation',
    });
    expect(replay.result.id).toBe(partial.id);
    expect(fake.events.at(-1)!.id).toBe(event.id);

    const exceeded = await failure(
      payments.refundCapturedPayment({ captureId, body: { amount: { currencyCode: 'EUR', value: '399.01' } } }),
    );
    expect(exceeded.statusCode).toBe(422);
    expect(exceeded.result.details[0]).toMatchObject({ issue: 'REFUND_AMOUNT_EXCEEDED' });

    const { result: rest } = await payments.refundCapturedPayment({ captureId, prefer: 'return=representation' });
    expect(rest.amount).toEqual({ currencyCode: 'EUR', value: '399.00' });
    expect(fake.getCapture(captureId)?.status).toBe('REFUNDED');
    expect(fake.refundsOf(captureId).map((r) => r.amount.value)).toEqual(['100.00', '399.00']);

    const twice = await failure(payments.refundCapturedPayment({ captureId }));
    expect(twice.statusCode).toBe(422);
    expect(twice.result.details[0]).toMatchObject({ issue: 'CAPTURE_FULLY_REFUNDED' });
    const unknown = await failure(payments.refundCapturedPayment({ captureId: 'NOSUCHCAPTURE0000' }));
    expect(unknown.statusCode).toBe(404);
  });

  test('a refund of an ordinary order capture, minimal answer', async () => {
    const { result } = await orders.createOrder(orderBody());
    fake.approve(result.id!);
    const { result: captured } = await orders.captureOrder({ id: result.id! });
    const captureId = captured.purchaseUnits![0].payments!.captures![0].id!;
    const { result: refund } = await payments.refundCapturedPayment({ captureId });
    expect(refund.status).toBe(RefundStatus.Completed);
    expect(refund.links?.map((l) => l.rel)).toEqual(['self', 'up']);
    expect((await orders.getOrder({ id: result.id! })).result.purchaseUnits?.[0].payments).toMatchObject({
      captures: [{ status: CaptureStatus.Refunded }],
      refunds: [{ id: refund.id }],
    });
  });
});

describe('vault setup tokens', () => {
  const setupBody = () => ({
    body: {
      paymentSource: {
        paypal: {
          usageType: PaypalPaymentTokenUsageType.Merchant,
          experienceContext: {
            returnUrl: 'https://app.sitecare.test/wallet/ok',
            cancelUrl: 'https://app.sitecare.test/wallet/cancel',
          },
        },
      },
    },
  });

  test('create, approve, exchange for a payment token, charge it', async () => {
    const { result: setup, statusCode } = await vault.createSetupToken({ ...setupBody(), paypalRequestId: 'setup-1' });
    expect(statusCode).toBe(201);
    expect(setup.status).toBe(PaymentTokenStatus.PayerActionRequired);
    expect(setup.id).toMatch(/^[0-9A-Z]{17}$/);
    expect(setup.paymentSource?.paypal).toMatchObject({ usageType: 'MERCHANT', customerType: 'CONSUMER' });
    const approve = setup.links?.find((l) => l.rel === 'approve')?.href;
    expect(approve).toBe(`${fake.baseUrl}/agreements/approve?approval_session_id=${setup.id}`);
    expect((await fetch(approve!)).status).toBe(200);
    expect(setup.links?.find((l) => l.rel === 'self')?.href).toBe(`${fake.baseUrl}/v3/vault/setup-tokens/${setup.id}`);
    expect((await vault.createSetupToken({ ...setupBody(), paypalRequestId: 'setup-1' })).result.id).toBe(setup.id);

    const early = await failure(
      vault.createPaymentToken({
        paypalRequestId: 'token-0',
        body: { paymentSource: { token: { id: setup.id!, type: VaultTokenRequestType.SetupToken } } },
      }),
    );
    expect(early.statusCode).toBe(422);
    expect(early.result.details[0].issue).toBe('SETUP_TOKEN_NOT_APPROVED');

    fake.approveSetupToken(setup.id!);
    expect((await vault.getSetupToken(setup.id!)).result.status).toBe(PaymentTokenStatus.Approved);
    const { result: token, statusCode: created } = await vault.createPaymentToken({
      paypalRequestId: 'token-1',
      body: { paymentSource: { token: { id: setup.id!, type: VaultTokenRequestType.SetupToken } } },
    });
    expect(created).toBe(201);
    expect(token.id).toMatch(/^[0-9a-z]{7}$/);
    expect(token.customer?.id).toBe(setup.customer?.id);
    expect(token.paymentSource?.paypal).toMatchObject({ emailAddress: 'buyer@example.com', usageType: 'MERCHANT' });
    expect(token.links?.map((l) => l.rel)).toEqual(['self', 'delete']);
    expect(fake.getSetupToken(setup.id!)?.status).toBe('VAULTED');
    const reused = await failure(
      vault.createPaymentToken({
        body: { paymentSource: { token: { id: setup.id!, type: VaultTokenRequestType.SetupToken } } },
      }),
    );
    expect(reused.statusCode).toBe(422);

    const { result: order } = await orders.createOrder(vaultChargeBody(token.id!));
    expect(order.status).toBe(OrderStatus.Completed);
    const listed = await vault.listCustomerPaymentTokens({ customerId: token.customer!.id! });
    expect(listed.result.paymentTokens?.map((t) => t.id)).toEqual([token.id]);
  });

  test('errors: unknown setup token, missing return URL', async () => {
    const missing = await failure(vault.getSetupToken('NOSUCHSETUPTOKEN0'));
    expect(missing.statusCode).toBe(404);
    expect(missing.result).toMatchObject({ name: 'RESOURCE_NOT_FOUND', details: [{ issue: 'INVALID_RESOURCE_ID' }] });
    const unknown = await failure(
      vault.createPaymentToken({
        body: { paymentSource: { token: { id: 'NOSUCHSETUPTOKEN0', type: VaultTokenRequestType.SetupToken } } },
      }),
    );
    expect(unknown.statusCode).toBe(404);
    const body = setupBody();
    delete (body.body.paymentSource.paypal.experienceContext as { returnUrl?: string }).returnUrl;
    const noReturn = await failure(vault.createSetupToken(body));
    expect(noReturn.statusCode).toBe(400);
    expect(noReturn.result.details[0]).toMatchObject({
      issue: 'MISSING_REQUIRED_PARAMETER',
      field: '/payment_source/paypal/experience_context/return_url',
    });
    expect(() => fake.approveSetupToken('NOSUCHSETUPTOKEN0')).toThrow(/no setup token/);
  });
});
