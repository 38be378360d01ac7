// The fixture of a browser suite: a server with the demo data on its own database, one Chromium,
// no uncaught page error allowed in any test, and the steps every journey starts with.
import { DEMO_PASSWORD } from '@sitecare/seeds';
import type { Page, Request } from 'playwright-core';
import type { TestDatabase } from '../../server/src/testing/database';
import { launchBrowser, networkQuiet, type BrowserSession } from './browser';
import { createDatabaseFor } from './demo-app';
import { startSitecareProcess, type SitecareProcess } from './sitecare-process';

type PageOptions = { locale?: string; beforeLoad?: (page: Page) => Promise<void> };

export class DashboardFixture {
  db!: TestDatabase;
  app!: SitecareProcess;
  browser!: BrowserSession;
  /** Uncaught errors of every page opened through the fixture; each test must end with none. */
  pageErrors: string[] = [];

  /** A fresh browser context (no cookie, nothing remembered) on the login page. */
  async loginPage({ locale = 'en-GB', beforeLoad }: PageOptions = {}): Promise<Page> {
    const page = await this.browser.newPage({ locale });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
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

  /** Logs in on a fresh context and waits for the menu. */
  async logIn(email: string, options?: PageOptions): Promise<Page> {
    const page = await this.loginPage(options);
    await this.submitLogin(page, email);
    await menuItem(page, /^(Dashboard|Översikt)$/).waitFor();
    return page;
  }
}

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
  });
  afterEach(() => {
    expect(fixture.pageErrors).toEqual([]);
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
