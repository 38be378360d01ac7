// The home page in Chromium: the employee sees what needs attention (new leads, tickets by due time
// with the overdue marker, payments awaiting a look, stale backups) from the demo data, in Swedish;
// a customer sees their own overview (tickets, subscriptions, orders, websites, their personal data),
// a contractor their assigned websites and those sites' tickets; neither sees the staff cards.
import { screenshot } from '../support/browser';
import { settle, useDashboard } from '../support/dashboard';

// JJ Media's demo people; both prefer Swedish, so the UI speaks Swedish to them after login.
const EMPLOYEE = 'erik@jj-media.example.com';
const CUSTOMER = 'anna@bageriet.example.com';
const CONTRACTOR = 'kontraktor@freelance.example.com'; // assigned to Bageriet's site only

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
  });

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
  });

  it("shows a customer their own overview, and none of the staff's cards", async () => {
    const page = await dash.logIn(CUSTOMER);
    await page.getByRole('heading', { name: 'Din översikt', level: 2 }).waitFor();
    const card = (name: string) => page.getByRole('region', { name, exact: true });

    const tickets = card('Öppna ärenden');
    await tickets.getByRole('link', { name: OVERDUE_TICKET }).waitFor();
    await tickets.getByRole('link', { name: 'Uppdatera öppettider' }).waitFor();
    expect(await tickets.getByTestId('count').textContent()).toBe('2');
    expect(await tickets.getByText('Faktura för oktober').count()).toBe(0); // closed
    expect(await tickets.getByText('Login to the admin does not work').count()).toBe(0); // another customer's

    const sites = card('Webbplatser');
    await sites.getByRole('link', { name: 'bageriet-ek.example.com' }).waitFor();
    expect(await sites.getByText('fjallbryggeri.example.com').count()).toBe(0);
    await card('Senaste beställningar')
      .getByRole('link', { name: /^Beställning \d+$/ })
      .first()
      .waitFor();
    await card('Abonnemang').getByTestId('count').waitFor();

    const privacy = card('Dina personuppgifter');
    await privacy.getByRole('link', { name: /@/ }).waitFor(); // the privacy contact, as a mailto link
    await privacy.getByRole('link', { name: /^https:/ }).waitFor(); // the supervisory authority
    await settle(page);
    expect(await page.getByRole('heading', { name: ATTENTION }).count()).toBe(0);
    for (const name of Object.values(CARDS)) expect(await card(name).count()).toBe(0);
    await screenshot(page, 'home-customer');

    await tickets.getByRole('link', { name: 'Nytt ärende' }).click();
    await page.waitForURL(/#\/supportTickets\/create/);
    await page.goBack();
    await privacy.getByRole('link', { name: 'Integritetsverktyg' }).click();
    await page.waitForURL(/#\/privacy-tools/);
  });

  it('shows a contractor only the assigned websites and their open tickets', async () => {
    const page = await dash.logIn(CONTRACTOR);
    await page.getByRole('heading', { name: 'Din översikt', level: 2 }).waitFor();
    const card = (name: string) => page.getByRole('region', { name, exact: true });
    const sites = card('Webbplatser');
    await sites.getByRole('link', { name: 'bageriet-ek.example.com' }).waitFor();
    expect(await sites.getByTestId('count').textContent()).toBe('1');
    const tickets = card('Öppna ärenden på dina webbplatser');
    await tickets.getByRole('link', { name: OVERDUE_TICKET }).waitFor();
    await settle(page);
    expect(await tickets.getByText('Login to the admin does not work').count()).toBe(0);
    for (const name of ['Abonnemang', 'Senaste beställningar', 'Dina personuppgifter', ...Object.values(CARDS)]) {
      expect(await card(name).count()).toBe(0);
    }
    await screenshot(page, 'home-contractor');
  });
});
