// Issue 25, the customer's menu and pages, in Chromium: a customer's day in the portal (Anna Ek of
// Bageriet Ek AB, a company, prefers Swedish) on a desktop and a phone, and the staff side of the
// same items: no agency registers or system status for her, no storage paths, one word for a care
// package, the age question and consent switches only where they apply, Privacy tools in the staff
// menu, cancelling an unpaid order, a saved payment method, an honest portal invitation, and
// refused fields explained in Swedish.
import { demoPaymentAccounts } from '@sitecare/seeds';
import type { Page } from 'playwright-core';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient } from '../support/api-client';
import { accessibilityViolations } from '../support/axe';
import { horizontalOverflow, screenshot } from '../support/browser';
import { menuItem, settle, useDashboard } from '../support/dashboard';
import { startFakeStripe, type FakeStripe } from '../support/fake-payments/stripe';

const CUSTOMER = 'anna@bageriet.example.com';
const EMPLOYEE = 'erik@jj-media.example.com';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

// jj-media's own (demo) Stripe account, the local fake: an order she leaves unpaid is started on it.
let stripe: FakeStripe;
const stripeEnv: Record<string, string> = {};
beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: demoPaymentAccounts['jj-media'].stripe.webhookSecret });
  Object.assign(stripeEnv, { STRIPE_API_BASE: stripe.baseUrl }); // before the fixture starts the server
});
afterAll(() => stripe?.close());

/** The page's text, the menu's included (a drawer on a phone is in the document too when open). */
const bodyText = (page: Page) => page.evaluate<string>('document.body.innerText');

describe("M19: the customer's menu and pages", () => {
  const dash = useDashboard(stripeEnv);
  const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
    queryAs<T>(dash.db.superuserUrl, text, params);

  it('M19: item 1: her menu lists her services and privacy pages, never the agency’s registers or the system status; their addresses are not allowed', async () => {
    const page = await dash.logIn(CUSTOMER);
    await page.setViewportSize(DESKTOP);
    await menuItem(page, 'Mina beställningar').waitFor();
    await settle(page);
    for (const mine of ['Mina webbplatser', 'Ärenden', 'Mina fakturor', 'Mina abonnemang', 'Skötselpaket'])
      expect(await menuItem(page, mine).count()).toBe(1);
    for (const mine of ['Mina samtycken', 'Integritetsverktyg']) expect(await menuItem(page, mine).count()).toBe(1);
    for (const staffOnly of ['Ändamål', 'Integritetspolicyer', 'Systemstatus', 'Personuppgiftsbiträden', 'Incidenter'])
      expect(await menuItem(page, staffOnly).count()).toBe(0);
    // The home page offers no system status either; one word for a care package.
    expect(await page.getByRole('link', { name: /systemstatus/i }).count()).toBe(0);
    expect(await bodyText(page)).not.toMatch(/Servicepaket/i);

    for (const address of ['/processingPurposes', '/policyVersions', '/processors', '/breaches', '/status']) {
      await page.goto(`${dash.app.url}/#${address}`);
      await page.getByRole('heading', { level: 1, name: 'Åtkomst nekad' }).waitFor();
      expect(await page.getByText('Kontrollerar att API:et').count()).toBe(0);
      expect(await page.getByRole('columnheader', { name: 'Rättslig grund' }).count()).toBe(0);
    }
    await page.setViewportSize(PHONE);
    await page.goto(`${dash.app.url}/#/status`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Åtkomst nekad' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await settle(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'portal-day-status-refused-phone');

    // Staff still have both.
    const staff = await dash.logIn(EMPLOYEE);
    for (const entry of ['Ändamål', 'Systemstatus']) await menuItem(staff, entry).waitFor();
    await staff.goto(`${dash.app.url}/#/status`);
    await staff.getByText('Kontrollerar att API:et och dess databas svarar.').waitFor();
  });

  it('M19: item 1: no storage path where she looks: her site’s backups say when and how large, staff also see where', async () => {
    const [site] = await sql(`select id from sites where domain = 'bageriet-ek.example.com'`);
    const page = await dash.logIn(CUSTOMER);
    await page.setViewportSize(PHONE);
    await page.goto(`${dash.app.url}/#/sites/${site.id}/show`);
    await page.reload();
    await page.getByRole('tab', { name: 'Säkerhetskopior' }).click();
    const backups = page.getByRole('region', { name: 'Säkerhetskopior' });
    await backups.getByRole('columnheader', { name: 'Tagen' }).waitFor();
    await backups.getByRole('row').nth(1).waitFor();
    await settle(page);
    expect(await bodyText(page)).not.toContain('s3://');
    expect(await backups.getByRole('columnheader', { name: 'Lagras i' }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    const staff = await dash.logIn(EMPLOYEE);
    await staff.goto(`${dash.app.url}/#/sites/${site.id}/show`);
    await staff.getByRole('tab', { name: 'Säkerhetskopior' }).click();
    await staff
      .getByText(/^s3:\/\/backups\/bageriet-ek\.example\.com\//)
      .first()
      .waitFor();
  });

  it('M19: item 1: her consents: as a company’s contact she is not asked her age, and each purpose has a switch only for the channels it uses', async () => {
    await sql(`update contacts set age_confirmed = null where email = $1`, [CUSTOMER]);
    const page = await dash.logIn(CUSTOMER);
    await page.setViewportSize(PHONE);
    await page.goto(`${dash.app.url}/#/my-consents`);
    await page.reload();
    const newsletterByPhone = page.getByRole('switch', { name: 'Nyhetsbrev och erbjudanden – Telefon' });
    await newsletterByPhone.waitFor();
    expect(await page.getByRole('checkbox', { name: /gammal nog/ }).count()).toBe(0);
    expect(await page.getByRole('switch', { name: 'Profilering – E-post' }).count()).toBe(1);
    expect(await page.getByRole('switch', { name: 'Profilering – Sms' }).count()).toBe(0);
    expect(await page.getByRole('switch', { name: /Öppningar och klick i e-post – (Sms|Telefon)/ }).count()).toBe(0);
    expect(await page.getByRole('switch', { name: /Sociala medier$/ }).count()).toBe(0);
    // Granting without the age question is recorded (the server asks no company contact).
    await newsletterByPhone.click();
    await page.getByText('Ditt val är sparat').waitFor();
    expect(await newsletterByPhone.isChecked()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await settle(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'portal-day-consents-phone');
  });

  it('M19: item 2: staff reach Privacy tools from the menu: their own requests and exports, no customer form', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, 'Integritetsverktyg').click();
    await page.getByRole('heading', { level: 1, name: 'Integritetsverktyg' }).waitFor();
    await page.getByText('Du har inte gjort några begäranden.').waitFor();
    await settle(page);
    expect(await page.getByRole('button', { name: 'Skicka begäran' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('M19: item 3: she cancels her unpaid order from its page after confirming; a paid order offers no cancel', async () => {
    const [bas] = await sql(
      `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = 'jj-media' and p.name_en = 'Basic'`,
    );
    const { checkout } = await new ApiClient(dash.app.url).ok(
      'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId orderNumber } }',
      {
        i: {
          agency: 'jj-media',
          packageId: bas.id,
          interval: 'MONTHLY',
          currency: 'SEK',
          provider: 'STRIPE',
          buyer: { name: 'Anna Ek', email: CUSTOMER, country: 'SE' },
        },
      },
    );
    const page = await dash.logIn(CUSTOMER);
    await page.setViewportSize(PHONE);
    await page.goto(`${dash.app.url}/#/orders/${checkout.orderId}/show`);
    await page.reload();
    const cancel = page.getByRole('button', { name: 'Avbryt beställningen' });
    await cancel.click();
    const dialog = page.getByRole('dialog', { name: `Avbryta beställning ${checkout.orderNumber}?` });
    await dialog.getByText('Inget har dragits.', { exact: false }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Avbryt beställningen' }).click();
    await page.getByText(`Beställning ${checkout.orderNumber} är avbruten.`).waitFor();
    await page.getByText('Avbruten', { exact: true }).first().waitFor();
    await cancel.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Betala nu' }).count()).toBe(0);
    const [order] = await sql(`select status from orders where id = $1`, [checkout.orderId]);
    expect(order.status).toBe('CANCELLED');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // Item 7: the invoices' heading is a word, not a plural rule ("Faktura |||| Fakturor").
    await page.getByRole('heading', { name: 'Fakturor' }).waitFor();
    expect(await bodyText(page)).not.toContain('||||');
    await screenshot(page, 'portal-day-order-cancelled-phone');

    const [paid] = await sql(
      `select o.id from orders o join customers c on c.id = o.customer_id
        where c.name = 'Bageriet Ek AB' and o.status = 'PAID' limit 1`,
    );
    await page.goto(`${dash.app.url}/#/orders/${paid.id}/show`);
    await page.getByText('Betald', { exact: true }).first().waitFor();
    await settle(page);
    expect(await page.getByRole('button', { name: 'Avbryt beställningen' }).count()).toBe(0);
  });

  it('M19: item 4: her active renewing subscription says its payment method is saved', async () => {
    const page = await dash.logIn(CUSTOMER);
    await menuItem(page, 'Mina abonnemang').click();
    await page.getByRole('cell', { name: 'Bas' }).first().click();
    const saved = page.locator('.RaLabeled-root, .ra-field').filter({ hasText: 'Betalsätt sparat för förnyelser' });
    await saved.first().waitFor();
    await saved.first().getByLabel('Ja').waitFor();
    expect(await saved.first().getByLabel('Nej').count()).toBe(0);
  });

  it('M19: item 5: inviting a contact to the portal without a mail server says it is queued, with the link in development', async () => {
    const page = await dash.logIn('admin@jj-media.example.com');
    await menuItem(page, 'Kunder').click();
    await page.getByRole('cell', { name: 'Bageriet Ek AB' }).click();
    const olof = page.getByRole('row').filter({ hasText: 'olof@bageriet.example.com' });
    await olof.getByRole('button', { name: 'Bjud in Olof Ek till portalen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Skicka inbjudan' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Inbjudan till olof@bageriet.example.com står i kö' });
    await notice.waitFor();
    expect(await notice.getByRole('textbox', { name: /^Inbjudningslänk/ }).inputValue()).toMatch(/\/#\/invitation\/.+/);
    expect(await page.getByText('har skickats').count()).toBe(0);
  });

  it('M19: item 6: a field the server refuses is explained in Swedish, by its code, never in the server’s English', async () => {
    const page = await dash.logIn(CUSTOMER);
    await page.setViewportSize(PHONE);
    await page.goto(`${dash.app.url}/#/profile`);
    await page.reload();
    const contact = page.getByRole('region', { name: 'Dina kontaktuppgifter' });
    await contact.getByRole('textbox', { name: 'Telefon' }).fill('ring mig');
    await contact.getByRole('button', { name: 'Spara' }).click();
    await contact.getByText('Ange ett telefonnummer, t.ex. 070-123 45 67 eller +46 70 123 45 67.').waitFor();
    expect(await bodyText(page)).not.toMatch(/must be|Invalid/);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The same refusal in an English UI is said in English, by the same code.
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: /^Svenska$/i }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'Your contact details' });
    await english.getByRole('textbox', { name: 'Phone' }).fill('call me');
    await english.getByRole('button', { name: 'Save' }).click();
    await english.getByText('Enter a phone number, e.g. 070-123 45 67 or +46 70 123 45 67.').waitFor();
  });
});
