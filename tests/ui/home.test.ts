// The staff home page in Chromium: the employee sees what needs attention (new leads, tickets by
// due time with the overdue marker, payments awaiting a look, stale backups) from the demo data, in
// Swedish; a customer keeps the simple welcome without the staff cards.
import { screenshot } from '../support/browser';
import { settle, useDashboard } from '../support/dashboard';

// JJ Media's demo people; both prefer Swedish, so the UI speaks Swedish to them after login.
const EMPLOYEE = 'erik@jj-media.example.com';
const CUSTOMER = 'anna@bageriet.example.com';

const ATTENTION = 'Det här behöver uppmärksamhet';
const CARDS = {
  leads: 'Nya förfrågningar',
  tickets: 'Öppna ärenden efter svarstid',
  payments: 'Betalningar att titta på',
  backups: 'Webbplatser med gamla säkerhetskopior',
};
const OVERDUE_TICKET = 'Kassan visar fel pris'; // Bageriet's, due yesterday, unanswered

describe('the staff home page in Chromium', () => {
  const dash = useDashboard();

  it('shows an employee what needs attention', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await page.getByRole('heading', { name: ATTENTION, level: 2 }).waitFor();
    const card = (name: string) => page.getByRole('region', { name, exact: true });

    const leads = card(CARDS.leads);
    await leads.getByRole('link', { name: 'Karin Lund' }).waitFor();
    expect(Number(await leads.getByTestId('count').textContent())).toBeGreaterThanOrEqual(1);
    expect(await leads.getByRole('link', { name: 'Alla nya förfrågningar' }).getAttribute('href')).toContain(
      encodeURIComponent('{"status":"NEW"}'),
    );

    const tickets = card(CARDS.tickets);
    await tickets.getByRole('listitem').filter({ hasText: OVERDUE_TICKET }).getByText('Försenad').waitFor();
    expect(Number(await tickets.getByTestId('count').textContent())).toBeGreaterThanOrEqual(1);

    const payments = card(CARDS.payments);
    await payments.getByTestId('count').waitFor();
    expect(Number(await payments.getByTestId('count').textContent())).toBeGreaterThanOrEqual(1);
    await payments.getByRole('link', { name: /^Äldst: beställning \d+$/ }).waitFor();

    const backups = card(CARDS.backups);
    await backups.getByTestId('count').waitFor();
    await screenshot(page, 'home-employee');

    // A card's list link opens the list with its filter set; a row's link opens the record.
    await tickets.getByRole('link', { name: 'Alla öppna ärenden' }).click();
    await page.getByRole('row').filter({ hasText: OVERDUE_TICKET }).waitFor();
    expect(decodeURIComponent(page.url())).toContain('"status":["NEW","OPEN"]');
    await page.goBack();
    await leads.getByRole('link', { name: 'Karin Lund' }).click();
    await page.waitForURL(/#\/leads\/[^/]+\/show/);
    await page.getByText('203.0.113.10').waitFor(); // the lead's consent evidence
  }, 60_000);

  it('shows an employee one column on a phone', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await page.setViewportSize({ width: 390, height: 844 });
    // After the resize the layout's drawer hides the page from the accessibility tree, so by markup.
    const card = (name: string) => page.locator('h3', { hasText: name }).locator('xpath=ancestor::section[1]');
    const [leads, tickets] = [card(CARDS.leads), card(CARDS.tickets)];
    await tickets.getByTestId('count').waitFor();
    const [a, b] = [await leads.boundingBox(), await tickets.boundingBox()];
    expect(a && b && Math.abs(a.x - b.x) < 1 && b.y > a.y).toBe(true);
    await screenshot(page, 'home-employee-phone');
  }, 60_000);

  it('keeps the simple home page for a customer', async () => {
    const page = await dash.logIn(CUSTOMER);
    await page.getByRole('heading', { name: 'Välkommen till Sitecare', level: 1 }).waitFor();
    await settle(page);
    expect(await page.getByRole('heading', { name: ATTENTION }).count()).toBe(0);
    for (const name of Object.values(CARDS)) {
      expect(await page.getByRole('region', { name }).count()).toBe(0);
    }
    await screenshot(page, 'home-customer');
  }, 60_000);
});
