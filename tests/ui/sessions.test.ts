// Issue 20 in Chromium: "Sessions" on My profile lists the viewer's live sessions and ends one; an
// admin logs a user out everywhere from the user's page. In Swedish and English, on a phone (390 px)
// without sideways scrolling, and axe-clean.
import { ApiClient, demoEmail } from '../support/api-client';
import { accessibilityViolations } from '../support/axe';
import { horizontalOverflow, screenshot } from '../support/browser';
import { useDashboard } from '../support/dashboard';

const ME = '{ me { user { email } } }';
const loggedIn = async (client: ApiClient) => !(await client.gql(ME)).errors;

describe('M14: sessions in the dashboard', () => {
  const dash = useDashboard();

  it('M14: S20: My profile lists the live sessions (this one marked) and ends another; on a phone, axe-clean', async () => {
    const email = demoEmail('jj-media', 'EMPLOYEE');
    // A second session of the same person, from another "browser".
    const elsewhere = new ApiClient(
      dash.app.url,
      'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
    );
    expect((await elsewhere.login(email)).errors).toBeUndefined();

    const page = await dash.logIn(email, { locale: 'sv-SE' });
    // On a phone (loaded at that width, so the menu drawer starts closed).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${dash.app.url}/#/profile`);
    await page.reload();
    const section = page.getByRole('region', { name: /^(Sessioner|Sessions)$/ });
    const rows = section.getByTestId('session');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    // This session first, marked; the other names its browser and the truncated address.
    await rows
      .first()
      .getByText(/^(Den här sessionen|This session)$/)
      .waitFor();
    await rows
      .nth(1)
      .getByText(/Firefox 133\.0, Linux/)
      .waitFor();
    await rows
      .nth(1)
      .getByText(/127\.0\.0\.0/)
      .waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'sessions-phone');
    expect(await accessibilityViolations(page)).toEqual([]);

    await section.getByRole('button', { name: /^(Avsluta sessionen i|End the session in) Firefox/ }).click();
    await page.getByText(/^(Sessionen har avslutats|The session has ended)$/).waitFor();
    await rows.nth(1).waitFor({ state: 'detached' });
    expect(await loggedIn(elsewhere)).toBe(false);
  });

  it('M14: S20: an admin ends all sessions of a user from the user page', async () => {
    const sara = new ApiClient(dash.app.url);
    expect((await sara.login('sara@jj-media.example.com')).errors).toBeUndefined();
    const admin = new ApiClient(dash.app.url);
    expect((await admin.login(demoEmail('jj-media', 'ADMIN'))).errors).toBeUndefined();
    const { users } = await admin.ok<{ users: { nodes: Array<{ id: string; email: string }> } }>(
      '{ users(page: { take: 50 }) { nodes { id email } } }',
    );
    const saraId = users.nodes.find((u) => u.email === 'sara@jj-media.example.com')!.id;

    const page = await dash.logIn(demoEmail('jj-media', 'ADMIN'), { locale: 'en-GB' });
    await page.goto(`${dash.app.url}/#/users/${saraId}/show`);
    await page.getByRole('button', { name: /^(End all sessions|Avsluta alla sessioner)$/ }).click();
    await page.getByRole('button', { name: /^(Confirm|Bekräfta)$/ }).click();
    await page.getByText(/Sara Nilsson (has been logged out everywhere|har loggats ut överallt)/).waitFor();
    expect(await loggedIn(sara)).toBe(false);
  });
});
