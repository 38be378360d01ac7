// Customers and sites in Chromium, per role: an employee finds a customer, opens its site and
// assigns the contractor to another site; the contractor then sees exactly the assigned sites and
// reveals a credential (shown briefly, then hidden), which the admin finds in the audit log; the
// contractor is kept out of the customers; the customer sees her site without credentials.
// The tests build on each other and run in order.
import type { Page } from 'playwright-core';
import { accessibilityViolations } from '../support/axe';
import { screenshot, searchList } from '../support/browser';
import { menuItem, settle, useDashboard } from '../support/dashboard';

// JJ Media's demo people; all prefer Swedish, so the UI speaks Swedish to them after login.
const ADMIN = 'admin@jj-media.example.com';
const EMPLOYEE = 'erik@jj-media.example.com';
const CONTRACTOR = 'kontraktor@freelance.example.com'; // Mikael Berg
const CUSTOMER = 'anna@bageriet.example.com'; // Anna Ek of Bageriet Ek AB

const BAGERIET_SITE = 'bageriet-ek.example.com';
const SHOP_SITE = 'shop.fjallbryggeri.example.com';
const ENDED_SITE = 'fjallbryggeri.example.com'; // the contractor's assignment there has ended
const WORDPRESS_SECRET = 'demo-Wp!bageriet-2026';

const MENU = { customers: 'Kunder', sites: 'Webbplatser', mySites: 'Mina webbplatser', auditLog: 'Granskningslogg' };
const TABS = {
  overview: 'Översikt',
  assignments: 'Uppdrag',
  backups: 'Säkerhetskopior',
  credentials: 'Inloggningsuppgifter',
};

describe('customers and sites in Chromium', () => {
  const dash = useDashboard();

  const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

  /** The domains in the sites list, in order. */
  async function listedDomains(page: Page): Promise<string[]> {
    const cells = page.locator('tbody td.column-domain');
    return (await cells.allInnerTexts()).map((text) => text.trim());
  }

  it('lets an employee find a customer and open its site', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, MENU.customers).click();
    await searchList(page, 'Sök namn eller organisationsnummer', 'bageriet');
    await page.getByRole('cell', { name: 'Bageriet Ek AB' }).click();

    // The customer's details, contacts and sites; the country by name in the UI language.
    await page.getByRole('heading', { name: 'Kontaktpersoner' }).waitFor();
    await page.getByText('556677-8899').waitFor();
    await page.getByText('Sverige').first().waitFor(); // the billing country (SE)
    const anna = page.getByRole('row').filter({ hasText: 'Anna Ek' });
    await anna.getByText('facebook: anna.ek.bageriet').waitFor();
    await anna.getByText('Sverige').waitFor();
    await screenshot(page, 'sites-employee-customer');

    // The customer page also names the site on its open tickets: the site's own row is in its sites table.
    await page.getByRole('region', { name: 'Tabell: Webbplatser' }).getByRole('cell', { name: BAGERIET_SITE }).click();
    await page.getByText(`Webbplats ${BAGERIET_SITE}`).first().waitFor();
    for (const name of Object.values(TABS)) await tab(page, name).waitFor();
    await page.getByRole('heading', { name: 'Kontaktpersoner hos Bageriet Ek AB' }).waitFor();
    await screenshot(page, 'sites-employee-site');
  });

  it('lets the employee assign the contractor to a site from its page', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, MENU.sites).click();
    await searchList(page, 'Sök domän', 'shop');
    await page.getByRole('cell', { name: SHOP_SITE }).click();
    await tab(page, TABS.assignments).click();
    await page.getByText('Ingen är tilldelad webbplatsen.').waitFor();

    await page.getByRole('button', { name: 'Tilldela underkonsult' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /^Underkonsult/ }).click();
    await page.getByRole('option', { name: /^Mikael Berg/ }).click();
    await dialog.getByRole('textbox', { name: 'Anledning' }).fill('Shop launch');
    await screenshot(page, 'sites-assign-dialog');
    await dialog.getByRole('button', { name: 'Tilldela underkonsult' }).click();

    await page.getByText('Mikael Berg har tilldelats webbplatsen').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Mikael Berg' });
    await row.getByText('Pågår').waitFor();
    await row.getByText('Shop launch').waitFor();
    await row.getByRole('button', { name: 'Avsluta' }).waitFor();
    await screenshot(page, 'sites-assigned');
  });

  it('shows the contractor only the assigned sites, and reveals a secret for 30 seconds', async () => {
    // A fake clock, so the 30 seconds can be skipped.
    const page = await dash.logIn(CONTRACTOR, { beforeLoad: (p) => p.clock.install() });
    await menuItem(page, MENU.mySites).waitFor();
    await settle(page);
    expect(await menuItem(page, MENU.customers).count()).toBe(0);
    expect(await menuItem(page, MENU.sites).count()).toBe(0);

    await menuItem(page, MENU.mySites).click();
    await page.getByRole('cell', { name: SHOP_SITE }).waitFor();
    await settle(page);
    expect(await listedDomains(page)).toEqual([BAGERIET_SITE, SHOP_SITE]);
    expect(await page.getByRole('cell', { name: ENDED_SITE, exact: true }).count()).toBe(0);
    await screenshot(page, 'sites-contractor-my-sites');

    // Overview and credentials only.
    await page.getByRole('cell', { name: BAGERIET_SITE }).click();
    await tab(page, TABS.credentials).click();
    await settle(page);
    expect(await tab(page, TABS.overview).count()).toBe(1);
    expect(await tab(page, TABS.assignments).count()).toBe(0);
    expect(await tab(page, TABS.backups).count()).toBe(0);

    const row = page.getByRole('row').filter({ hasText: 'WordPress admin' });
    await row.getByText('Aldrig').waitFor(); // never revealed before
    await row.getByRole('button', { name: 'Visa lösenord' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Döljs igen om 30 sekunder').waitFor();
    expect(await dialog.getByText(WORDPRESS_SECRET).count()).toBe(0); // masked until asked
    await dialog.getByRole('button', { name: 'Visa', exact: true }).click();
    await dialog.getByText(WORDPRESS_SECRET).waitFor();
    await dialog.getByText('jjmedia').waitFor(); // the username
    await screenshot(page, 'sites-contractor-revealed');

    // After 30 seconds the secret is hidden and gone from the page.
    await page.clock.runFor(31_000);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Lösenordet har dolts igen').waitFor();
    expect(await page.getByText(WORDPRESS_SECRET).count()).toBe(0);
    await row.getByText('Aldrig').waitFor({ state: 'detached' }); // "last revealed" now has a time
    await screenshot(page, 'sites-contractor-secret-hidden');
  });

  it('keeps the contractor who types #/customers out of the customer list', async () => {
    const page = await dash.logIn(CONTRACTOR);
    await page.goto(`${dash.app.url}/#/customers`);
    await page.getByText('Åtkomst nekad').waitFor();
    expect(page.url()).toContain('#/access-denied');
    await settle(page);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByText('Fjällbacka Bryggeri').count()).toBe(0);
    await screenshot(page, 'sites-contractor-customers-denied');
  });

  it("shows the admin the contractor's reveal in the audit log", async () => {
    const page = await dash.logIn(ADMIN);
    await menuItem(page, MENU.auditLog).click();
    // The event filter is a pick-list of the events by name (issue 25).
    await page.getByRole('combobox', { name: 'Händelse' }).fill('Inloggningsuppgift vis');
    await page.getByRole('option', { name: 'Inloggningsuppgift visad' }).click();
    await page.waitForURL((url) => decodeURIComponent(url.href).includes('"action":"credential.reveal"'));
    await page.getByRole('cell', { name: 'Inloggning', exact: true }).first().waitFor({ state: 'detached' });
    const row = page
      .getByRole('row')
      .filter({ hasText: 'Inloggningsuppgift visad' })
      .filter({ hasText: 'Mikael Berg' });
    await row.getByText('Tillåten').waitFor();
    await screenshot(page, 'sites-admin-audit-reveal');
  });

  it('shows the customer her site without credentials', async () => {
    const page = await dash.logIn(CUSTOMER);
    await settle(page);
    expect(await menuItem(page, MENU.customers).count()).toBe(0);
    await menuItem(page, MENU.mySites).click();
    await page.getByRole('cell', { name: BAGERIET_SITE }).waitFor();
    await settle(page);
    expect(await listedDomains(page)).toEqual([BAGERIET_SITE]);

    await page.getByRole('cell', { name: BAGERIET_SITE }).click();
    await tab(page, TABS.backups).waitFor();
    await page.getByRole('heading', { name: 'Kontaktpersoner hos Bageriet Ek AB' }).waitFor();
    await settle(page);
    expect(await tab(page, TABS.credentials).count()).toBe(0);
    expect(await tab(page, TABS.assignments).count()).toBe(0);
    expect(await page.getByText('WordPress admin').count()).toBe(0);
    await screenshot(page, 'sites-customer-site');

    await tab(page, TABS.backups).click();
    await page.getByText(/^35 säkerhetskopior, totalt/).waitFor();
    await page.getByRole('button', { name: 'Sparas till' }).click(); // the oldest first: expired ones
    await page.getByRole('row').filter({ hasText: 'Utgången' }).first().waitFor();
    await screenshot(page, 'sites-customer-backups');
  });

  it("M16: shows the customer her site's care on a phone, without axe violations", async () => {
    const page = await dash.logIn(CUSTOMER);
    await menuItem(page, MENU.mySites).click();
    await page.getByRole('cell', { name: BAGERIET_SITE }).click();
    await tab(page, 'Skötsel').click();
    await page.getByRole('region', { name: 'Avbrott och varningar' }).waitFor();
    // On a phone (loaded at that width, so the drawer starts closed): no sideways scrolling, no axe violation.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('region', { name: 'Tillgänglighet, senaste 30 dagarna' }).waitFor();
    await page.getByRole('region', { name: 'Avbrott och varningar' }).waitFor();
    await page.getByRole('region', { name: 'Genomförda uppdateringar' }).waitFor();
    // The demo's month of checks as a drawn chart (recharts, loaded with this tab), the past outage
    // with its duration, the latest backups and the support hours.
    const chart = page.getByRole('img', { name: /Svarstid per dag under \d+ dagar/ });
    await chart.locator('svg .recharts-line').first().waitFor();
    await page
      .getByTestId('uptime')
      .getByText(/% under \d+ dagar/)
      .waitFor();
    const outage = page
      .getByRole('table', { name: 'Avbrott och varningar' })
      .getByRole('row')
      .filter({ hasText: 'Webbplatsen nere' });
    await outage.getByText('25 minuter').waitFor();
    await page.getByRole('table', { name: 'Senaste säkerhetskopiorna' }).getByText('Fullständig').first().waitFor();
    await page.getByRole('region', { name: 'Supporttimmar (alla era webbplatser)' }).waitFor();
    await settle(page);
    // Each care section fits the phone's width (its tables scroll inside their own box).
    for (const name of [
      'Tillgänglighet, senaste 30 dagarna',
      'Avbrott och varningar',
      'Genomförda uppdateringar',
      'Senaste säkerhetskopiorna',
      'Öppna ärenden',
    ]) {
      const box = await page.getByRole('region', { name }).boundingBox();
      expect(`${name}: ${box!.x + box!.width <= 390 ? 'fits' : box!.x + box!.width}`).toBe(`${name}: fits`);
    }
    await screenshot(page, 'sites-customer-care-phone');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("M16: an admin makes the site agent's token on a phone: shown once with the filled-in curl call, axe clean", async () => {
    const page = await dash.logIn(ADMIN);
    await menuItem(page, MENU.sites).click();
    await searchList(page, 'Sök domän', 'bageriet');
    await page.getByRole('cell', { name: BAGERIET_SITE }).click();
    await tab(page, 'Skötsel').click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const agent = page.getByRole('region', { name: 'Platsagent' });
    await agent.getByRole('button', { name: /nyckel/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Skapa en ny agentnyckel?' });
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: /Bekräfta/i }).click();
    const dialog = page.getByRole('dialog', { name: `Agentnyckel för ${BAGERIET_SITE}` });
    const token = (await dialog.getByTestId('agent-token').innerText()).trim();
    expect(token).toMatch(/^sca_/);
    const curl = await dialog.getByTestId('agent-curl').innerText();
    expect(curl).toContain(`Bearer ${token}`);
    expect(curl).toMatch(/\/agent\/v1\/sites\/[0-9a-f-]{36}\/backups/);
    await settle(page);
    const box = await dialog.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'sites-agent-token-phone');
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Klar' }).click();
    await agent.getByText('Den nuvarande nyckeln skapades').waitFor();
    expect(await page.getByText(token).count()).toBe(0);
  });
});
