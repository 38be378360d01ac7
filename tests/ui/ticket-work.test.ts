// Issue 18 in Chromium: an employee replies with a file attached and logs time on the ticket (at
// 390 px, axe-clean); the customer sees the file in the portal and downloads it; the hours used show
// on the customer's page (staff) and on the customer's overview. The tests build on each other.
import { accessibilityViolations } from '../support/axe';
import { horizontalOverflow, screenshot } from '../support/browser';
import { menuItem, useDashboard } from '../support/dashboard';
import { PNG } from '../support/files';

const EMPLOYEE = 'erik@jj-media.example.com';
const CUSTOMER = 'anna@bageriet.example.com'; // Anna Ek of Bageriet Ek AB
const TICKET = 'Uppdatera öppettider'; // Bageriet's; the demo logged 30 minutes on it
const REPLY = 'Här är en skärmdump av de nya öppettiderna.';
const FILE = 'oppettider.png';
// What this suite adds: the thread's and the time's sections, the reply form, the overview's cards.
// (The ticket header's status and priority chips are older and checked elsewhere.)
const MINE = 'section[aria-labelledby], form';

describe('M12: time and attachments in Chromium', () => {
  const dash = useDashboard();

  it('M12: an employee replies with a file attached and logs time, on a phone, without axe violations', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, 'Ärenden').click();
    await page.getByRole('cell', { name: TICKET }).click();
    await page.getByRole('heading', { name: 'Nedlagd tid' }).waitFor();
    // On a phone (loaded at that width, so the drawer starts closed).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: 'Nedlagd tid' }).waitFor();
    await page.getByText('Bytte öppettider i sidfoten och på kontaktsidan').waitFor();

    await page.getByRole('textbox', { name: 'Ditt svar' }).fill(REPLY);
    await page.getByTestId('attachment-input').setInputFiles({ name: FILE, mimeType: 'image/png', buffer: PNG });
    await page.getByText(FILE, { exact: true }).waitFor(); // the chosen file, before sending
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await page.getByText('Ditt svar har skickats').waitFor();
    await page
      .getByRole('article')
      .filter({ hasText: REPLY })
      .getByRole('link', { name: /^Ladda ner oppettider\.png/ })
      .waitFor();

    await page.getByRole('spinbutton', { name: 'Minuter' }).fill('45');
    await page.getByRole('textbox', { name: 'Vad som gjordes' }).fill('Tog skärmdump och svarade');
    await page.getByRole('button', { name: 'Registrera tid' }).click();
    await page.getByText('Tiden har registrerats').waitFor();
    await page.getByText('Totalt: 1 h 15 min').waitFor();

    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'ticket-work-employee-phone');
    expect(await accessibilityViolations(page, MINE)).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });

  it('M12: the customer sees the file on the reply in the portal and downloads it; never the time entries', async () => {
    const page = await dash.logIn(CUSTOMER);
    // Her overview shows this month's support hours against the package.
    await page.getByRole('heading', { name: 'Supporttimmar' }).waitFor();
    await page
      .getByTestId('support-hours-summary')
      .getByText(/^1 h 15 min av \d+ h använt denna månad$/)
      .waitFor();
    await menuItem(page, 'Ärenden').click();
    await page.getByRole('cell', { name: TICKET }).click();
    const link = page
      .getByRole('article')
      .filter({ hasText: REPLY })
      .getByRole('link', { name: /^Ladda ner oppettider\.png/ });
    await link.waitFor();
    const href = await link.getAttribute('href');
    const download = await page.evaluate(async (url) => {
      const res = await fetch(url!);
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        disposition: res.headers.get('content-disposition'),
        bytes: (await res.arrayBuffer()).byteLength,
      };
    }, href);
    expect(download).toEqual({
      status: 200,
      type: 'image/png',
      disposition: expect.stringMatching(/^attachment; filename="oppettider.png"/),
      bytes: PNG.length,
    });
    expect(await page.getByRole('heading', { name: 'Nedlagd tid' }).count()).toBe(0);
    await screenshot(page, 'ticket-work-customer-thread');
    expect(await accessibilityViolations(page, MINE)).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });

  it("M12: the hours used appear on the customer's page", async () => {
    const page = await dash.logIn(EMPLOYEE);
    await menuItem(page, 'Kunder').click();
    await page.getByRole('cell', { name: 'Bageriet Ek AB' }).click();
    await page.getByRole('heading', { name: 'Supporttimmar' }).waitFor();
    await page
      .getByTestId('support-hours-summary')
      .getByText(/^1 h 15 min av \d+ h använt denna månad$/)
      .waitFor();
    await screenshot(page, 'ticket-work-customer-page');
    expect(await accessibilityViolations(page, MINE)).toEqual([]);
    expect(dash.pageErrors).toEqual([]);
  });
});
