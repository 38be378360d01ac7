// Issue 25, the staff's day (items 6, 7 and 9): the home page asks the server once for every card,
// which counts over all sites (site 101 of 120 flagged), and not again on a language switch; a
// failed request shows an error with a retry in the UI's language, never an empty card or list;
// every GraphQL request the dashboard sends names its operation.
import type { Page, Request } from 'playwright-core';
import { queryAs } from '../../server/src/testing/database';
import { accessibilityViolations } from '../support/axe';
import { horizontalOverflow, screenshot } from '../support/browser';
import { settle, useDashboard } from '../support/dashboard';

const EMPLOYEE = 'erik@jj-media.example.com';
const STALE = 'home-101.example.com';

/** The GraphQL requests a page sends, with their operation names (from the JSON body). */
function recordGraphQL(page: Page): { operationName: string | null; query: string }[] {
  const sent: { operationName: string | null; query: string }[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { operationName?: string | null; query?: string } | null;
    sent.push({ operationName: body?.operationName ?? null, query: body?.query ?? '' });
  });
  return sent;
}

describe('the staff home page (issue 25)', () => {
  const dash = useDashboard();
  const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
    queryAs<T>(dash.db.superuserUrl, text, params);

  beforeAll(async () => {
    // 120 more active sites on a package that promises backups, all freshly backed up but site 101,
    // whose newest backup is from 2001: the browser's first 100 sites would never find it.
    const [{ id: tenantId }] = await sql(`select id from tenants where slug = 'jj-media'`);
    await sql(
      `insert into sites (id, tenant_id, customer_id, domain, platform, production_url, status, service_package_id)
       select gen_random_uuid(), $1, c.id, 'home-' || lpad(g::text, 3, '0') || '.example.com', 'WORDPRESS',
              'https://home-' || g || '.example.com', 'ACTIVE', p.id
         from generate_series(1, 120) g,
              (select id from customers where tenant_id = $1 order by name limit 1) c,
              (select id from service_packages where tenant_id = $1 and backups order by name_sv limit 1) p`,
      [tenantId],
    );
    await sql(
      `insert into site_backups (id, tenant_id, site_id, taken_at, location, size_bytes, expires_at)
       select gen_random_uuid(), s.tenant_id, s.id,
              case when s.domain = $2 then timestamptz '2001-01-01 00:00:00+00' else now() end,
              'home-test', 1, now() + interval '30 days'
         from sites s where s.tenant_id = $1 and s.status = 'ACTIVE'`,
      [tenantId, STALE],
    );
  });

  it('M19: one request for every card, counted over all sites (site 101 flagged), none again on a language switch', async () => {
    let sent: ReturnType<typeof recordGraphQL> = [];
    const page = await dash.logIn(EMPLOYEE, {
      beforeLoad: async (p) => {
        sent = recordGraphQL(p);
      },
    });
    const backups = page.getByRole('region', { name: 'Webbplatser med gamla säkerhetskopior', exact: true });
    await backups.getByRole('link', { name: STALE }).waitFor();
    expect(await backups.getByTestId('count').textContent()).toBe('1');
    await settle(page);
    const home = sent.filter((r) => r.operationName === 'HomeSummary');
    expect(home).toHaveLength(1);
    // No card asks for a list of its own any more.
    for (const list of ['leads', 'supportTickets', 'orders', 'subscriptions', 'sites', 'privacyRequests', 'breaches']) {
      expect(sent.filter((r) => new RegExp(`\\b${list}\\s*\\(`).test(r.query))).toEqual([]);
    }
    expect(await accessibilityViolations(page)).toEqual([]);

    const before = sent.length;
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'What needs attention', level: 2 }).waitFor();
    await page
      .getByRole('region', { name: 'Sites with stale backups', exact: true })
      .getByRole('link', { name: STALE })
      .waitFor();
    await settle(page);
    expect(sent.slice(before).filter((r) => r.operationName === 'HomeSummary')).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);

    // Issue 25 item 9: every GraphQL request so far named its operation.
    expect(sent.filter((r) => !r.operationName)).toEqual([]);
  });

  it('M19: with the network down the home page says so in Swedish, with a retry that recovers', async () => {
    // The network drops the home page's request (as when offline) until the retry.
    let offline = true;
    const page = await dash.loginPage({
      locale: 'sv-SE',
      beforeLoad: async (p) => {
        await p.route('**/graphql', (route) =>
          offline && (route.request().postDataJSON() as { operationName?: string })?.operationName === 'HomeSummary'
            ? route.abort('internetdisconnected')
            : route.continue(),
        );
      },
    });
    await dash.submitLogin(page, EMPLOYEE);
    await page.getByRole('heading', { name: 'Det här behöver uppmärksamhet', level: 2 }).waitFor();
    const alert = page.getByRole('alert').filter({ hasText: 'Det gick inte att hämta' });
    await alert.waitFor();
    await alert.getByText('Det gick inte att nå servern').waitFor();
    expect(await page.getByText('Failed to fetch').count()).toBe(0);
    expect(await page.getByTestId('count').count()).toBe(0); // no card pretends to count nothing
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'home-employee-offline');

    offline = false;
    await alert.getByRole('button', { name: 'Försök igen' }).click();
    await page
      .getByRole('region', { name: 'Webbplatser med gamla säkerhetskopior', exact: true })
      .getByRole('link', { name: STALE })
      .waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Det gick inte att hämta' }).count()).toBe(0);
  });
});

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
    for (const email of ['admin@jj-media.example.com', 'anna@bageriet.example.com']) {
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
    }
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
