// Issue 25, the staff's day (item 6): the home page asks the server once for every card, which
// counts over all sites (site 101 of 120 flagged), and not again on a language switch; with the
// network down it says so in Swedish, with a retry that recovers. (Split from staff-day.test.ts so
// that two jest workers stay balanced, issue 24.)
import { queryAs } from '../../server/src/testing/database';
import { accessibilityViolations } from '../support/axe';
import { horizontalOverflow, screenshot } from '../support/browser';
import { recordGraphQL, settle, useDashboard } from '../support/dashboard';

const EMPLOYEE = 'erik@jj-media.example.com';
const STALE = 'home-101.example.com';

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
