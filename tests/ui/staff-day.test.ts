// Issue 25, the staff's day (items 7, 9 and 10): a failed request shows an error with a retry in the
// UI's language, never an empty card or list; every GraphQL request the dashboard sends names its
// operation; an invitation without a mail server offers its link. The home page: staff-home.test.ts.
import { queryAs } from '../../server/src/testing/database';
import { accessibilityViolations } from '../support/axe';
import { screenshot } from '../support/browser';
import { recordGraphQL, settle, useDashboard } from '../support/dashboard';

const EMPLOYEE = 'erik@jj-media.example.com';

describe('errors and operation names (issue 25 items 7 and 9)', () => {
  const dash = useDashboard();

  it('M19: a list that cannot load says so in Swedish with a retry, never "no records" or "Failed to fetch"', async () => {
    let offline = true;
    const page = await dash.loginPage({
      locale: 'sv-SE',
      beforeLoad: async (p) => {
        await p.route('**/graphql', (route) =>
          offline && /\bsubscriptions\s*\(/.test((route.request().postDataJSON() as { query?: string })?.query ?? '')
            ? route.abort('internetdisconnected')
            : route.continue(),
        );
      },
    });
    await dash.submitLogin(page, 'anna@bageriet.example.com');
    await page.getByRole('heading', { name: 'Din översikt', level: 2 }).waitFor();
    await page.goto(`${dash.app.url}/#/subscriptions`);
    const alert = page.getByRole('alert').filter({ hasText: 'Det gick inte att hämta' });
    await alert.getByText('Det gick inte att nå servern').waitFor();
    await settle(page);
    expect(await page.getByText(/hittades/).count()).toBe(0);
    expect(await page.getByText('Failed to fetch').count()).toBe(0);
    expect(await page.getByText(/\d+–\d+ av \d+/).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'list-offline-customer');

    offline = false;
    await alert.getByRole('button', { name: 'Försök igen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Det gick inte att hämta' }).waitFor({ state: 'detached' });
    await page.getByRole('table').waitFor();
  });

  it('M19: the ticket page asks for the staff who can take it once, not per role and not after a reply', async () => {
    let sent: ReturnType<typeof recordGraphQL> = [];
    const page = await dash.logIn(EMPLOYEE, {
      beforeLoad: async (p) => {
        sent = recordGraphQL(p);
      },
    });
    await page.getByRole('menuitem', { name: 'Ärenden', exact: true }).click();
    await page.getByRole('cell', { name: 'Kassan visar fel pris' }).click();
    await page.getByRole('textbox', { name: 'Ditt svar' }).waitFor();
    await settle(page);
    const userLists = () => sent.filter((r) => /\busers\s*\(/.test(r.query));
    expect(userLists()).toHaveLength(1);
    await page.getByRole('textbox', { name: 'Ditt svar' }).fill('Vi tittar på det i dag.');
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await page.getByText('Ditt svar har skickats').waitFor();
    await page.getByText('Vi tittar på det i dag.').waitFor();
    await settle(page);
    expect(userLists()).toHaveLength(1);
    expect(sent.filter((r) => !r.operationName)).toEqual([]);
  });

  it('M19: every GraphQL request of every page an admin and a customer open names its operation', async () => {
    // The two people side by side, each in a context of their own (their pages mostly wait on the network).
    await Promise.all(
      ['admin@jj-media.example.com', 'anna@bageriet.example.com'].map(async (email) => {
        let sent: ReturnType<typeof recordGraphQL> = [];
        const page = await dash.logIn(email, {
          beforeLoad: async (p) => {
            sent = recordGraphQL(p);
          },
        });
        // Every page of the menu, by its link, and the first record of each list.
        const hrefs = await page
          .getByRole('menuitem')
          .evaluateAll((items) => items.map((item) => item.getAttribute('href')).filter((h): h is string => !!h));
        expect(hrefs.length).toBeGreaterThan(3);
        for (const href of hrefs) {
          await page.goto(`${dash.app.url}/${href}`);
          await settle(page);
          const row = page.getByRole('row').nth(1);
          if ((await page.getByRole('table').count()) > 0 && (await row.count()) > 0) {
            await row.click();
            await settle(page);
          }
        }
        await page.goto(`${dash.app.url}/#/profile`);
        await settle(page);
        expect(sent.length).toBeGreaterThan(10);
        expect(sent.filter((r) => !r.operationName).map((r) => r.query.slice(0, 80))).toEqual([]);
        await page.context().close();
      }),
    );
  });
});

describe('invitations without a mail server (issue 25 item 10)', () => {
  const dash = useDashboard();

  it('M19: inviting a user says the mail is queued and, in development, offers the link, which works', async () => {
    const page = await dash.logIn('admin@jj-media.example.com', { locale: 'sv-SE' });
    await page.goto(`${dash.app.url}/#/users/create`);
    const invitee = 'kopierad.lank@jj-media.example.com';
    await page.getByRole('textbox', { name: 'E-postadress' }).fill(invitee);
    await page.getByRole('textbox', { name: 'Namn' }).fill('Klara Kopia');
    await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
    const notice = page.getByRole('alert').filter({ hasText: `Inbjudan till ${invitee} står i kö` });
    await notice.waitFor();
    expect(await page.getByText('har skickats').count()).toBe(0);
    const link = notice.getByRole('textbox', { name: /^Inbjudningslänk/ });
    const url = await link.inputValue();
    expect(url).toMatch(/\/#\/invitation\/.+/);
    await notice.getByRole('button', { name: 'Kopiera länk' }).waitFor();
    await settle(page); // the users list behind it finishes loading (its spinner is another item's axe finding)
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'invitation-queued');

    // The link is the one in the queued mail, and opens the invitation page.
    const [{ text }] = await queryAs<{ text: string }>(
      dash.db.superuserUrl,
      `select payload::text as text from outbox_messages where recipient = $1 and template = 'user.invitation'`,
      [invitee],
    );
    expect(text).toContain(url.slice(url.indexOf('/#/invitation/')));
    const invited = await dash.browser.newPage({ locale: 'en-GB' });
    await invited.goto(url);
    await invited.getByRole('heading', { name: 'Welcome to Sitecare' }).waitFor();
    await invited.context().close();
  });
});
