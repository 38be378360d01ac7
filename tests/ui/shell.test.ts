import { createTestDatabase, type TestDatabase } from '../../server/src/testing/database';
import { launchBrowser, screenshot, type BrowserSession } from '../support/browser';
import { startSitecareProcess, type SitecareProcess } from '../support/sitecare-process';

describe('dashboard shell in Chromium, served by the server', () => {
  let db: TestDatabase;
  let app: SitecareProcess;
  let browser: BrowserSession;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startSitecareProcess({ ...db.env, SITECARE_DEMO: 'false' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('shows the live API and database status on the status page', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}/#/status`);
    const status = page.getByRole('region', { name: 'System status' });
    await status.getByText('Version').waitFor();
    await expect(status.getByText('OK').count()).resolves.toBe(2);
    await screenshot(page, 'shell-status-en');
    expect(errors).toEqual([]);
  });

  it('speaks Swedish to a Swedish browser', async () => {
    const page = await browser.newPage({ locale: 'sv-SE', colorScheme: 'dark' });
    await page.goto(`${app.url}/#/status`);
    await page.getByRole('heading', { name: 'Systemstatus', level: 1 }).waitFor();
    await page.getByText('Databas', { exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await screenshot(page, 'shell-status-sv-dark');
  });
});
