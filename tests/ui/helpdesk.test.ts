// The helpdesk, leads and orders in Chromium: an employee works the ticket queue (overdue tickets,
// the password warning, a public reply and an internal note); the customer sees her tickets with
// the reply but never the note, and opens a new ticket; the employee converts a lead into a
// customer; the customer sees her orders in kronor. The tests build on each other and run in order.
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { menuItem, settle, useDashboard } from '../support/dashboard';

// JJ Media's demo people; all prefer Swedish, so the UI speaks Swedish to them after login.
const EMPLOYEE = 'erik@jj-media.example.com';
const CUSTOMER = 'anna@bageriet.example.com'; // Anna Ek of Bageriet Ek AB

const MENU = { tickets: 'Ärenden', leads: 'Förfrågningar', myOrders: 'Mina beställningar' };
const OVERDUE_TICKET = 'Kassan visar fel pris'; // Bageriet's, due yesterday, unanswered
const THREAD_TICKET = 'Uppdatera öppettider'; // Bageriet's, with an internal note already
const FLAGGED_TICKET = 'Login to the admin does not work'; // another customer's, with a password
const OLD_NOTE = 'Kunden vill ha det före fredag.';
const REPLY = 'Vi byter öppettiderna i dag.';
const NOTE = 'Kolla med Sara om bilden också ska bytas.';

describe('helpdesk, leads and orders in Chromium', () => {
  const dash = useDashboard();

  const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

  it('lets an employee work the ticket queue: overdue marker, password warning, reply and note', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, MENU.tickets).click();
    await row(page, OVERDUE_TICKET).getByText('Försenad').waitFor();
    // Answered tickets are not overdue, even when their due time has passed.
    await row(page, FLAGGED_TICKET).waitFor();
    expect(await row(page, FLAGGED_TICKET).getByText('Försenad').count()).toBe(0);
    await screenshot(page, 'helpdesk-employee-tickets');

    await page.getByRole('cell', { name: FLAGGED_TICKET }).click();
    await page.getByText('Ett meddelande verkar innehålla ett lösenord: be kunden att byta det.').waitFor();
    await screenshot(page, 'helpdesk-password-warning');

    await menuItem(page, MENU.tickets).click();
    await page.getByRole('cell', { name: THREAD_TICKET }).click();
    await page.getByText(OLD_NOTE).waitFor();
    await page.getByRole('textbox', { name: 'Ditt svar' }).fill(REPLY);
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await page.getByText('Ditt svar har skickats').waitFor();
    await page.getByText(REPLY).waitFor();

    await page.getByRole('switch', { name: /^Intern anteckning/ }).check();
    await page.getByRole('textbox', { name: 'Intern anteckning' }).fill(NOTE);
    await page.getByRole('button', { name: 'Lägg till anteckning' }).click();
    await page.getByText('Den interna anteckningen har lagts till').waitFor();
    await page.getByRole('article', { name: 'Intern anteckning' }).filter({ hasText: NOTE }).waitFor();
    await screenshot(page, 'helpdesk-employee-thread');
  });

  it('shows the customer her tickets with the reply but not the notes, and lets her open one', async () => {
    const page = await dash.logIn(CUSTOMER);
    await menuItem(page, MENU.tickets).click();
    await page.getByRole('cell', { name: THREAD_TICKET }).waitFor();
    await page.getByRole('cell', { name: OVERDUE_TICKET }).waitFor();
    await settle(page);
    expect(await page.getByRole('cell', { name: FLAGGED_TICKET }).count()).toBe(0);
    await screenshot(page, 'helpdesk-customer-tickets');

    await page.getByRole('cell', { name: THREAD_TICKET }).click();
    await page.getByText(REPLY).waitFor();
    await settle(page);
    expect(await page.getByText(NOTE).count()).toBe(0);
    expect(await page.getByText(OLD_NOTE).count()).toBe(0);
    expect(await page.getByRole('switch', { name: /^Intern anteckning/ }).count()).toBe(0);
    await screenshot(page, 'helpdesk-customer-thread');

    await menuItem(page, MENU.tickets).click();
    await page.getByRole('link', { name: 'Skapa' }).click();
    await page.getByRole('combobox', { name: 'Webbplats' }).click();
    await page.getByRole('option', { name: 'bageriet-ek.example.com' }).click();
    await page.getByRole('textbox', { name: /^Ämne/ }).fill('Bilderna laddar långsamt');
    await page.getByRole('textbox', { name: /^Meddelande/ }).fill('Startsidan tar lång tid att visa.');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { name: 'Bilderna laddar långsamt', exact: true }).waitFor();
    await page.getByText('Startsidan tar lång tid att visa.').waitFor();
    await screenshot(page, 'helpdesk-customer-new-ticket');
  });

  it('lets the employee convert a lead into a customer', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, MENU.leads).click();
    await page.getByRole('cell', { name: 'Karin Lund' }).click();
    await page.getByText('203.0.113.10').waitFor(); // the consent evidence
    await page.getByRole('button', { name: 'Gör till kund' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gör till kund' }).click();
    await page.waitForURL(/#\/customers\/[^/]+\/show/);
    await page.getByText('Lunds Blommor').first().waitFor();
    await page.getByText('Karin Lund').first().waitFor();
    await screenshot(page, 'helpdesk-lead-converted');
  });

  it('shows the customer her orders in kronor', async () => {
    const page = await dash.logIn(CUSTOMER);
    await menuItem(page, MENU.myOrders).click();
    await page.getByText(/^373,75\s*kr$/).waitFor();
    // The waiting order and its overdue copy (issue 19 demo data) share this total.
    await page
      .getByText(/^1\s?498,75\s*kr$/)
      .first()
      .waitFor();
    await screenshot(page, 'helpdesk-customer-orders');

    await page.getByText(/^373,75\s*kr$/).click();
    await page
      .getByText(/^74,75\s*kr$/)
      .first()
      .waitFor(); // the VAT
    await page.getByText('Bas (månadsvis)').waitFor();
    await screenshot(page, 'helpdesk-customer-order');
  });
});
