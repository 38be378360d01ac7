// Issue 20 in Chromium: the demo's TOTP login asks for the code after the password; an agency that
// requires a second factor takes the login to set-up (QR code, confirm, recovery codes) first.
import { DEMO_TOTP_EMAIL, DEMO_TOTP_SECRET } from '@sitecare/seeds';
import { generate } from 'otplib';
import { as } from '../support/api-client';
import { screenshot } from '../support/browser';
import { menuItem, useDashboard } from '../support/dashboard';

const HOME = /^(Dashboard|Översikt)$/;

describe('M14: second step and set-up in the dashboard', () => {
  const dash = useDashboard();

  it('M14: the demo employee with an authenticator gives the code after the password, then sees the dashboard', async () => {
    const page = await dash.loginPage();
    await dash.submitLogin(page, DEMO_TOTP_EMAIL);
    const code = page.getByRole('textbox', { name: /^(Code|Kod)/ });
    await code.waitFor();
    await screenshot(page, 'second-factor-login');
    const right = await generate({ secret: DEMO_TOTP_SECRET });
    await code.fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: /^(Verify|Verifiera)$/ }).click();
    await page.getByText(/The code is wrong|Koden är fel/).waitFor();
    await code.fill(right);
    await page.getByRole('button', { name: /^(Verify|Verifiera)$/ }).click();
    await menuItem(page, HOME).waitFor();
  });

  it('M14: a role the agency requires a second factor of is taken to set-up: QR code, confirm, recovery codes, then the dashboard', async () => {
    // The admin requires it of contractors on Agency settings.
    const adminPage = await dash.logIn('admin@jj-media.example.com');
    await adminPage.goto(`${dash.app.url}/#/agency-settings`);
    const card = adminPage.getByRole('region', { name: /Two-step verification|Tvåstegsverifiering/ });
    await card.getByRole('checkbox', { name: /^(Contractor|Underkonsult)$/ }).check();
    await card.getByRole('button', { name: /^(Update the requirement|Uppdatera kravet)$/ }).click();
    await adminPage.getByText(/requirements saved|har sparats/).waitFor();
    expect(
      (await as(dash.app.url, 'jj-media', 'ADMIN').then((c) => c.ok<any>('{ tenant { secondFactorRoles } }'))).tenant,
    ).toEqual({ secondFactorRoles: ['CONTRACTOR'] });

    const page = await dash.loginPage();
    await dash.submitLogin(page, 'kontraktor@freelance.example.com');
    await page.getByRole('button', { name: /^(Set up an authenticator app|Ställ in en autentiseringsapp)$/ }).click();
    await page.getByRole('img', { name: /QR/ }).waitFor();
    const secret = (await page.locator('code').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    await screenshot(page, 'second-factor-setup');
    await page.getByRole('textbox', { name: /^(Code|Kod)/ }).fill(await generate({ secret }));
    await page.getByRole('button', { name: /^(Confirm|Bekräfta)$/ }).click();
    const codes = page.getByRole('list', { name: /Recovery codes|Reservkoder/ }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole('button', { name: /^(I have saved the codes|Jag har sparat koderna)$/ }).click();
    await menuItem(page, HOME).waitFor();
  });
});
