// What a visitor's browser downloads and asks for, measured in Chromium against the production build:
// the login page stays under 300 kB of gzipped JavaScript because every screen is its own chunk, and
// a list page asks the API the same number of times for 5 rows as for 50 (no request per row).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { queryAs } from '../../server/src/testing/database';
import { screenshot } from '../support/browser';
import { useDashboard } from '../support/dashboard';
import { REPO_ROOT } from '../support/sitecare-process';

const LOGIN_BUDGET = 300 * 1000; // bytes of gzipped JavaScript
const gzipped = (body: Buffer) => gzipSync(body, { level: 9 }).length;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The /graphql requests the page sends while `action` runs and the page settles. */
async function graphqlRequestsDuring(page: Page, action: () => Promise<void>): Promise<string[]> {
  const operations: string[] = [];
  const record = (request: { url(): string; postData(): string | null }) => {
    if (!request.url().endsWith('/graphql')) return;
    const body = JSON.parse(request.postData() ?? '{}') as { operationName?: string };
    operations.push(body.operationName ?? '(anonymous)');
  };
  page.on('request', record);
  await action();
  await page.waitForLoadState('networkidle');
  page.off('request', record);
  return operations;
}

describe('what the dashboard downloads and asks for', () => {
  const dash = useDashboard();

  it('the login page loads under 300 kB of gzipped JavaScript and no screen behind it', async () => {
    const scripts = new Map<string, number>();
    const page = await dash.loginPage({
      beforeLoad: async (p) => {
        p.on('response', async (response) => {
          if (response.request().resourceType() !== 'script') return;
          scripts.set(path.basename(new URL(response.url()).pathname), gzipped(await response.body()));
        });
      },
    });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.waitForLoadState('networkidle');
    const loginBytes = [...scripts.values()].reduce((sum, size) => sum + size, 0);

    const assets = path.join(REPO_ROOT, 'dashboard', 'dist', 'assets');
    const files = (await readdir(assets)).filter((file) => file.endsWith('.js'));
    let appBytes = 0;
    for (const file of files) appBytes += gzipped(await readFile(path.join(assets, file)));
    console.log(
      `login page: ${scripts.size} scripts, ${kB(loginBytes)} gzipped; whole app: ${files.length} chunks, ${kB(appBytes)} gzipped`,
    );

    expect(scripts.size).toBeGreaterThan(0);
    expect(loginBytes).toBeLessThan(LOGIN_BUDGET);
    // Screens (and the data layer) load when first needed: none of them comes with the login page.
    const loaded = [...scripts.keys()].join(' ');
    const later = [
      'HomePage',
      'CustomerList',
      'SiteShow',
      'AuditEventList',
      'PrivacyToolsPage',
      'dataProvider',
      'apolloClient',
    ];
    for (const screen of later) {
      expect(files.some((file) => file.startsWith(`${screen}-`))).toBe(true);
      expect(loaded).not.toContain(`${screen}-`);
    }
  });

  it('a list page of 50 rows makes the same requests as one of 5: none per row', async () => {
    // 60 more audit events by four people of JJ Media, one person's 15 after another's: the newest 5
    // rows name one or two people, a page of 50 names all four. A request per person would show.
    await queryAs(
      dash.db.superuserUrl,
      `insert into audit_events (id, tenant_id, actor_type, actor_user_id, action, outcome, detail, created_at)
       select gen_random_uuid(), u.tenant_id, 'USER', u.id, 'customer.update', 'ALLOWED', '{}'::jsonb,
              now() - make_interval(mins => (u.n * 15 + g)::int)
       from (select *, row_number() over (order by email) as n from users
             where email in ('admin@jj-media.example.com', 'erik@jj-media.example.com',
                             'sara@jj-media.example.com', 'kontraktor@freelance.example.com')) u
       cross join generate_series(1, 15) g`,
    );
    const page = await dash.logIn('admin@jj-media.example.com', { locale: 'en-GB' });
    // A fresh load of the list at that page size (the URL's perPage), as a bookmark would open it.
    const open = async (perPage: number) => {
      await page.goto('about:blank');
      const operations = await graphqlRequestsDuring(page, async () => {
        await page.goto(`${dash.app.url}/#/auditEvents?perPage=${perPage}&page=1`);
        await page.locator('tbody tr.RaDataTable-row').first().waitFor();
      });
      return { operations, rows: await page.locator('tbody tr.RaDataTable-row').count() };
    };
    const small = await open(5);
    const large = await open(50);
    await screenshot(page, 'audit-log-50-rows');
    expect(small.rows).toBe(5);
    expect(large.rows).toBe(50);
    // Each row names the person who acted, from the page's one query.
    await page.getByRole('link', { name: 'Johanna Jönsson' }).first().waitFor();
    expect(large.operations.sort()).toEqual(small.operations.sort());
    expect(large.operations.filter((name) => name === 'AuditEvents')).toHaveLength(1);
  });
});
