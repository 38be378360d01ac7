// Issue 25, the staff's pages: the audit log in plain language (events by name, records by name with
// a link, an event pick-list), a customer page that tells the whole story in a few requests and fits
// the screen at 1440 and 390 px, and the agency's colour on the app bar for every role, axe-clean.
import type { Page, Request } from 'playwright-core';
import { queryAs } from '../../server/src/testing/database';
import { accessibilityViolations } from '../support/axe';
import { docScreenshot, horizontalOverflow } from '../support/browser';
import { menuItem, settle, useDashboard } from '../support/dashboard';

const ADMIN = 'admin@jj-media.example.com';
const EMPLOYEE = 'erik@jj-media.example.com';
const CUSTOMER_LOGIN = 'anna@bageriet.example.com';
const CUSTOMER = 'Bageriet Ek AB';

/** The GraphQL operations a page sends, by name. */
function recordOperations(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { operationName?: string | null } | null;
    sent.push(body?.operationName ?? '(unnamed)');
  });
  return sent;
}

describe('M19: the staff pages (issue 25)', () => {
  const dash = useDashboard();
  const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
    queryAs<T>(dash.db.superuserUrl, text, params);
  let customerId: string;

  beforeAll(async () => {
    // An event about the customer, by the admin, as the customer's edit writes it.
    const [row] = await sql<{ id: string; tenant_id: string }>(`select id, tenant_id from customers where name = $1`, [
      CUSTOMER,
    ]);
    customerId = row.id;
    await sql(
      `insert into audit_events (id, created_at, updated_at, tenant_id, actor_type, actor_user_id, action, entity_type, entity_id, outcome, detail)
       select gen_random_uuid(), now(), now(), $1, 'USER', u.id, 'customer.update', 'Customer', $2, 'ALLOWED', '{}'
         from users u where u.email = $3 and u.tenant_id = $1`,
      [row.tenant_id, customerId, ADMIN],
    );
  });

  it('M19: the audit log shows events by name and the record by name with a link; the event filter is a pick-list', async () => {
    const page = await dash.logIn(ADMIN);
    await page.setViewportSize({ width: 1440, height: 900 });
    await menuItem(page, 'Granskningslogg').click();
    const row = page.getByRole('row').filter({ hasText: 'Kund uppdaterad' }).first();
    await row.waitFor();
    // Every event by its name: no raw action (user.invite, auth.login) in the table.
    const table = page.getByRole('table');
    await table.getByText('Inloggning').first().waitFor();
    expect(await table.textContent()).not.toMatch(/\b(auth\.login|customer\.update|user\.invite)\b/);
    // No empty column header.
    const headers = await table.locator('th').allTextContents();
    expect(headers.filter((text) => !text.trim())).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    await docScreenshot(page, 'audit-log');

    // The pick-list offers the events by name; choosing one filters the log to it.
    await page.getByRole('combobox', { name: 'Händelse' }).click();
    await page.getByRole('combobox', { name: 'Händelse' }).fill('Användare inbj');
    await page.getByRole('option', { name: 'Användare inbjuden' }).waitFor();
    await page.getByRole('combobox', { name: 'Händelse' }).fill('Inloggning');
    await page.getByRole('option', { name: 'Inloggning', exact: true }).click();
    await page.waitForURL((url) => decodeURIComponent(url.href).includes('"action":"auth.login"'));
    await settle(page);
    const actions = await page.locator('tbody tr td.column-action').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['Inloggning']));
    // The record's name links to its page.
    await page.getByRole('row').filter({ hasText: 'Johanna Jönsson' }).first().waitFor();

    await page.getByRole('combobox', { name: 'Händelse' }).fill('Kund uppd');
    await page.getByRole('option', { name: 'Kund uppdaterad' }).click();
    await page.waitForURL((url) => decodeURIComponent(url.href).includes('"action":"customer.update"'));
    await page.getByRole('row').filter({ hasText: 'Kund uppdaterad' }).getByRole('link', { name: CUSTOMER }).click();
    await page.waitForURL(new RegExp(`#/customers/${customerId}/show`));
    await page.getByRole('heading', { name: 'Öppna ärenden', level: 2 }).waitFor();
  });

  it('M19: the customer page shows contacts, sites, open tickets, orders, invoices, subscriptions, consents and activity in a few requests, without overflow at 1440 and 390 px', async () => {
    let sent: string[] = [];
    const page = await dash.logIn(ADMIN, {
      beforeLoad: async (p) => {
        sent = recordOperations(p);
      },
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    await settle(page);
    const before = sent.length;
    await page.goto(`${dash.app.url}/#/customers/${customerId}/show`);
    const section = (name: string) => page.getByRole('region', { name, exact: true });
    await section('Öppna ärenden').getByRole('row').filter({ hasText: 'Kassan visar fel pris' }).waitFor();
    for (const name of [
      'Kontaktpersoner',
      'Webbplatser',
      'Öppna ärenden',
      'Senaste beställningar',
      'Senaste fakturor',
      'Abonnemang',
      'Samtycken',
      'Senaste händelser',
    ]) {
      await section(name).waitFor();
      // Each shows the demo customer's records (a row below the header, not the empty text).
      expect({ name, rows: await section(name).locator('tbody tr').count() }).toEqual({
        name,
        rows: expect.any(Number),
      });
      expect({ name, empty: (await section(name).locator('tbody tr').count()) === 0 }).toEqual({ name, empty: false });
    }
    await section('Senaste händelser').getByRole('row').filter({ hasText: 'Kund uppdaterad' }).waitFor();
    await settle(page);
    // One query for the customer and its story, plus its support hours and consents: not one per row.
    const pageRequests = sent.slice(before);
    expect(pageRequests.length).toBeLessThanOrEqual(4);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await docScreenshot(page, 'customer-page');

    // On a phone (a fresh visit at 390 px: the menu is a closed drawer there).
    const phone = await dash.logIn(ADMIN);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${dash.app.url}/#/customers/${customerId}/show`);
    await phone.reload();
    await phone.getByRole('region', { name: 'Senaste händelser', exact: true }).locator('tbody tr').first().waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    expect(await accessibilityViolations(phone)).toEqual([]);
  });

  it('M19: an employee sees the same story without the audit trail (admins only)', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await page.goto(`${dash.app.url}/#/customers/${customerId}/show`);
    await page.getByRole('region', { name: 'Öppna ärenden', exact: true }).locator('tbody tr').first().waitFor();
    await page.getByRole('region', { name: 'Senaste fakturor', exact: true }).waitFor();
    await settle(page);
    expect(await page.getByRole('region', { name: 'Senaste händelser', exact: true }).count()).toBe(0);
  });

  it("M19: the agency's colour is on the app bar for every role, with text by contrast, and axe passes", async () => {
    // The app bar's colours as the browser paints them (an expression: the page's own globals).
    const appBar = (page: Page) =>
      page.evaluate<{ background: string; color: string }>(
        `(() => { const s = getComputedStyle(document.querySelector('header'));
           return { background: s.backgroundColor, color: s.color }; })()`,
      );
    const barBecomes = (page: Page, background: string) =>
      page.waitForFunction(
        `getComputedStyle(document.querySelector('header')).backgroundColor === ${JSON.stringify(background)}`,
      );
    const saveAgency = async (page: Page) => {
      await page
        .getByRole('region', { name: 'Byråinställningar', exact: true })
        .getByRole('button', { name: 'Spara', exact: true })
        .click();
    };
    const admin = await dash.logIn(ADMIN);
    const defaultBar = await appBar(admin);
    await admin.goto(`${dash.app.url}/#/agency-settings`);
    await admin.getByRole('textbox', { name: 'Byråns färg' }).fill('#ffd500');
    await saveAgency(admin);
    // A yellow on which white text fails 4.5:1: black text, at once, without a reload.
    await barBecomes(admin, 'rgb(255, 213, 0)');
    expect(await appBar(admin)).toEqual({ background: 'rgb(255, 213, 0)', color: 'rgb(0, 0, 0)' });
    expect(await accessibilityViolations(admin)).toEqual([]);

    for (const login of [EMPLOYEE, CUSTOMER_LOGIN]) {
      const page = await dash.logIn(login);
      expect({ login, bar: await appBar(page) }).toEqual({
        login,
        bar: { background: 'rgb(255, 213, 0)', color: 'rgb(0, 0, 0)' },
      });
      expect(await accessibilityViolations(page)).toEqual([]);
    }

    // A dark colour gets white text; no colour gives Sitecare's own theme back.
    await admin.getByRole('textbox', { name: 'Byråns färg' }).fill('#5b21b6');
    await saveAgency(admin);
    await barBecomes(admin, 'rgb(91, 33, 182)');
    expect((await appBar(admin)).color).toBe('rgb(255, 255, 255)');
    await admin.getByRole('textbox', { name: 'Byråns färg' }).fill('');
    await saveAgency(admin);
    await barBecomes(admin, defaultBar.background);
    expect(await appBar(admin)).toEqual(defaultBar);
  });
});
