// Issue 19, pay by invoice (M13) in Chromium on a phone (390 px), axe clean: an admin marks an open
// invoice paid and imports a BgMax file that pays the overdue one; a customer sees her open invoice
// with "Betala".
import { demoPaymentAccounts } from '@sitecare/seeds';
import { as } from '../support/api-client';
import { queryAs } from '../../server/src/testing/database';
import { accessibilityViolations } from '../support/axe';
import { bgmaxFile } from '../support/bgmax-file';
import { horizontalOverflow, screenshot } from '../support/browser';
import { menuItem, useDashboard } from '../support/dashboard';
import { startFakeStripe, type FakeStripe } from '../support/fake-payments/stripe';
import { checkoutPlus } from '../support/checkout';

const ADMIN = 'admin@jj-media.example.com';
const CUSTOMER = 'anna@bageriet.example.com'; // Anna Ek of Bageriet Ek AB (prefers Swedish)

let stripe: FakeStripe;
const stripeEnv: Record<string, string> = {};
beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: demoPaymentAccounts['jj-media'].stripe.webhookSecret });
  stripeEnv.STRIPE_API_BASE = stripe.baseUrl;
});
afterAll(() => stripe?.close());

describe('pay by invoice in Chromium', () => {
  const dash = useDashboard(stripeEnv);
  const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
    queryAs<T>(dash.db.superuserUrl, text, params);

  it('M13: the staff home page lists the overdue invoices in their own card', async () => {
    const [overdue] = await sql(
      `select i.number from invoices i join tenants t on t.id = i.tenant_id
        where t.slug = 'jj-media' and sitecare_invoice_days_overdue(i.kind, i.status, i.due_date, i.tenant_id, now()) > 0`,
    );
    expect(overdue).toBeDefined();
    const page = await dash.logIn(ADMIN);
    const card = page.getByRole('region', { name: 'Förfallna fakturor' });
    await card.getByTestId('count').waitFor();
    expect(Number(await card.getByTestId('count').textContent())).toBeGreaterThanOrEqual(1);
    await card.getByText(new RegExp(`^Faktura ${overdue.number},`)).waitFor();
    await card
      .getByText(/^Förfallen \d+ dagar$/)
      .first()
      .waitFor();
    await card.getByRole('link', { name: 'Alla förfallna fakturor' }).waitFor();
  });

  it('M13: an admin marks an open invoice paid and imports a BgMax file paying the overdue one (390 px, axe clean)', async () => {
    const open = await sql(
      `select i.id, i.number, i.ocr_reference, i.total_minor, sitecare_invoice_days_overdue(i.kind, i.status, i.due_date, i.tenant_id, now()) > 0 as overdue
         from invoices i join tenants t on t.id = i.tenant_id
        where t.slug = 'jj-media' and i.kind = 'INVOICE' and i.status = 'OPEN' order by i.due_date`,
    );
    const overdue = open.find((i) => i.overdue)!;
    const notYet = open.find((i) => !i.overdue)!;
    expect(overdue).toBeDefined();
    expect(notYet).toBeDefined();

    const page = await dash.logIn(ADMIN);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${dash.app.url}/#/invoices`);
    await page.reload(); // on a phone from the start: the menu drawer closed
    await page.getByText('Förfallen', { exact: true }).first().waitFor(); // the overdue one says so
    // The list's loading indicator gone: every query answered.
    await page.locator('.MuiCircularProgress-root').first().waitFor({ state: 'detached' });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'invoices-staff-phone');

    await page.getByRole('button', { name: `Markera faktura ${notYet.number} som betald` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Betalningsdag/).waitFor();
    expect(await accessibilityViolations(page, '[role="dialog"]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Markera betald' }).click();
    await page.getByText(`Faktura ${notYet.number} är betald`).waitFor();
    expect((await sql(`select status, paid_via from invoices where id = $1`, [notYet.id]))[0]).toEqual({
      status: 'PAID',
      paid_via: 'MANUAL',
    });

    await page.getByRole('button', { name: 'Läs in BgMax' }).click();
    const importDialog = page.getByRole('dialog');
    await importDialog.getByLabel('BgMax-fil').setInputFiles({
      name: 'BgMax_20261205.txt',
      mimeType: 'text/plain',
      buffer: bgmaxFile('505-1057', [
        {
          date: '20261205',
          payments: [
            { reference: overdue.ocr_reference, amountMinor: overdue.total_minor },
            { reference: '', amountMinor: 4_200, referenceCode: 1 },
          ],
        },
      ]),
    });
    await importDialog.getByText(/2 betalningar: 1 matchade, 0 överbetalda, 0 underbetalda, 1 ej matchade/).waitFor();
    await importDialog.getByRole('cell', { name: `#${overdue.number}` }).waitFor();
    await importDialog.getByRole('cell', { name: 'Ej matchad' }).waitFor();
    expect(await accessibilityViolations(page, '[role="dialog"]')).toEqual([]);
    const width = await importDialog.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'invoices-bgmax-import');
    expect((await sql(`select status, paid_via from invoices where id = $1`, [overdue.id]))[0]).toEqual({
      status: 'PAID',
      paid_via: 'BGMAX',
    });
  });

  it('M13: a customer sees what is left of her partly paid invoice and pays the rest by card in the portal (390 px, axe clean)', async () => {
    const checkout = await checkoutPlus(dash.app.url, sql, { name: 'Anna Ek', email: CUSTOMER, country: 'SE' });
    const admin = await as(dash.app.url, 'jj-media', 'ADMIN');
    const { orderIssueInvoice } = await admin.ok(
      'mutation($id: UUID!) { orderIssueInvoice(id: $id) { id number dueDate totalMinor } }',
      { id: checkout.orderId },
    );
    // 100 kr has come in by bank: the rest is open.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    await admin.ok(
      'mutation($id: UUID!, $i: InvoiceMarkPaidInput!) { invoiceMarkPaid(id: $id, input: $i) { status } }',
      { id: orderIssueInvoice.id, i: { paidOn: today, amountMinor: 10_000 } },
    );
    const rest = orderIssueInvoice.totalMinor - 10_000;
    const kr = (minor: number) =>
      new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' }).format(minor / 100);

    const page = await dash.logIn(CUSTOMER);
    await menuItem(page, 'Mina fakturor').click();
    const pay = page.getByRole('button', { name: `Betala faktura ${orderIssueInvoice.number} med kort` });
    await pay.waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload(); // on a phone from the start: the menu drawer closed
    await pay.waitFor();
    await page.getByText('Obetald').first().waitFor();
    // What was paid and what is left, as the API says (the one rule).
    await page.getByText(`${kr(10_000)} betalt · ${kr(rest)} kvar att betala`).waitFor();
    await page.locator('.MuiCircularProgress-root').first().waitFor({ state: 'detached' });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'invoices-customer-open');

    // "Betala" goes to the agency's provider for what is left, and its event pays the invoice.
    await pay.click();
    await page.waitForURL((url) => url.href.startsWith(stripe.baseUrl));
    const [pending] = await sql(
      `select provider_reference, amount_minor from payments where order_id = $1 and status = 'PENDING' order by created_at desc limit 1`,
      [checkout.orderId],
    );
    expect(pending.amount_minor).toBe(rest);
    const { body, headers } = stripe.signedDelivery(stripe.completeSession(pending.provider_reference));
    const res = await fetch(`${dash.app.url}/webhooks/stripe/jj-media`, { method: 'POST', headers, body });
    expect(((await res.json()) as { outcome: string }).outcome).toBe('paid');
    expect((await sql(`select status from invoices where id = $1`, [orderIssueInvoice.id]))[0].status).toBe('PAID');
    await page.goto(`${dash.app.url}/#/invoices`);
    await page.reload();
    await page.getByText('Betald', { exact: true }).first().waitFor();
    await page.locator('.MuiCircularProgress-root').first().waitFor({ state: 'detached' });
    expect(
      await page.getByRole('button', { name: `Betala faktura ${orderIssueInvoice.number} med kort` }).count(),
    ).toBe(0);
  });

  it('M13: an admin changes a BAS account of the SIE export and the EU private-buyer VAT on Agency settings (axe clean)', async () => {
    const page = await dash.logIn(ADMIN);
    await menuItem(page, 'Byråinställningar').click();
    const bas = page.getByRole('region', { name: 'Konton i SIE-exporten (BAS)' });
    const bank = bas.getByRole('textbox', { name: 'Bank' });
    await bank.waitFor();
    expect(await bank.inputValue()).toBe('1930');
    await bank.fill('1940');
    await bas.getByRole('button', { name: 'Spara konton' }).click();
    await page.getByText('Kontona är sparade').waitFor();
    const [tenant] = await sql(`select bas_accounts, eu_private_vat from tenants where slug = 'jj-media'`);
    expect(tenant.bas_accounts).toMatchObject({ bank: 1940 });
    await page.getByRole('combobox', { name: /Moms för privatpersoner i andra EU-länder/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
