// Debian's chromium driven by playwright-core: never a downloaded browser. Playwright gives each
// launch a fresh, temporary profile.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './sitecare-process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * How long one step (a wait for an element, a click, a navigation) may take: half of the tests
 * project's timeout (jest-timeout.ts), so that on a loaded machine a slow step still passes and a
 * failing one is reported by Playwright, naming what it waited for, before jest's timeout.
 */
export const STEP_TIMEOUT_MS = 60_000;
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

export interface BrowserSession {
  browser: Browser;
  newPage(options?: { locale?: string; colorScheme?: 'light' | 'dark' }): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Chromium 156 gives every new window (each context's first page) the omnibox popup, a WebUI in
      // a renderer process of its own: a second renderer started, and drawn, for every page a test
      // opens. Headless tests never show an omnibox (issue 24: about a third of the renderers).
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    newPage: async (options = {}) => {
      const context = await browser.newContext({ locale: options.locale ?? 'en-GB', colorScheme: options.colorScheme });
      context.setDefaultTimeout(STEP_TIMEOUT_MS);
      await context.addInitScript(NETWORK_PROBE);
      contexts.push(context);
      return context.newPage();
    },
    close: async () => {
      await browser.close();
    },
  };
}

/**
 * Counts the page's requests in flight (the dashboard sends all of them with `fetch`) and when the
 * count last changed, so that a test can wait until the page's network has been quiet: Playwright's
 * `networkidle` load state is reached once per document and says nothing after a hash navigation.
 */
const NETWORK_PROBE = `(() => {
  const state = { inflight: 0, changedAt: performance.now() };
  const change = (by) => { state.inflight += by; state.changedAt = performance.now(); };
  const fetch = window.fetch;
  window.fetch = function (...args) {
    change(1);
    return fetch.apply(this, args).then(
      async (response) => { try { await response.clone().arrayBuffer(); } catch {} change(-1); return response; },
      (error) => { change(-1); throw error; },
    );
  };
  Object.defineProperty(window, '__sitecareNetwork', { value: state });
})();`;

/**
 * Waits until no request has been in flight for `quietMs`, counted from the call at the earliest (a
 * request a route change is about to start has that long to start), the same rule as Playwright's
 * `networkidle` but for every navigation of a single-page app. Pages without the probe: network idle.
 */
export async function networkQuiet(page: Page, quietMs = 300): Promise<void> {
  const since = await page.evaluate<number>('performance.now()');
  await page.waitForFunction(
    `(() => { const n = window.__sitecareNetwork; if (!n) return true;
       return n.inflight === 0 && performance.now() - Math.max(n.changedAt, ${since}) >= ${quietMs}; })()`,
    undefined,
    { polling: 50 },
  );
}

/** Screenshots are test artifacts, never committed (test-artifacts/ is ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A screenshot the documentation shows (issue 25's closing note): always in `test-artifacts/`, and
 * with `SITECARE_DOC_SCREENSHOTS=1` also in `docs/screenshots/`, where they are committed once (a
 * normal run leaves the checkout unchanged). `fullPage: false` keeps a phone screenshot to the screen.
 */
export async function docScreenshot(page: Page, name: string, fullPage = true): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  if (process.env.SITECARE_DOC_SCREENSHOTS === '1') {
    const docs = path.join(REPO_ROOT, 'docs', 'screenshots');
    await mkdir(docs, { recursive: true });
    await copyFile(file, path.join(docs, `${name}.png`));
  }
  return file;
}

/**
 * Types into a list's search box and waits until the list has taken the filter into its address.
 * react-admin writes the filter to the URL after a debounce; a row clicked before that would open,
 * then be sent back to the list when the debounced filter lands (seen on a loaded machine).
 */
export async function searchList(page: Page, box: string, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: box }).fill(text);
  await page.waitForURL((url) => decodeURIComponent(url.href).includes(JSON.stringify(text).slice(0, -1)));
}

/**
 * How far the page overflows its viewport sideways, once the layout has caught up with a resize:
 * the dashboard swaps its sidebar for a drawer on the render after the resize event, so the width is
 * read until it fits (0) or the step's time is up, and the last reading is returned for the assertion.
 */
export async function horizontalOverflow(page: Page, timeoutMs = 10_000): Promise<number> {
  const expression = 'document.documentElement.scrollWidth - window.innerWidth';
  try {
    await page.waitForFunction(`${expression} <= 0`, undefined, { timeout: timeoutMs, polling: 'raf' });
  } catch {
    // fall through: the caller's assertion names the overflow
  }
  return page.evaluate<number>(expression);
}
