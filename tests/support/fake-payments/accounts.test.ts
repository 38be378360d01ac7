// Several accounts behind one fake provider address, told apart by key, against the official SDKs: each
// account sees only what was made with its own key; an unknown key is refused.
import { createMollieClient } from '@mollie/api-client';
import { ApiError, CheckoutPaymentIntent, Client, Environment, OrdersController } from '@paypal/paypal-server-sdk';
import Stripe from 'stripe';
import {
  startFakeMollieAccounts,
  startFakePayPalAccounts,
  startFakeStripeAccounts,
  type FakeAccounts,
} from './accounts';
import { allowSelfSignedCertificates } from './insecure-tls';
import type { FakeMollie } from './mollie';
import { paypalAdapterFor, type FakePayPal } from './paypal';
import type { FakeStripe } from './stripe';

describe('fake Stripe accounts', () => {
  let accounts: FakeAccounts<FakeStripe>;
  const keys = {
    a: { secretKey: 'sk_test_account_a', webhookSecret: 'whsec_account_a' },
    b: { secretKey: 'sk_test_account_b', webhookSecret: 'whsec_account_b' },
  };
  const client = (key: string) => {
    const base = new URL(accounts.baseUrl);
    return new Stripe(key, { host: base.hostname, port: Number(base.port), protocol: 'http', maxNetworkRetries: 0 });
  };
  beforeAll(async () => {
    accounts = await startFakeStripeAccounts(keys);
  });
  afterAll(() => accounts.close());

  test('a session made with one key lands in that account only; the other key cannot see it', async () => {
    const session = await client(keys.a.secretKey).checkout.sessions.create({
      mode: 'payment',
      line_items: [
        { price_data: { currency: 'sek', unit_amount: 50000, product_data: { name: 'Plus' } }, quantity: 1 },
      ],
      success_url: 'https://example.com/ok',
      cancel_url: 'https://example.com/cancel',
    });
    expect(accounts.of('a').getSession(session.id)).toBeDefined();
    expect(accounts.of('b').getSession(session.id)).toBeUndefined();
    await expect(client(keys.b.secretKey).checkout.sessions.retrieve(session.id)).rejects.toMatchObject({
      statusCode: 404,
    });
    // Each account signs its own deliveries with its own secret.
    const event = accounts.of('a').completeSession(session.id);
    const signed = accounts.of('a').signedDelivery(event);
    const header = signed.headers['stripe-signature'];
    expect(() => Stripe.webhooks.constructEvent(signed.body, header, keys.a.webhookSecret)).not.toThrow();
    expect(() => Stripe.webhooks.constructEvent(signed.body, header, keys.b.webhookSecret)).toThrow();
  });

  test('the balance answers a known key (the harmless check); an unknown key is refused', async () => {
    await expect(client(keys.b.secretKey).balance.retrieve()).resolves.toMatchObject({ object: 'balance' });
    await expect(client('sk_test_nobody').balance.retrieve()).rejects.toMatchObject({ statusCode: 401 });
  });
});

describe('fake Mollie accounts', () => {
  let accounts: FakeAccounts<FakeMollie> & { apiEndpoint: string };
  let restoreTls: () => void;
  const keys = { a: { apiKey: `test_${'a'.repeat(30)}` }, b: { apiKey: `test_${'b'.repeat(30)}` } };
  const client = (apiKey: string) => createMollieClient({ apiKey, apiEndpoint: accounts.apiEndpoint });
  beforeAll(async () => {
    restoreTls = allowSelfSignedCertificates();
    accounts = await startFakeMollieAccounts(keys);
  });
  afterAll(async () => {
    await accounts.close();
    restoreTls();
  });

  test('a payment made with one key is unknown to the other key', async () => {
    const payment = await client(keys.a.apiKey).payments.create({
      amount: { currency: 'EUR', value: '10.00' },
      description: 'Plus',
      redirectUrl: 'https://example.com/ok',
    });
    expect(accounts.of('a').getPayment(payment.id)).toBeDefined();
    expect(accounts.of('b').getPayment(payment.id)).toBeUndefined();
    await expect(client(keys.b.apiKey).payments.get(payment.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  test('the methods list answers a known key (the harmless check); an unknown key is refused', async () => {
    expect((await client(keys.a.apiKey).methods.list()).length).toBeGreaterThan(0);
    await expect(client(`test_${'c'.repeat(30)}`).methods.list()).rejects.toMatchObject({ statusCode: 401 });
  });
});

describe('fake PayPal accounts', () => {
  let accounts: FakeAccounts<FakePayPal>;
  const keys = {
    a: { clientId: 'client-a', clientSecret: 'secret-a', webhookId: 'WH-A' },
    b: { clientId: 'client-b', clientSecret: 'secret-b', webhookId: 'WH-B' },
  };
  const orders = (clientId: string, clientSecret: string) =>
    new OrdersController(
      new Client({
        clientCredentialsAuthCredentials: { oAuthClientId: clientId, oAuthClientSecret: clientSecret },
        environment: Environment.Sandbox,
        unstable_httpClientOptions: { adapter: paypalAdapterFor(accounts.baseUrl) },
      }),
    );
  beforeAll(async () => {
    accounts = await startFakePayPalAccounts(keys);
  });
  afterAll(() => accounts.close());

  test("an order made with one client's token is unknown to the other client", async () => {
    const { result } = await orders(keys.a.clientId, keys.a.clientSecret).createOrder({
      body: {
        intent: CheckoutPaymentIntent.Capture,
        purchaseUnits: [{ amount: { currencyCode: 'EUR', value: '10.00' } }],
      },
    });
    expect(accounts.of('a').getOrder(result.id!)).toBeDefined();
    expect(accounts.of('b').getOrder(result.id!)).toBeUndefined();
    await expect(orders(keys.b.clientId, keys.b.clientSecret).getOrder({ id: result.id! })).rejects.toBeInstanceOf(
      ApiError,
    );
  });

  test('a token for an unknown client, or the right client with the wrong secret, is refused', async () => {
    const token = (id: string, secret: string) =>
      fetch(`${accounts.baseUrl}/v1/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
    expect((await token(keys.b.clientId, keys.b.clientSecret)).status).toBe(200);
    expect((await token('client-nobody', 'x')).status).toBe(401);
    expect((await token(keys.a.clientId, keys.b.clientSecret)).status).toBe(401);
  });
});
