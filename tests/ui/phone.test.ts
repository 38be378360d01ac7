// Issue 25 (M19), the phone: every page a customer and a contractor can reach fits a 390×844 screen
// (no horizontal overflow: the document's scrollWidth against the viewport) and has no serious or
// critical axe-core violation. The pages are not a hand list: the test starts from the role's own
// menu (side menu and user menu, read in the browser) and follows every link into the dashboard it
// finds on the pages it visits (a list's stacked rows lead to the first record's page, a list's
// create button to its form, a page's edit link to its form), visiting one page of each kind.
import type { Page } from 'playwright-core';

import { as } from '../support/api-client';
import { accessibilityViolations } from '../support/axe';
import { docScreenshot, horizontalOverflow } from '../support/browser';
import { settle, useDashboard } from '../support/dashboard';

const PHONE = { width: 390, height: 844 };
const CUSTOMER = 'anna@bageriet.example.com';
const CONTRACTOR = 'kontraktor@freelance.example.com';

/** A route's kind: `/orders/4/show` → `/orders/:id/show`, `/sites/abc` → `/sites/:id`, a tab's `/sites/abc/show/care` → `/sites/:id/show/care`; no query. */
function kindOf(route: string): string {
  const parts = route.split('?')[0].split('/').filter(Boolean);
  if (parts.length === 2 && parts[1] !== 'create') return `/${parts[0]}/:id`;
  if (parts.length >= 3) return `/${parts[0]}/:id/${parts.slice(2).join('/')}`;
  return `/${parts.join('/')}`;
}

/** The in-app routes (`#/…`) the page links to. */
async function linkedRoutes(page: Page): Promise<string[]> {
  const hrefs = await page.locator('a[href^="#/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  return hrefs.filter((href): href is string => !!href).map((href) => href.slice(1));
}

/** The side menu's routes and the user menu's (My profile navigates on click, so it is followed). */
async function menuRoutes(page: Page): Promise<string[]> {
  const hrefs = await page
    .getByRole('menuitem')
    .evaluateAll((items) => items.map((item) => item.getAttribute('href')).filter(Boolean));
  const routes = (hrefs as string[]).filter((href) => href.startsWith('#/')).map((href) => href.slice(1) || '/');
  await page.getByRole('banner').getByRole('button').last().click();
  const userMenu = page.getByRole('menu');
  await userMenu.waitFor();
  const before = page.url();
  await userMenu.getByRole('menuitem').first().click();
  await page.waitForURL((url) => url.href !== before);
  routes.push(new URL(page.url()).hash.slice(1));
  return routes;
}

/** Waits until the page's data has come and nothing is loading. */
async function ready(page: Page): Promise<void> {
  await settle(page);
  await page.waitForFunction(
    "!document.querySelector('.MuiCircularProgress-indeterminate, .MuiLinearProgress-indeterminate, .MuiSkeleton-root')",
    undefined,
    { polling: 100 },
  );
}

interface Visit {
  route: string;
  overflow: number;
  violations: string[];
  /** For a page of the menu: how many pixels of the app bar's title are cut off. */
  titleCut: number;
}

/** How much of the app bar's title does not fit its box (0: all of it shows). */
const titleCut = (page: Page) =>
  page.evaluate<number>(
    "(() => { const t = document.getElementById('react-admin-title'); return t ? t.scrollWidth - t.clientWidth : 0; })()",
  );

/**
 * Visits every kind of page reachable from the role's menus at phone size: a failure is
 * collected, not thrown, so that one run names every page that does not fit.
 */
async function walk(page: Page, url: string): Promise<Visit[]> {
  const start = await menuRoutes(page);
  await page.setViewportSize(PHONE);
  const seen = new Set<string>();
  const queue = start.filter((route) => !seen.has(kindOf(route)) && seen.add(kindOf(route)));
  const visits: Visit[] = [];
  while (queue.length) {
    const route = queue.shift()!;
    await page.goto(`${url}/#${route}`);
    await ready(page);
    const overflow = await horizontalOverflow(page, 3_000);
    const violations = (await accessibilityViolations(page)).filter((line) => /serious|critical/.test(line));
    // The menu's pages have short titles (the resource's name): those must show whole, not cut
    // off behind the app bar's buttons; a record's title (a ticket's subject) may end in an ellipsis.
    const cut = start.includes(route) ? await titleCut(page) : 0;
    visits.push({ route, overflow, violations, titleCut: cut });
    for (const next of await linkedRoutes(page)) {
      const kind = kindOf(next);
      if (seen.has(kind) || kind.startsWith('/login')) continue;
      seen.add(kind);
      queue.push(next);
    }
  }
  return visits;
}

describe('M19: every customer and contractor page on a 390 px phone', () => {
  const dash = useDashboard();

  const problems = (visits: Visit[]) =>
    visits.flatMap(({ route, overflow, violations, titleCut }) => [
      ...(overflow > 0 ? [`${route}: ${overflow} px wider than the screen`] : []),
      ...(titleCut > 0 ? [`${route}: ${titleCut} px of the app bar's title cut off`] : []),
      ...violations.map((line) => `${route}: ${line}`),
    ]);

  it('M19: a customer reaches every page from her menus, and each fits 390 px and is axe clean', async () => {
    const page = await dash.logIn(CUSTOMER);
    const visits = await walk(page, dash.app.url);
    const kinds = visits.map((visit) => kindOf(visit.route));
    // A floor under the walk, not its source: the pages of the customer's day must have been among them.
    expect(kinds).toEqual(
      expect.arrayContaining([
        '/',
        '/profile',
        '/my-consents',
        '/privacy-tools',
        '/supportTickets',
        '/supportTickets/create',
        '/supportTickets/:id/show',
        '/orders',
        '/orders/:id/show',
        '/subscriptions',
        '/subscriptions/:id/show',
        '/sites',
        '/sites/:id/show',
        '/invoices',
      ]),
    );
    expect(problems(visits)).toEqual([]);

    // Actions say what they do in words on a phone, not only with an icon: cancelling a subscription
    // was a red ⊗ that read as "close".
    // Her active subscription (the walk opened whichever came first in her list).
    const anna = await as(dash.app.url, 'jj-media', 'CUSTOMER');
    const { subscriptions } = await anna.ok('{ subscriptions(page: { take: 20 }) { nodes { id status } } }');
    const active = subscriptions.nodes.find((s: { status: string }) => s.status === 'ACTIVE');
    await page.goto(`${dash.app.url}/#/subscriptions/${active.id}/show`);
    // (includeHidden: the walk may leave the menu drawer open over the page; the words are what is checked.)
    const cancel = page.getByRole('button', { name: 'Säg upp abonnemanget', includeHidden: true });
    await cancel.waitFor();
    expect(await cancel.innerText()).toMatch(/säg upp abonnemanget/i);

    // The documentation's phone screenshots: the home page and the profile.
    await page.goto(`${dash.app.url}/#/`);
    await ready(page);
    await docScreenshot(page, 'customer-phone-home', false);
    await page.goto(`${dash.app.url}/#/profile`);
    await ready(page);
    await docScreenshot(page, 'customer-phone-profile', false);
  });

  it('M19: a contractor reaches every page from his menus, and each fits 390 px and is axe clean', async () => {
    const page = await dash.logIn(CONTRACTOR);
    const visits = await walk(page, dash.app.url);
    const kinds = visits.map((visit) => kindOf(visit.route));
    expect(kinds).toEqual(
      expect.arrayContaining([
        '/',
        '/profile',
        '/sites',
        '/sites/:id/show',
        '/supportTickets',
        '/supportTickets/:id/show',
      ]),
    );
    expect(problems(visits)).toEqual([]);
  });
});
