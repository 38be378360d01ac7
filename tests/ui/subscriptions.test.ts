// Care-package subscriptions in Chromium: an employee sees every customer's subscriptions; the
// customer sees her own under "My subscriptions", reads the consent to recurring payments she gave,
// and cancels with a reason. The tests build on each other and run in order.
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { menuItem, useDashboard } from '../support/dashboard';

// JJ Media's demo people; all prefer Swedish, so the UI speaks Swedish to them after login.
const EMPLOYEE = 'erik@jj-media.example.com';
const CUSTOMER = 'anna@bageriet.example.com'; // Anna Ek of Bageriet Ek AB, with an active "Bas"

const MENU = { subscriptions: 'Abonnemang', mySubscriptions: 'Mina abonnemang' };
const CUSTOMER_NAME = 'Bageriet Ek AB';
const CONSENT = /^Jag godkänner att abonnemanget förnyas och debiteras automatiskt/;
const REASON = 'Vi bygger om sajten själva.';

describe('subscriptions in Chromium', () => {
  const dash = useDashboard();

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
  }, 60_000);

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
    await page.getByText('203.0.113.20').waitFor();
    await page.getByText('Mozilla/5.0 (demo)').waitFor();
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
  }, 60_000);
});
