// Mollie through its official SDK against the local fake (over TLS): the webhook carries only an id,
// so the status always comes from Mollie (S22).
import { demoPaymentAccounts } from '@sitecare/seeds';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { startFakeMollie } from '../support/fake-payments/mollie';

// Issue 17: nordvik-webbyra's own (demo) Mollie account; the installation-wide key is not set.
const API_KEY = demoPaymentAccounts['nordvik-webbyra'].mollie.apiKey;
let mollie: Awaited<ReturnType<typeof startFakeMollie>>;
let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  mollie = await startFakeMollie({ apiKey: API_KEY });
  // Only the server process trusts the fake's self-signed certificate.
  demo = await startDemoApp({
    MOLLIE_API_BASE: mollie.apiEndpoint,
    NODE_TLS_REJECT_UNAUTHORIZED: '0',
  });
});
afterAll(async () => {
  await demo?.stop();
  await mollie?.close();
});

async function buy(email: string): Promise<{ orderId: string; paymentId: string; redirectUrl: string }> {
  const [{ id: packageId }] = await sql(
    `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = 'nordvik-webbyra' and p.name_en = 'Basic'`,
  );
  const data = await new ApiClient(demo.url).ok(
    'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId redirectUrl } }',
    {
      i: {
        agency: 'nordvik-webbyra',
        packageId,
        interval: 'YEARLY',
        currency: 'EUR',
        provider: 'MOLLIE',
        buyer: { name: 'Eva Ek', email, country: 'NL', preferredLanguage: 'en' },
      },
    },
  );
  const [{ provider_reference }] = await sql(`select provider_reference from payments where order_id = $1`, [
    data.checkout.orderId,
  ]);
  return { orderId: data.checkout.orderId, paymentId: provider_reference, redirectUrl: data.checkout.redirectUrl };
}

const state = async (orderId: string) =>
  (
    await sql(
      `select o.status as "order", p.status as payment, p.method, o.total_minor from orders o join payments p on p.order_id = o.id where o.id = $1`,
      [orderId],
    )
  )[0];

describe('checkout through Mollie', () => {
  it('creates the payment with our amount and sends the buyer to Mollie', async () => {
    const { orderId, paymentId, redirectUrl } = await buy('eva@ek.example.com');
    expect(redirectUrl.startsWith(mollie.baseUrl)).toBe(true);
    const payment = mollie.getPayment(paymentId)!;
    const { total_minor } = await state(orderId);
    expect(payment.amount).toEqual({ currency: 'EUR', value: (total_minor / 100).toFixed(2) });
    expect(payment.webhookUrl).toMatch(/\/webhooks\/mollie\/nordvik-webbyra$/);
  });

  it('S22: a webhook for a paid payment marks the order paid, once, with the method Mollie reports', async () => {
    const { orderId, paymentId } = await buy('paid@ek.example.com');
    mollie.setStatus(paymentId, 'paid', { method: 'ideal' });
    expect(await mollie.callWebhook(paymentId)).toBe(200);
    expect(await state(orderId)).toMatchObject({ order: 'PAID', payment: 'PAID', method: 'ideal' });
    expect(await mollie.callWebhook(paymentId)).toBe(200);
    const [{ n }] = await sql(
      `select count(*)::int as n from audit_events where action = 'payment.paid' and detail->>'orderId' = $1`,
      [orderId],
    );
    expect(n).toBe(1);
  });

  it('S22: a forged call for an unpaid payment, or for an id Mollie does not know, changes nothing', async () => {
    const { orderId, paymentId } = await buy('forged@ek.example.com');
    const post = (id: string) =>
      fetch(`${demo.url}/webhooks/mollie/nordvik-webbyra`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `id=${id}`,
      });
    expect((await post(paymentId)).status).toBe(200); // still open at Mollie
    expect((await post('tr_doesnotexist1')).status).toBe(200);
    expect((await post('not-an-id')).status).toBe(400);
    expect(await state(orderId)).toMatchObject({ order: 'PENDING_PAYMENT', payment: 'PENDING' });
  });

  it('a failed or expired payment at Mollie is recorded as such', async () => {
    const failed = await buy('failed@ek.example.com');
    mollie.setStatus(failed.paymentId, 'failed');
    await mollie.callWebhook(failed.paymentId);
    expect(await state(failed.orderId)).toMatchObject({ order: 'PENDING_PAYMENT', payment: 'FAILED' });
    const expired = await buy('expired@ek.example.com');
    mollie.setStatus(expired.paymentId, 'expired');
    await mollie.callWebhook(expired.paymentId);
    expect(await state(expired.orderId)).toMatchObject({ order: 'CANCELLED', payment: 'FAILED' });
  });
});
