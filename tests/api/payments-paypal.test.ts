// PayPal through its official server SDK against the local fake: an event counts only after PayPal's
// verification says SUCCESS, and amount, currency and order must match ours (S22).
import { demoPaymentAccounts } from '@sitecare/seeds';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { startFakePayPal } from '../support/fake-payments/paypal';

// Issue 17: jj-media's own (demo) PayPal account; the installation-wide keys are not set.
const JJ = demoPaymentAccounts['jj-media'].paypal;
const WEBHOOK_ID = JJ.webhookId;
let paypal: Awaited<ReturnType<typeof startFakePayPal>>;
let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  paypal = await startFakePayPal({
    webhookId: WEBHOOK_ID,
    clientId: JJ.clientId,
    clientSecret: JJ.clientSecret,
  });
  demo = await startDemoApp({
    PAYPAL_API_BASE: paypal.baseUrl,
  });
});
afterAll(async () => {
  await demo?.stop();
  await paypal?.close();
});

async function buy(email: string) {
  const [{ id: packageId }] = await sql(
    `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = 'jj-media' and p.name_en = 'Premium'`,
  );
  const data = await new ApiClient(demo.url).ok(
    'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId redirectUrl } }',
    {
      i: {
        agency: 'jj-media',
        packageId,
        interval: 'MONTHLY',
        currency: 'USD',
        provider: 'PAYPAL',
        buyer: { name: 'Pat Pal', email, country: 'US' },
      },
    },
  );
  const [{ provider_reference }] = await sql(`select provider_reference from payments where order_id = $1`, [
    data.checkout.orderId,
  ]);
  return {
    orderId: data.checkout.orderId as string,
    paypalOrderId: provider_reference as string,
    redirectUrl: data.checkout.redirectUrl as string,
  };
}

const state = async (orderId: string) =>
  (
    await sql(
      `select o.status as "order", p.status as payment, p.method, p.provider_payment_id from orders o join payments p on p.order_id = o.id where o.id = $1`,
      [orderId],
    )
  )[0];
const webhook = `/webhooks/paypal/jj-media`;

describe('checkout through PayPal', () => {
  it('creates a PayPal order for our amount and sends the buyer to approve it', async () => {
    const { orderId, paypalOrderId, redirectUrl } = await buy('pat@pal.example.com');
    expect(redirectUrl).toContain(paypalOrderId);
    const [{ total_minor }] = await sql(`select total_minor from orders where id = $1`, [orderId]);
    expect(paypal.getOrder(paypalOrderId)!.purchase_units[0]).toMatchObject({
      amount: { currency_code: 'USD', value: (total_minor / 100).toFixed(2) },
      custom_id: orderId,
    });
  });

  it('S22: an approved order is captured on the verified webhook and the order is paid, once', async () => {
    const { orderId, paypalOrderId } = await buy('approved@pal.example.com');
    paypal.approve(paypalOrderId);
    const event = paypal.webhookEvent('CHECKOUT.ORDER.APPROVED', { id: paypalOrderId, status: 'APPROVED' });
    expect(await paypal.deliver(`${demo.url}${webhook}`, event, { valid: true })).toBe(200);
    expect(await state(orderId)).toMatchObject({
      order: 'PAID',
      payment: 'PAID',
      method: 'paypal',
      provider_payment_id: expect.any(String),
    });
    expect(await paypal.deliver(`${demo.url}${webhook}`, event, { valid: true })).toBe(200);
    const [{ n }] = await sql(`select count(*)::int as n from webhook_events where event_id = $1`, [event.id]);
    expect(n).toBe(1);
  });

  it('S22: an event PayPal does not verify is refused with 400 and changes nothing', async () => {
    const { orderId, paypalOrderId } = await buy('forged@pal.example.com');
    paypal.approve(paypalOrderId);
    const event = paypal.webhookEvent('CHECKOUT.ORDER.APPROVED', { id: paypalOrderId, status: 'APPROVED' });
    expect(await paypal.deliver(`${demo.url}${webhook}`, event, { valid: false })).toBe(400);
    expect(await state(orderId)).toMatchObject({ order: 'PENDING_PAYMENT', payment: 'PENDING' });
  });

  it('S22: a verified capture whose amount differs from our order does not pay it', async () => {
    const { orderId, paypalOrderId } = await buy('short@pal.example.com');
    paypal.approve(paypalOrderId);
    const event = paypal.webhookEvent('PAYMENT.CAPTURE.COMPLETED', {
      id: 'CAPTURE0000000001',
      status: 'COMPLETED',
      amount: { currency_code: 'USD', value: '1.00' },
      supplementary_data: { related_ids: { order_id: paypalOrderId } },
    });
    expect(await paypal.deliver(`${demo.url}${webhook}`, event, { valid: true })).toBe(200);
    expect(await state(orderId)).toMatchObject({ order: 'PENDING_PAYMENT', payment: 'PENDING' });
  });

  it('a verified refund of the capture refunds the order', async () => {
    const { orderId, paypalOrderId } = await buy('refund@pal.example.com');
    paypal.approve(paypalOrderId);
    await paypal.deliver(
      `${demo.url}${webhook}`,
      paypal.webhookEvent('CHECKOUT.ORDER.APPROVED', { id: paypalOrderId, status: 'APPROVED' }),
      { valid: true },
    );
    const { provider_payment_id } = await state(orderId);
    const refund = paypal.webhookEvent('PAYMENT.CAPTURE.REFUNDED', { id: provider_payment_id, status: 'REFUNDED' });
    expect(await paypal.deliver(`${demo.url}${webhook}`, refund, { valid: true })).toBe(200);
    expect(await state(orderId)).toMatchObject({ order: 'REFUNDED', payment: 'REFUNDED' });
  });
});
