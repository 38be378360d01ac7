// Issue 17 in Chromium: an admin fills in the agency settings (in Swedish), a bad organisation number
// is named under its field, the saved profile is what the API returns; the screen works on a phone
// (390 px) and passes axe-core; an employee has no such menu entry and no screen.
import type { Page } from 'playwright-core';
import { as } from '../support/api-client';
import { accessibilityViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import { menuItem, settle, useDashboard } from '../support/dashboard';

const ADMIN = 'admin@jj-media.example.com';
const EMPLOYEE = 'erik@jj-media.example.com';

describe('M11: the Agency settings screen', () => {
  const dash = useDashboard();
  const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: false }).first();

  it('M11: an admin fills in and saves the agency settings; a bad number is shown under its field', async () => {
    const page = await dash.logIn(ADMIN);
    await menuItem(page, 'Byråinställningar').click();
    await page.getByRole('heading', { name: 'Byråinställningar', level: 1 }).waitFor();
    await field(page, 'Firmanamn').waitFor();
    expect(await field(page, 'Organisationsnummer').inputValue()).toBe('556712-3459');

    await field(page, 'Firmanamn').fill('JJ Media i Stockholm AB');
    await field(page, 'Organisationsnummer').fill('556712-3458'); // wrong check digit
    await field(page, 'Bankgiro').fill('5050-1055');
    await field(page, 'Avsändarnamn').fill('JJ Media kundservice');
    await field(page, 'Support-e-post (svarsadress)').fill('kundservice@jj-media.example.com');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('has a wrong check digit (the last digit)').waitFor();
    await screenshot(page, 'agency-settings-error');

    await field(page, 'Organisationsnummer').fill('5567123459');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Byråns inställningar har sparats').waitFor();
    // Normalised as stored.
    await page.waitForFunction('document.querySelector(\'input[name="organisationNumber"]\')?.value === "556712-3459"');

    const admin = await as(dash.app.url, 'jj-media', 'ADMIN');
    const { tenant } = await admin.ok('{ tenant { legalName organisationNumber bankgiro senderName supportEmail } }');
    expect(tenant).toEqual({
      legalName: 'JJ Media i Stockholm AB',
      organisationNumber: '556712-3459',
      bankgiro: '5050-1055',
      senderName: 'JJ Media kundservice',
      supportEmail: 'kundservice@jj-media.example.com',
    });

    // On a phone (loaded at that width, so the drawer starts closed): no sideways scrolling, no axe violation.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await field(page, 'Firmanamn').waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'agency-settings-phone');
    // The screen itself (react-admin's default app bar, shared by every screen, has white on #2196f3).
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 90_000);

  it('M11: an employee sees no Agency settings, in the menu or at its address', async () => {
    const page = await dash.logIn(EMPLOYEE);
    await settle(page);
    expect(await menuItem(page, 'Byråinställningar').count()).toBe(0);
    expect(await menuItem(page, 'Agency settings').count()).toBe(0);
    await page.goto(`${dash.app.url}/#/agency-settings`);
    await settle(page);
    expect(await page.getByRole('heading', { name: /Byråinställningar|Agency settings/ }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: /Organisationsnummer|Organisation number/ }).count()).toBe(0);
  }, 60_000);
});
