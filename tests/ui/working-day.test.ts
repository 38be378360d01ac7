// Issue 25 (part A) in Chromium: a working day of customers and staff with customers and tickets.
// The customer saves every form of her profile on a phone, phone numbers in national form, ticket
// replies with a chosen status, care package prices, failed and refunded payments.
import type { Page } from 'playwright-core';
import { queryAs } from '../../server/src/testing/database';
import { demoPaymentAccounts } from '@sitecare/seeds';
import { ApiClient, as } from '../support/api-client';
import { accessibilityViolations } from '../support/axe';
import { horizontalOverflow, screenshot } from '../support/browser';
import { useDashboard } from '../support/dashboard';
import { startFakeStripe, type FakeStripe } from '../support/fake-payments/stripe';
import { eventually } from '../support/wait';

const CUSTOMER = 'anna@bageriet.example.com'; // Anna Ek of Bageriet Ek AB; prefers Swedish
const PHONE = { width: 390, height: 844 };

/** A form's Save is on screen, on top (nothing covers its centre) and not pinned to the screen. */
async function reachable(page: Page, section: string, name: string) {
  const button = page.getByRole('region', { name: section }).getByRole('button', { name });
  await button.scrollIntoViewIfNeeded();
  const onTop = await button.evaluate((el) => {
    const doc = el.ownerDocument;
    const win = doc.defaultView!;
    const box = el.getBoundingClientRect();
    const hit = doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const toolbar = el.closest('[role="toolbar"]');
    return {
      hit: !!hit && el.contains(hit),
      fixed: toolbar ? win.getComputedStyle(toolbar).position === 'fixed' : false,
      inView: box.top >= 0 && box.bottom <= win.innerHeight,
    };
  });
  expect(onTop).toEqual({ hit: true, fixed: false, inView: true });
  return button;
}

// jj-media's own (demo) Stripe account, the local fake: "Pay now" opens its payment page.
let stripe: FakeStripe;
const stripeEnv: Record<string, string> = {};
beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: demoPaymentAccounts['jj-media'].stripe.webhookSecret });
  Object.assign(stripeEnv, { STRIPE_API_BASE: stripe.baseUrl }); // before the fixture starts the server
});
afterAll(() => stripe?.close());

describe('M19: a working day with customers and tickets', () => {
  const dash = useDashboard(stripeEnv);
  const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
    queryAs<T>(dash.db.superuserUrl, text, params);

  it('M19: item 1: a customer saves each form of her profile on a phone (390 px): every Save in its own card, reachable, axe-clean', async () => {
    const page = await dash.logIn(CUSTOMER);
    await page.setViewportSize(PHONE);
    await page.goto(`${dash.app.url}/#/profile`);
    await page.reload();

    // Her details: the name, saved with the details form's own Save.
    const details = page.getByRole('region', { name: 'Dina uppgifter' });
    await details.getByRole('textbox', { name: /Namn/ }).fill('Anna Ek-Lind');
    await details.getByRole('textbox', { name: /Namn/ }).blur();
    await (await reachable(page, 'Dina uppgifter', 'Spara')).click();
    await page.getByText('Din profil har sparats').waitFor();
    expect((await sql(`select name from users where email = $1`, [CUSTOMER]))[0].name).toBe('Anna Ek-Lind');

    // Her contact details: a Swedish number as she writes it (item 2), saved with that form's Save.
    const contact = page.getByRole('region', { name: 'Dina kontaktuppgifter' });
    await contact.getByRole('textbox', { name: 'Telefon' }).fill('070-555 12 34');
    await contact.getByRole('textbox', { name: 'Postnummer' }).fill('11122');
    await (await reachable(page, 'Dina kontaktuppgifter', 'Spara')).click();
    const saved = await eventually(
      async () => (await sql(`select phone, postal_code from contacts where email = $1`, [CUSTOMER]))[0],
      (row) => row.postal_code === '11122',
      { what: 'the contact details saved' },
    );
    expect(saved).toEqual({ phone: '+46705551234', postal_code: '11122' });

    // The password form's button is there too, in its own card, once something is typed in it.
    const password = page.getByRole('region', { name: 'Byt lösenord' });
    await password.getByLabel(/Nuvarande lösenord/).fill('något');
    await reachable(page, 'Byt lösenord', 'Byt lösenord');

    // Read back in national form (the agency is Swedish).
    await page.reload();
    const phoneBox = page
      .getByRole('region', { name: 'Dina kontaktuppgifter' })
      .getByRole('textbox', { name: 'Telefon' });
    await phoneBox.waitFor();
    expect(await phoneBox.inputValue()).toBe('070-555 12 34');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'working-day-customer-profile-phone');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('M19: item 2: phone numbers show in national form for the agency’s country and international otherwise', async () => {
    const [bageriet] = await sql(`select id from customers where name = 'Bageriet Ek AB'`);
    const employee = await as(dash.app.url, 'jj-media', 'EMPLOYEE');
    // Staff write a Norwegian contact's number as Norwegians do; stored as E.164.
    const { contactCreate } = await employee.ok(
      'mutation($c: UUID!, $i: ContactInput!) { contactCreate(customerId: $c, input: $i) { phone } }',
      {
        c: bageriet.id,
        i: { name: 'Ola Nordmann', email: 'ola@bageriet.example.com', phone: '412 34 567', country: 'NO' },
      },
    );
    expect(contactCreate.phone).toBe('+4741234567');
    const page = await dash.logIn('erik@jj-media.example.com');
    await page.goto(`${dash.app.url}/#/customers/${bageriet.id}/show`);
    await page.getByRole('link', { name: '+47 41 23 45 67' }).waitFor(); // another country: international
    const [anna] = await sql(`select phone from contacts where email = $1`, [CUSTOMER]);
    expect(anna.phone).toMatch(/^\+46/);
    const national = await page.locator('a[href^="tel:+46"]').allTextContents();
    expect(national.length).toBeGreaterThan(0);
    for (const text of national) expect(text.trim()).toMatch(/^0\d{1,3}-[\d ]+$/); // e.g. 070-555 12 34
  });

  it('M19: item 3: a contractor replies on a phone and the ticket stays open; staff choose "wait for the customer", and only then is she asked to answer', async () => {
    const [site] = await sql(`select id from sites where domain = 'bageriet-ek.example.com'`);
    const customer = await as(dash.app.url, 'jj-media', 'CUSTOMER');
    const subject = 'Bilderna laddar långsamt';
    const { supportTicketCreate: ticket } = await customer.ok(
      'mutation($i: SupportTicketInput!) { supportTicketCreate(input: $i) { id } }',
      { i: { subject, body: 'Startsidans bilder tar lång tid.', siteId: site.id } },
    );
    const status = async () => (await sql(`select status from support_tickets where id = $1`, [ticket.id]))[0].status;

    // The contractor, on a phone: "reply and keep open" is the default.
    const contractor = await dash.logIn('kontraktor@freelance.example.com');
    await contractor.setViewportSize(PHONE);
    await contractor.goto(`${dash.app.url}/#/supportTickets/${ticket.id}/show`);
    await contractor.reload();
    const choice = contractor.getByRole('combobox', { name: 'Med svaret' });
    await choice.waitFor();
    expect(await choice.textContent()).toContain('Svara och håll öppet');
    await contractor.getByRole('textbox', { name: 'Ditt svar' }).fill('Jag komprimerar bilderna i kväll.');
    await contractor.getByRole('button', { name: 'Skicka svar' }).click();
    await contractor.getByText('Ditt svar har skickats').waitFor();
    expect(await eventually(status, (s) => s !== 'NEW', { what: 'the reply written' })).toBe('OPEN');
    expect(await horizontalOverflow(contractor)).toBeLessThanOrEqual(0);
    await screenshot(contractor, 'working-day-contractor-reply-phone');
    expect(await accessibilityViolations(contractor, 'form')).toEqual([]);

    // The customer is not asked to answer: nothing to answer yet.
    const anna = await dash.logIn(CUSTOMER);
    const item = anna.getByRole('listitem').filter({ has: anna.getByRole('link', { name: subject }) });
    await item.waitFor();
    expect(await item.getByText('Väntar på ditt svar').count()).toBe(0);

    // An employee asks her a question and chooses to wait for her.
    const employee = await dash.logIn('erik@jj-media.example.com');
    await employee.goto(`${dash.app.url}/#/supportTickets/${ticket.id}/show`);
    const staffChoice = employee.getByRole('combobox', { name: 'Med svaret' });
    await staffChoice.click();
    await employee.getByRole('option', { name: 'Svara och vänta på kunden' }).click();
    await employee.getByRole('textbox', { name: 'Ditt svar' }).fill('Vilka bilder gäller det?');
    await employee.getByRole('button', { name: 'Skicka svar' }).click();
    await employee.getByText('Ditt svar har skickats').waitFor();
    expect(await eventually(status, (s) => s !== 'OPEN', { what: 'the second reply written' })).toBe(
      'WAITING_ON_CUSTOMER',
    );

    // Now she is asked.
    await anna.reload();
    await item.getByText('Väntar på ditt svar').waitFor();
  });

  it('M19: item 4: care package prices show on the list and the page, for an admin and for a customer', async () => {
    // The admin and the customer side by side, each in a context of their own.
    await Promise.all(
      ['admin@jj-media.example.com', CUSTOMER].map(async (email) => {
        const page = await dash.logIn(email);
        await page.goto(`${dash.app.url}/#/servicePackages`);
        // Bas: 299 kr a month (the demo's SEK price), on the list...
        const row = page.getByRole('row').filter({ hasText: 'Bas' });
        await row.getByText(/^299,00\s*kr \/ månad$/).waitFor();
        expect(await row.getByText('–', { exact: true }).count()).toBe(0);
        // ...and on the package's page.
        await row.click();
        await page.getByText(/^299,00\s*kr \/ månad$/).waitFor();
        await page
          .getByText(/\/ år$/)
          .first()
          .waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.context().close();
      }),
    );
  });

  it('M19: item 5: a failed payment shows its reason and is found by the "payment failed" filter; a refunded order shows when and why', async () => {
    const page = await dash.logIn('erik@jj-media.example.com');
    await page.goto(`${dash.app.url}/#/orders`);
    await page.getByRole('switch', { name: 'Betalningen misslyckades' }).check();
    await page.waitForURL((url) => decodeURIComponent(url.href).includes('"paymentFailed":true'));
    // Only order 4, whose Stripe payment was declined.
    const rows = page.getByRole('row').filter({ has: page.getByRole('cell') });
    await rows.first().getByRole('cell', { name: '4', exact: true }).waitFor();
    expect(await rows.count()).toBe(1);
    await screenshot(page, 'working-day-orders-payment-failed');
    await rows.first().click();
    await page.getByRole('alert').getByText('Betalningen gick inte igenom: Kortet nekades').waitFor();
    await page.getByRole('cell', { name: 'Kortet nekades' }).waitFor(); // the payment's reason
    expect(await accessibilityViolations(page)).toEqual([]);

    // The refunded order (5): when, and why.
    const [refunded] = await sql(
      `select o.id, o.refunded_at from orders o join tenants t on t.id = o.tenant_id
        where t.slug = 'jj-media' and o.status = 'REFUNDED' order by o.number limit 1`,
    );
    expect(refunded.refunded_at).not.toBeNull();
    await page.goto(`${dash.app.url}/#/orders/${refunded.id}/show`);
    await page.getByText('The customer moved the site in-house').first().waitFor();
    // The labelled field "Återbetald" (not the status chip of the same word) gives the time.
    const when = page.locator('.ra-field-refundedAt');
    await when.getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/).waitFor();
    expect(await when.textContent()).toMatch(/^Återbetald\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.getByText('Anledning till återbetalningen').waitFor();
  });

  it('M19: tickets: the list shows who is assigned and the last activity; a new ticket is confirmed by its number', async () => {
    const page = await dash.logIn('erik@jj-media.example.com');
    await page.goto(`${dash.app.url}/#/supportTickets`);
    await page.getByRole('columnheader', { name: 'Tilldelad' }).waitFor();
    await page.getByRole('columnheader', { name: 'Senaste aktivitet' }).waitFor();
    // A ticket assigned in the demo shows its assignee's name; every row has a last activity.
    const [assigned] = await sql(
      `select t.subject, u.name from support_tickets t join users u on u.id = t.assignee_id
        join tenants n on n.id = t.tenant_id where n.slug = 'jj-media' order by t.first_response_due_at limit 1`,
    );
    if (assigned) {
      await page.getByRole('row').filter({ hasText: assigned.subject }).getByText(assigned.name).first().waitFor();
    }
    const headers = (await page.locator('thead th').allTextContents()).map((text) => text.trim());
    const column = headers.indexOf('Senaste aktivitet') + 1;
    const activity = await page.locator(`tbody tr > :nth-child(${column})`).allTextContents();
    expect(activity.length).toBeGreaterThan(0);
    for (const cell of activity) expect(cell.trim()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    // A customer opens a ticket and is told its number.
    const anna = await dash.logIn(CUSTOMER);
    await anna.goto(`${dash.app.url}/#/supportTickets/create`);
    await anna.getByRole('textbox', { name: /Ämne/ }).fill('Nytt formulär på kontaktsidan');
    await anna.getByRole('textbox', { name: /Meddelande/ }).fill('Kan ni lägga till ett fält för telefon?');
    await anna.getByRole('button', { name: 'Spara' }).click();
    const [created] = await eventually(
      () => sql(`select number from support_tickets where subject = 'Nytt formulär på kontaktsidan'`),
      (rows) => rows.length === 1,
      { what: 'the new ticket' },
    );
    await anna.getByText(`Ärendet #${created.number} är skapat`).waitFor();
  });

  it('M19: subscriptions show price and next charge; a cancelled one shows when it ends; technical fields only for staff', async () => {
    const subs = await sql(
      `select s.id, s.status, c.name as customer from subscriptions s join customers c on c.id = s.customer_id
        join tenants t on t.id = s.tenant_id where t.slug = 'jj-media' order by s.status`,
    );
    const cancelled = subs.find((s) => s.status === 'CANCELLED')!;
    const staff = await dash.logIn('erik@jj-media.example.com');
    await staff.goto(`${dash.app.url}/#/subscriptions`);
    await staff.getByRole('columnheader', { name: 'Pris' }).waitFor();
    await staff.getByRole('columnheader', { name: 'Nästa debitering' }).waitFor();
    await staff.getByRole('columnheader', { name: 'Betaltjänst' }).waitFor();
    // Every row has its price per period, before VAT.
    const prices = staff.getByText(/^[\d\s ]+,\d{2}\s*kr \/ månad exkl\. moms$/);
    await prices.first().waitFor();
    expect(await prices.count()).toBe(subs.length);
    await staff.goto(`${dash.app.url}/#/subscriptions/${cancelled.id}/show`);
    await staff
      .locator('.ra-field-nextCharge')
      .getByText(/^Upphör/)
      .waitFor();
    await staff.getByText('IP-adress').waitFor(); // the consent's evidence, for staff

    // A customer's own subscription on a phone: price and next charge, no provider, currency code, IP or browser.
    const [own] = await sql(
      `select s.id from subscriptions s join contacts k on k.customer_id = s.customer_id where k.email = $1 limit 1`,
      [CUSTOMER],
    );
    expect(own).toBeDefined(); // Bageriet's renewing Bas subscription, in the demo
    const anna = await dash.logIn(CUSTOMER);
    await anna.setViewportSize(PHONE);
    await anna.goto(`${dash.app.url}/#/subscriptions/${own.id}/show`);
    await anna.reload();
    await anna
      .locator('.ra-field-price')
      .getByText(/kr \/ månad exkl\. moms$/)
      .waitFor();
    await anna.locator('.ra-field-nextCharge').waitFor();
    for (const technical of ['Betaltjänst', 'Valuta', 'IP-adress', 'Webbläsare'])
      expect(await anna.getByText(technical, { exact: true }).count()).toBe(0);
    expect(await horizontalOverflow(anna)).toBeLessThanOrEqual(0);
    await screenshot(anna, 'working-day-customer-subscription-phone');
  });

  it('M19: a customer pays an order waiting for payment with "Betala nu", on the provider’s page', async () => {
    const [bas] = await sql(
      `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = 'jj-media' and p.name_en = 'Basic'`,
    );
    // An order she started and left unpaid (her e-mail: her company's order).
    const { checkout } = await new ApiClient(dash.app.url).ok(
      'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId } }',
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
    const anna = await dash.logIn(CUSTOMER);
    await anna.setViewportSize(PHONE);
    await anna.goto(`${dash.app.url}/#/orders/${checkout.orderId}/show`);
    await anna.reload();
    const pay = anna.getByRole('button', { name: 'Betala nu' });
    await pay.waitFor();
    expect(await horizontalOverflow(anna)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(anna)).toEqual([]);
    await pay.click();
    await anna.waitForURL((url) => url.href.startsWith(stripe.baseUrl));
    const payments = await sql(`select status from payments where order_id = $1`, [checkout.orderId]);
    expect(payments.map((p) => p.status)).toEqual(['PENDING', 'PENDING']); // the checkout's, and this one
  });
});
