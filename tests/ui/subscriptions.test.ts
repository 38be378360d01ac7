// Care-package subscriptions and refunds in Chromium: an employee sees every customer's
// subscriptions; the customer sees her own under "My subscriptions", reads the consent to recurring
// payments she gave, changes the payment method on Stripe's own page (the local fake), and cancels
// with a reason; an admin refunds a paid order with a reason. The tests build on each other and run
// in order.
import { demoPaymentAccounts } from '@sitecare/seeds';
import type { Page } from 'playwright-core';
import { queryAs } from '../../server/src/testing/database';
import { accessibilityViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import { menuItem, useDashboard } from '../support/dashboard';
import { startFakeStripe, type FakeStripe, type FakeStripeEvent } from '../support/fake-payments/stripe';
import { checkoutPlus } from '../support/checkout';

// JJ Media's demo people; all prefer Swedish, so the UI speaks Swedish to them after login.
const EMPLOYEE = 'erik@jj-media.example.com';
const CUSTOMER = 'anna@bageriet.example.com'; // Anna Ek of Bageriet Ek AB, with an active "Bas"

const MENU = { subscriptions: 'Abonnemang', mySubscriptions: 'Mina abonnemang' };
const CUSTOMER_NAME = 'Bageriet Ek AB';
const CONSENT = /^Jag godkänner att abonnemanget förnyas och debiteras automatiskt/;
const REASON = 'Vi bygger om sajten själva.';
const ADMIN = 'admin@jj-media.example.com';
const REFUND_REASON = 'Dubbelbeställning, kunden hörde av sig.';

// Issue 17: jj-media's own (demo) Stripe account; the installation-wide keys are not set.
const WEBHOOK_SECRET = demoPaymentAccounts['jj-media'].stripe.webhookSecret;
let stripe: FakeStripe;
const stripeEnv: Record<string, string> = {};
beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET });
  // Filled in before the dashboard fixture starts the server with it.
  Object.assign(stripeEnv, {
    STRIPE_API_BASE: stripe.baseUrl,
  });
});
afterAll(() => stripe?.close());

describe('subscriptions in Chromium', () => {
  const dash = useDashboard(stripeEnv);
  const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
    queryAs<T>(dash.db.superuserUrl, text, params);
  async function deliver(event: FakeStripeEvent) {
    const { body, headers } = stripe.signedDelivery(event);
    const res = await fetch(`${dash.app.url}/webhooks/stripe/jj-media`, { method: 'POST', headers, body });
    expect(res.status).toBe(200);
  }

  const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

  it('shows an employee every customer’s subscriptions with the customer names', async () => {
    const page = await dash.logIn(EMPLOYEE);
    expect(await menuItem(page, MENU.mySubscriptions).count()).toBe(0);
    await menuItem(page, MENU.subscriptions).click();
    await page.getByRole('columnheader', { name: 'Kund' }).waitFor();
    await row(page, CUSTOMER_NAME).getByText('Aktivt').waitFor();
    await page.getByRole('cell', { name: 'Uppsagt' }).first().waitFor(); // another customer's
    expect(await page.getByRole('row').count()).toBeGreaterThanOrEqual(3); // header and two rows
    await screenshot(page, 'subscriptions-employee-list');
  });

  it("sends the customer to Stripe's own page to change her payment method, and says so when she is back", async () => {
    const page = await dash.logIn(CUSTOMER);
    await menuItem(page, MENU.mySubscriptions).click();
    await page.getByRole('cell', { name: 'Bas', exact: true }).click();
    const showUrl = page.url();
    await page.getByRole('button', { name: 'Byt betalsätt' }).click();
    await page.waitForURL(new RegExp(`^${stripe.baseUrl}/pay/cs_`));
    await page.getByRole('heading', { name: /^Checkout cs_/ }).waitFor();
    // She enters a card on Stripe's page; Stripe tells Sitecare and sends her back.
    const session = /\/pay\/(cs_\w+)/.exec(page.url())![1];
    expect(stripe.getSession(session)).toMatchObject({ mode: 'setup' });
    await deliver(stripe.completeSession(session));
    await page.goto(`${showUrl.split('?')[0]}?method=updated`);
    await page.getByText('Det nya betalsättet är sparat; förnyelser dras från det').waitFor();
    const [{ provider_reference }] = await sql(
      `select s.provider_reference from subscriptions s join customers c on c.id = s.customer_id
        where c.name = $1 and s.status = 'ACTIVE'`,
      [CUSTOMER_NAME],
    );
    expect(provider_reference).toMatch(/^cus_\w+\/pm_\w+$/);
    await screenshot(page, 'subscriptions-method-changed');
  });

  it('lets the customer read her consent and cancel her subscription with a reason', async () => {
    const page = await dash.logIn(CUSTOMER);
    await menuItem(page, MENU.mySubscriptions).click();
    await page.getByRole('heading', { name: 'Mina abonnemang' }).first().waitFor();
    await row(page, 'Bas').getByText('Aktivt').waitFor();
    expect(await page.getByRole('columnheader', { name: 'Kund' }).count()).toBe(0);
    await screenshot(page, 'subscriptions-customer-list');

    await page.getByRole('cell', { name: 'Bas', exact: true }).click();
    await page.getByRole('heading', { name: 'Samtycke till återkommande betalningar' }).waitFor();
    await page.getByText(CONSENT).waitFor();
    // Issue 25: the consent's technical evidence (IP address, browser) is for staff, not on her page.
    expect(await page.getByText('203.0.113.20').count()).toBe(0);
    expect(await page.getByText('Mozilla/5.0 (demo)').count()).toBe(0);
    await screenshot(page, 'subscriptions-customer-show');

    await page.getByRole('button', { name: 'Säg upp abonnemanget' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Den redan betalda perioden löper till/).waitFor();
    await dialog.getByRole('textbox', { name: 'Anledning (valfri)' }).fill(REASON);
    await screenshot(page, 'subscriptions-cancel-dialog');
    await dialog.getByRole('button', { name: 'Säg upp abonnemanget' }).click();
    await page.getByText('Abonnemanget har sagts upp').waitFor();
    await page.getByText('Uppsagt', { exact: true }).first().waitFor();
    await page.getByText(REASON).waitFor();
    expect(await page.getByRole('button', { name: 'Säg upp abonnemanget' }).count()).toBe(0);
    await screenshot(page, 'subscriptions-customer-cancelled');

    await menuItem(page, MENU.mySubscriptions).click();
    await row(page, 'Bas').getByText('Uppsagt').waitFor();
  });

  it('lets an admin refund a paid order with a required reason, and shows it refunded', async () => {
    const checkout = await checkoutPlus(dash.app.url, sql, {
      name: 'Rut Refund',
      email: 'rut@refund.example.com',
      country: 'SE',
    });
    const [{ provider_reference }] = await sql(`select provider_reference from payments where order_id = $1`, [
      checkout.orderId,
    ]);
    await deliver(stripe.completeSession(provider_reference));

    const page = await dash.logIn(ADMIN);
    await page.goto(`${dash.app.url}/#/orders/${checkout.orderId}/show`);
    await page.getByRole('cell', { name: 'Kort', exact: true }).waitFor(); // the method, named in Swedish
    await page.getByRole('button', { name: 'Återbetala' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/748,75\s*kr betalas tillbaka till köparen/).waitFor();
    await dialog.getByRole('button', { name: 'Återbetala' }).click();
    await page.getByText('Skriv en anledning först').waitFor(); // no reason, no refund
    await dialog.getByRole('textbox', { name: /Anledning/ }).fill(REFUND_REASON);
    await screenshot(page, 'orders-refund-dialog');
    await dialog.getByRole('button', { name: 'Återbetala' }).click();
    await page.getByText('Beställningen har återbetalats').waitFor();
    await page.getByRole('cell', { name: REFUND_REASON }).waitFor(); // listed with the order's refunds
    await page.getByText('Återbetald', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Återbetala' }).count()).toBe(0);
    expect(stripe.requests.filter((r) => r.path === '/v1/refunds')).toHaveLength(1);
    await screenshot(page, 'orders-refunded');
  });

  it('M13: an admin refunds one line of an order on a phone (390 px): partly refunded, the refund listed, the credit note appears, axe clean', async () => {
    const checkout = await checkoutPlus(dash.app.url, sql, {
      name: 'Linn Line',
      email: 'linn@refund.example.com',
      country: 'SE',
    });
    const [{ provider_reference }] = await sql(`select provider_reference from payments where order_id = $1`, [
      checkout.orderId,
    ]);
    await deliver(stripe.completeSession(provider_reference));
    // A second line on the order (staff added an hour of extra work to it): 800 kr + 25 % VAT.
    await sql(
      `insert into order_lines (id, tenant_id, order_id, description, interval, quantity, unit_price_minor, total_minor)
       select gen_random_uuid(), tenant_id, id, 'Extra arbete, 1 timme', 'MONTHLY', 1, 80000, 80000 from orders where id = $1`,
      [checkout.orderId],
    );
    await sql(
      `update orders set subtotal_minor = subtotal_minor + 80000, vat_minor = vat_minor + 20000, total_minor = total_minor + 100000
        where id = $1`,
      [checkout.orderId],
    );
    await sql(`update payments set amount_minor = amount_minor + 100000 where order_id = $1`, [checkout.orderId]);

    const page = await dash.logIn(ADMIN);
    // On a phone (loaded at that width, so the menu drawer starts closed).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${dash.app.url}/#/orders/${checkout.orderId}/show`);
    await page.reload();
    await page.locator('td', { hasText: 'Extra arbete, 1 timme' }).waitFor();
    // On a phone the toolbar's action is an icon button named by its label.
    await page.getByRole('button', { name: 'Återbetala' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Kvar att återbetala: 1\s*748,75\s*kr/).waitFor();
    await dialog.getByRole('radio', { name: 'Valda rader' }).check();
    await dialog.getByRole('checkbox', { name: /Plus/ }).check();
    await dialog.getByRole('textbox', { name: /Anledning/ }).fill('Paketet används inte denna månad.');
    expect(await accessibilityViolations(page, '[role="dialog"]')).toEqual([]);
    const width = await dialog.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'orders-refund-line-dialog');
    await dialog.getByRole('button', { name: 'Återbetala' }).click();
    await page.getByText('Beställningen har återbetalats').waitFor();
    await page.getByText('Delvis återbetald', { exact: true }).first().waitFor();
    await page.locator('td', { hasText: 'Paketet används inte denna månad.' }).waitFor(); // the refunds listed
    // The refund's credit note appears with the order's invoice, its PDF a link.
    const [note] = await sql(`select number from invoices where order_id = $1 and kind = 'CREDIT_NOTE'`, [
      checkout.orderId,
    ]);
    expect(note).toBeDefined();
    await page.getByRole('link', { name: `Ladda ner kreditfaktura ${note.number} (PDF)` }).waitFor();
    const refunds = stripe.requests.filter((r) => r.path === '/v1/refunds');
    expect(Number((refunds[refunds.length - 1].body as Record<string, string>).amount)).toBe(74875);
    // Still refundable: the other line; the button stays.
    await page.locator('button[aria-label="Återbetala"]').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'orders-partly-refunded');
  });
});
