// Issue 20 in Chromium with the DevTools protocol's virtual authenticator (a platform authenticator
// with resident keys and user verification): add a passkey on My profile, log in with the password
// and the passkey, log in with the passkey alone (no user name), step up with it before a credential
// reveal, and remove it; at 390 px, axe clean. The page is opened on http://localhost (a passkey's
// relying party is a domain; WEBAUTHN_RP_ID defaults to localhost).
import type { CDPSession, Page } from 'playwright-core';
import { queryAs } from '../../server/src/testing/database';
import { accessibilityViolations } from '../support/axe';
import { horizontalOverflow, screenshot } from '../support/browser';
import { menuItem, useDashboard } from '../support/dashboard';

const EMAIL = 'sara@jj-media.example.com'; // an employee who reads English
const HOME = /^(Dashboard|Översikt)$/;
const PHONE = { width: 390, height: 844 };

interface Authenticator {
  cdp: CDPSession;
  id: string;
}

describe('M14: passkeys in the dashboard (virtual authenticator)', () => {
  const dash = useDashboard();
  const localUrl = () => dash.app.url.replace('127.0.0.1', 'localhost');
  /** The passkey made on the first page, copied into each later page's authenticator. */
  let credential: Record<string, unknown> | undefined;

  async function pageWithAuthenticator({ empty = false } = {}): Promise<{ page: Page; auth: Authenticator }> {
    const page = await dash.browser.newPage({ locale: 'en-GB' });
    page.on('pageerror', (error) => dash.pageErrors.push(error.message));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    const auth = { cdp, id: authenticatorId };
    if (credential && !empty) {
      await cdp.send('WebAuthn.addCredential', { authenticatorId, credential: credential as never });
    }
    await page.goto(`${localUrl()}/#/login`);
    return { page, auth };
  }

  async function submitPassword(page: Page): Promise<void> {
    await page.getByRole('textbox', { name: /E-mail address|E-postadress/ }).fill(EMAIL);
    await page.getByRole('textbox', { name: /^(Password|Lösenord)/ }).fill('sitecare-demo-2026');
    await page.getByRole('button', { name: /^(Sign in|Logga in)$/ }).click();
  }

  const ageStepUp = () =>
    queryAs(
      dash.db.superuserUrl,
      `update sessions s set step_up_at = now() - interval '6 minutes' from users u
        where u.id = s.user_id and u.email = $1 and s.step_up_at is not null`,
      [EMAIL],
    );

  /**
   * Keeps the passkey as this page's authenticator left it: its signature counter moved, and the
   * server refuses a counter that does not move forward (a cloned authenticator).
   */
  const keep = async (auth: Authenticator) => {
    const { credentials } = await auth.cdp.send('WebAuthn.getCredentials', { authenticatorId: auth.id });
    credential = credentials[0] as unknown as Record<string, unknown>;
  };

  const signCount = async (auth: Authenticator) => {
    const { credentials } = await auth.cdp.send('WebAuthn.getCredentials', { authenticatorId: auth.id });
    return credentials[0]?.signCount ?? -1;
  };

  it('M14: register a passkey on My profile (a name, listed; axe clean at 390 px)', async () => {
    const { page, auth } = await pageWithAuthenticator();
    await submitPassword(page);
    await menuItem(page, HOME).waitFor();
    await page.goto(`${localUrl()}/#/profile`);
    const section = page.getByRole('region', { name: /^Passkeys$/ });
    await section.getByText('You have no passkeys yet.').waitFor();
    await section.getByRole('textbox', { name: /Name of the passkey/ }).fill('Work laptop');
    await section.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText('The passkey has been added').waitFor();
    await section.getByTestId('passkey').filter({ hasText: 'Work laptop' }).waitFor();
    await section.getByText(/never used/).waitFor();

    const { credentials } = await auth.cdp.send('WebAuthn.getCredentials', { authenticatorId: auth.id });
    expect(credentials).toHaveLength(1);
    expect(credentials[0].isResidentCredential).toBe(true);
    credential = credentials[0] as unknown as Record<string, unknown>;

    await page.setViewportSize(PHONE);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page, 'section[aria-labelledby="profile-passkeys"]')).toEqual([]);
    await screenshot(page, 'passkeys-profile');
    await page.context().close();
  });

  it('M14: log in with the password and then the passkey as the second step', async () => {
    const { page, auth } = await pageWithAuthenticator();
    await submitPassword(page);
    const usePasskey = page.getByRole('button', { name: /^(Use a passkey|Använd en nyckel)$/ });
    await usePasskey.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'passkeys-second-step');
    const before = await signCount(auth);
    await usePasskey.click();
    await menuItem(page, HOME).waitFor();
    expect(await signCount(auth)).toBeGreaterThan(before);
    await keep(auth);
    await page.context().close();
  });

  it('M14: log in without a user name: the passkey alone, on the login page (axe clean at 390 px)', async () => {
    const { page, auth } = await pageWithAuthenticator();
    const button = page.getByRole('button', { name: /^(Log in with a passkey|Logga in med en nyckel)$/ });
    await button.waitFor();
    await page.setViewportSize(PHONE);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'passkeys-login');
    await button.click();
    await page.setViewportSize({ width: 1280, height: 800 });
    await menuItem(page, HOME).waitFor();
    // The passkey was the fresh step: no code was asked, and the session is the employee's.
    await page.goto(`${localUrl()}/#/profile`);
    await page
      .getByRole('region', { name: /^Passkeys$/ })
      .getByText(/last used/)
      .waitFor();
    await keep(auth);
    await page.context().close();
  });

  it('M14: S34: step up with the passkey before a credential reveal, then remove the passkey (another step-up)', async () => {
    const { page } = await pageWithAuthenticator();
    await page.getByRole('button', { name: /^(Log in with a passkey|Logga in med en nyckel)$/ }).click();
    await menuItem(page, HOME).waitFor();
    await ageStepUp();

    await page.goto(`${localUrl()}/#/sites`);
    await page.getByRole('cell', { name: 'bageriet-ek.example.com' }).click();
    await page.getByRole('tab', { name: /^(Credentials|Inloggningsuppgifter)$/ }).click();
    const row = page.getByRole('row').filter({ hasText: 'WordPress admin' });
    await row.getByRole('button', { name: /^(Reveal|Visa lösenord)$/ }).click();
    const stepUp = page.getByRole('dialog', { name: /Confirm it is you|Bekräfta att det är du/ });
    await stepUp.getByText(/Use your passkey to continue|Använd din nyckel/).waitFor();
    expect(await accessibilityViolations(page, '[role="dialog"]')).toEqual([]);
    await screenshot(page, 'passkeys-step-up');
    await stepUp.getByRole('button', { name: /^(Use a passkey|Använd en nyckel)$/ }).click();
    const revealed = page.getByRole('dialog').filter({ hasText: 'WordPress admin' });
    await revealed.getByRole('button', { name: /^(Show|Visa)$/ }).click();
    await revealed.getByText('jjmedia').waitFor();
    const [reveal] = await queryAs<{ n: number }>(
      dash.db.superuserUrl,
      `select count(*)::int as n from audit_events where action = 'credential.reveal' and outcome = 'DENIED'`,
    );
    expect(reveal.n).toBe(1);

    await ageStepUp();
    await page.goto(`${localUrl()}/#/profile`);
    const section = page.getByRole('region', { name: /^Passkeys$/ });
    await section.getByRole('button', { name: 'Remove the passkey Work laptop' }).click();
    const again = page.getByRole('dialog', { name: /Confirm it is you|Bekräfta att det är du/ });
    await again.getByRole('button', { name: /^(Use a passkey|Använd en nyckel)$/ }).click();
    await page.getByText('The passkey has been removed').waitFor();
    await section.getByText('You have no passkeys yet.').waitFor();
    const [left] = await queryAs<{ n: number }>(
      dash.db.superuserUrl,
      `select count(*)::int as n from passkeys p join users u on u.id = p.user_id where u.email = $1`,
      [EMAIL],
    );
    expect(left.n).toBe(0);
    await page.context().close();
  });

  it('M14: a login the agency requires a second factor of may add a passkey on the set-up page instead of an app', async () => {
    await queryAs(
      dash.db.superuserUrl,
      `update tenants set second_factor_roles = '{CONTRACTOR}' where slug = 'jj-media'`,
    );
    const { page, auth } = await pageWithAuthenticator({ empty: true });
    await page.getByRole('textbox', { name: /E-mail address|E-postadress/ }).fill('kontraktor@freelance.example.com');
    await page.getByRole('textbox', { name: /^(Password|Lösenord)/ }).fill('sitecare-demo-2026');
    await page.getByRole('button', { name: /^(Sign in|Logga in)$/ }).click();
    await page.getByText(/Or add a passkey instead|Eller lägg till en nyckel i stället/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('textbox', { name: /Name of the passkey|Nyckelns namn/ }).fill('Laptop');
    await page.getByRole('button', { name: /^(Add a passkey|Lägg till en nyckel)$/ }).click();
    await menuItem(page, HOME).waitFor();
    const { credentials } = await auth.cdp.send('WebAuthn.getCredentials', { authenticatorId: auth.id });
    expect(credentials).toHaveLength(1);
    const [row] = await queryAs<{ pending: number }>(
      dash.db.superuserUrl,
      `select count(*)::int as pending from sessions s join users u on u.id = s.user_id
        where u.email = 'kontraktor@freelance.example.com' and s.revoked_at is null and s.pending_step is not null`,
    );
    expect(row.pending).toBe(0);
    await page.context().close();
  });
});
