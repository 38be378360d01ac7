// The fixture of a browser suite: a server with the demo data on its own database, one Chromium,
// no uncaught page error allowed in any test, and the steps every journey starts with.
import { DEMO_PASSWORD } from '@sitecare/seeds';
import type { Page, Request } from 'playwright-core';
import type { TestDatabase } from '../../server/src/testing/database';
import { launchBrowser, networkQuiet, type BrowserSession } from './browser';
import { createDatabaseFor } from './demo-app';
import { startSitecareProcess, type SitecareProcess } from './sitecare-process';

type PageOptions = { locale?: string; beforeLoad?: (page: Page) => Promise<void> };

/** A new context's viewport (Playwright's default), given back to a page that is used again. */
const VIEWPORT = { width: 1280, height: 720 };

export class DashboardFixture {
  db!: TestDatabase;
  app!: SitecareProcess;
  browser!: BrowserSession;
  /** Uncaught errors of every page opened through the fixture; each test must end with none. */
  pageErrors: string[] = [];
  /**
   * Pages that `logIn` gave to a test which has ended, by their language, for the file's next `logIn`
   * (issue 24). A new page costs Chromium a new renderer process and a cold start of the app, about a
   * second of CPU, which was the largest single cost of the browser suites; a page used again is
   * cleared first (its cookies, storage, listeners, routes and size) and loads the app afresh.
   */
  private idle: { page: Page; locale: string }[] = [];
  private lent: { page: Page; locale: string }[] = [];
  private inTest = false;

  /** A fresh browser context (no cookie, nothing remembered) on the login page. */
  async loginPage({ locale = 'en-GB', beforeLoad }: PageOptions = {}): Promise<Page> {
    const page = await this.browser.newPage({ locale });
    this.watchErrors(page);
    await beforeLoad?.(page);
    await page.goto(`${this.app.url}/#/login`);
    return page;
  }

  /** Fills in the login form in whichever language it shows. */
  async submitLogin(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
    await page.getByRole('textbox', { name: /E-mail address|E-postadress/ }).fill(email);
    await page.getByRole('textbox', { name: /^(Password|Lösenord)/ }).fill(password);
    await page.getByRole('button', { name: /^(Sign in|Logga in)$/ }).click();
  }

  /**
   * Logs in on the login page of a context with no cookie and nothing stored, and waits for the menu.
   * Within a test, each call has a context of its own. A page with `beforeLoad` (routes, a clock) is
   * always new, and not used again; nor is a page logged in outside a test (in `beforeAll`).
   */
  async logIn(email: string, options: PageOptions = {}): Promise<Page> {
    const locale = options.locale ?? 'en-GB';
    const reusable = this.inTest && !options.beforeLoad;
    const page = (reusable && (await this.pageUsedBefore(locale))) || (await this.loginPage(options));
    if (reusable) this.lent.push({ page, locale });
    await this.submitLogin(page, email);
    await menuItem(page, /^(Dashboard|Översikt)$/).waitFor();
    return page;
  }

  /** A page an earlier test logged in on, cleared and on the login page; null when there is none. */
  private async pageUsedBefore(locale: string): Promise<Page | null> {
    const index = this.idle.findIndex((idle) => idle.locale === locale);
    if (index < 0) return null;
    const [{ page }] = this.idle.splice(index, 1);
    try {
      // Away from the app first (a page of the same origin that runs no script), so that nothing of
      // the earlier test writes to the storage after it is cleared.
      await page.goto(`${this.app.url}/livez`);
      await page.evaluate('localStorage.clear(); sessionStorage.clear()');
      await page.context().clearCookies();
      await page.context().clearPermissions();
      await page.setViewportSize(VIEWPORT);
      this.watchErrors(page);
      await page.goto(`${this.app.url}/#/login`);
      return page;
    } catch {
      await discard(page);
      return null;
    }
  }

  /** Collects the page's uncaught errors into `pageErrors`, which each test must end empty. */
  private watchErrors(page: Page): void {
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  /** At a test's start: `logIn` may lend pages from now on. */
  startTest(): void {
    this.inTest = true;
  }

  /** At a test's end: its pages still open, without the test's listeners and routes, wait for the next one. */
  async endTest(): Promise<void> {
    this.inTest = false;
    const lent = this.lent.splice(0);
    for (const { page, locale } of lent) {
      if (page.isClosed()) continue;
      try {
        await page.removeAllListeners(undefined, { behavior: 'ignoreErrors' });
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        this.idle.push({ page, locale });
      } catch {
        await discard(page);
      }
    }
  }
}

/** A page that cannot be cleared for the next test: its context goes, whatever state it is in. */
const discard = (page: Page) =>
  page
    .context()
    .close()
    .catch(() => undefined);

export const menuItem = (page: Page, name: string | RegExp) => page.getByRole('menuitem', { name, exact: true });

/**
 * Lets pending permission checks and requests finish before asserting that something is absent or
 * counting requests: the document's network idle, then no request in flight for a quiet window after
 * the call (a condition on the page's own requests; see `networkQuiet`).
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await networkQuiet(page);
}

/** Registers the suite's hooks; the returned object is filled in by `beforeAll`. */
export function useDashboard(env: Record<string, string> = {}): DashboardFixture {
  const fixture = new DashboardFixture();
  beforeAll(async () => {
    fixture.db = await createDatabaseFor(env);
    // Side by side: Chromium starts while the server boots.
    [fixture.app, fixture.browser] = await Promise.all([
      startSitecareProcess({ ...fixture.db.env, SITECARE_DEMO: 'true', ...env }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.app?.stop();
    await fixture.db?.drop();
  });
  beforeEach(() => {
    fixture.pageErrors = [];
    fixture.startTest();
  });
  afterEach(async () => {
    const errors = fixture.pageErrors;
    await fixture.endTest();
    expect(errors).toEqual([]);
  });
  return fixture;
}

/** The GraphQL requests a page sends, with their operation names (from the JSON body). */
export function recordGraphQL(page: Page): { operationName: string | null; query: string }[] {
  const sent: { operationName: string | null; query: string }[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { operationName?: string | null; query?: string } | null;
    sent.push({ operationName: body?.operationName ?? null, query: body?.query ?? '' });
  });
  return sent;
}
