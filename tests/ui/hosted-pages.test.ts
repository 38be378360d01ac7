// Issue 21 (M15): the hosted pages in Chromium at 390 px: axe-core finds no WCAG 2.x A/AA violation in
// Swedish or English, with or without errors on the form, nothing overflows sideways, and with
// JavaScript turned off a person sends the contact form, signs up for the newsletter (the double
// opt-in mail is in the outbox) and files a privacy request, each stored for the right agency.
import type { Browser, Page } from 'playwright-core';
import { queryAs } from '../../server/src/testing/database';
import { accessibilityViolations } from '../support/axe';
import {
  STEP_TIMEOUT_MS,
  horizontalOverflow,
  launchBrowser,
  screenshot,
  type BrowserSession,
} from '../support/browser';
import { startDemoApp, type DemoApp } from '../support/demo-app';

const PAGES = ['contact', 'newsletter', 'support', 'privacy-request', 'cookies'] as const;
const PHONE = { width: 390, height: 844 };

let demo: DemoApp;
let session: BrowserSession;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

async function pageIn(browser: Browser, locale: string, javaScriptEnabled = true): Promise<Page> {
  // axe is added to the page as a script: past the page's CSP, which allows no script at all.
  const context = await browser.newContext({ locale, viewport: PHONE, javaScriptEnabled, bypassCSP: true });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return context.newPage();
}

beforeAll(async () => {
  demo = await startDemoApp();
  session = await launchBrowser();
});
afterAll(async () => {
  await session?.close();
  await demo?.stop();
});
beforeEach(() => sql(`delete from rate_limits where key like 'form-ip%'`));

describe('M15: hosted pages in Chromium', () => {
  it('M15: every hosted page is axe clean at 390 px in sv and en, also showing its errors, and fits the width', async () => {
    for (const locale of ['sv-SE', 'en-GB']) {
      const page = await pageIn(session.browser, locale);
      for (const name of PAGES) {
        await page.goto(`${demo.url}/a/jj-media/${name}`);
        await page.locator('h1').waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe(locale.slice(0, 2));
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      }
      // The form with its errors (sent empty past the browser's own checks).
      await page.goto(`${demo.url}/a/jj-media/contact`);
      await page.locator('form').evaluate((form) => form.setAttribute('novalidate', ''));
      await page.getByRole('button').click();
      await page.locator('.summary').waitFor();
      expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThanOrEqual(3);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `hosted-contact-errors-${locale}`);
      await page.context().close();
    }
  });

  it('M15: with JavaScript off, a lead, a newsletter sign-up (its double opt-in mail) and a privacy request land for the agency', async () => {
    const page = await pageIn(session.browser, 'en-GB', false);
    await page.goto(`${demo.url}/a/nordvik-webbyra/contact`);
    await page.getByLabel('Name').fill('Browser Bo');
    await page.getByLabel('E-mail').fill('bo.browser@example.com');
    await page.getByLabel('Message').fill('A new shop, please.');
    await page.getByLabel(/I want .* to contact me/).check();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Thank you for your message' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/a/nordvik-webbyra/contact/thanks');
    const leads = await sql(
      `select t.slug, l.name, l.consent_given from leads l join tenants t on t.id = l.tenant_id where l.email = $1`,
      ['bo.browser@example.com'],
    );
    expect(leads).toEqual([{ slug: 'nordvik-webbyra', name: 'Browser Bo', consent_given: true }]);

    await page.goto(`${demo.url}/a/nordvik-webbyra/newsletter?lang=sv`);
    await page.getByLabel('E-post').fill('bo.nyhet@example.com');
    await page.getByLabel(/Jag har fyllt 13 år/).check();
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.getByRole('heading', { name: 'Kolla din e-post' }).waitFor();
    const signups = await sql(
      `select t.slug, s.language, s.confirmed_at from newsletter_signups s join tenants t on t.id = s.tenant_id where s.email = $1`,
      ['bo.nyhet@example.com'],
    );
    expect(signups).toEqual([{ slug: 'nordvik-webbyra', language: 'sv', confirmed_at: null }]);
    const mail = await sql(
      `select t.slug, m.template from outbox_messages m join tenants t on t.id = m.tenant_id where m.recipient = $1`,
      ['bo.nyhet@example.com'],
    );
    expect(mail).toEqual([{ slug: 'nordvik-webbyra', template: 'newsletter.confirm' }]);

    await page.goto(`${demo.url}/a/nordvik-webbyra/privacy-request`);
    await page.getByLabel('E-mail').fill('bo.privacy@example.com');
    await page.getByLabel('Erase my data').check();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    const tokens = await sql(
      `select t.slug, p.type from privacy_request_tokens p join tenants t on t.id = p.tenant_id where p.email = $1`,
      ['bo.privacy@example.com'],
    );
    expect(tokens).toEqual([{ slug: 'nordvik-webbyra', type: 'ERASURE' }]);
    await screenshot(page, 'hosted-privacy-thanks');
    await page.context().close();
  });
});
