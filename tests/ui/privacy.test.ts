// Privacy requests in Chromium (P28, P30, P33, P34): staff see open requests by due date with the
// overdue one flagged, on the home page and in the list, and handle one; a customer files a request
// from the portal's privacy tools and sees the privacy contact and the supervisory authority.
import { screenshot } from '../support/browser';
import { useDashboard } from '../support/dashboard';

const EMPLOYEE = 'erik@jj-media.example.com';
const CUSTOMER = 'anna@bageriet.example.com';

describe('privacy requests in Chromium', () => {
  const dash = useDashboard();

  it('P30: staff see open requests by due date with the overdue one flagged, and start and extend one', async () => {
    const page = await dash.logIn(EMPLOYEE);
    const card = page.getByRole('region', { name: 'Integritetsbegäranden', exact: true });
    await card.getByTestId('count').waitFor();
    expect(Number(await card.getByTestId('count').textContent())).toBeGreaterThanOrEqual(2);
    await card.getByText(/\d+ försenade/).waitFor();
    await card.getByRole('link', { name: 'Alla öppna begäranden' }).click();

    const overdueRow = page.getByRole('row').filter({ hasText: 'maja@fjallbryggeri.example.com' });
    await overdueRow.getByText('Försenad').waitFor();
    const rows = await page.getByRole('row').allTextContents();
    expect(rows.findIndex((r) => r.includes('maja@'))).toBeLessThan(rows.findIndex((r) => r.includes('olof@')));
    await screenshot(page, 'privacy-requests-list');

    await page.getByRole('row').filter({ hasText: 'olof@bageriet.example.com' }).click();
    await page.waitForURL(/#\/privacyRequests\/[^/]+\/show/);
    await page.getByRole('button', { name: 'Påbörja' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Påbörja' }).click();
    await page.getByText('Pågår', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Förläng' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('Uppgifterna finns i flera system');
    await dialog.getByRole('button', { name: 'Förläng' }).click();
    await page.getByText('Uppgifterna finns i flera system').waitFor();
    await screenshot(page, 'privacy-request-extended');
  });

  it('P33: a customer files a request from the privacy tools and sees whom to ask and where to complain (P34)', async () => {
    const page = await dash.logIn(CUSTOMER);
    await page.getByRole('menuitem', { name: 'Integritetsverktyg' }).click();
    await page.getByText('Frågor om dina uppgifter: privacy@jj-media.example.com').waitFor();
    await page.getByText(/Integritetsskyddsmyndigheten/).waitFor();
    await page.getByRole('textbox', { name: 'Detaljer (t.ex. vad som ska rättas)' }).fill('Allt ni har om mig');
    await page.getByRole('button', { name: 'Skicka begäran' }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'Tillgång (kopia av uppgifterna)' });
    await item.getByText('Identitet kontrollerad').waitFor();
    await screenshot(page, 'privacy-tools');
  });
});
