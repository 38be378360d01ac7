// The scale loader: COPY into a migrated database, one agency per transaction; the rows obey the
// constraints and the row-level security; a second load is refused.
import type { ScalePlan } from '@sitecare/seeds';
import { createTestDatabase, queryAs, type TestDatabase } from '../testing/database';
import { loadScale } from './scale';

const plan: ScalePlan = { tenants: 3, customers: 90, sites: 240, orders: 900, ticketMessages: 1500, seed: 11 };
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe('seed:scale', () => {
  it('loads agencies of skewed sizes that the application role sees only one at a time', async () => {
    const result = await loadScale(db.ownerUrl, plan, 'not-a-real-hash', false);
    expect(result.rows.customers).toBe(90);
    expect(result.rows.orders).toBeGreaterThan(850);
    const sizes = await queryAs<{ slug: string; n: number }>(
      db.superuserUrl,
      `select t.slug, count(c.id)::int as n from tenants t join customers c on c.tenant_id = t.id group by t.slug order by t.slug`,
    );
    expect(sizes.map((s) => s.slug)).toEqual(['scale-01', 'scale-02', 'scale-03']);
    expect(sizes[0].n).toBeGreaterThan(sizes[2].n);
    const [{ id }] = await queryAs<{ id: string }>(db.superuserUrl, `select id from tenants where slug = 'scale-02'`);
    const visible = await queryAs<{ n: number }>(
      db.appUrl,
      // The agency's rows as its staff (SYSTEM) sees them: the viewer's row rules apply too.
      `select set_config('app.tenant_id', $1, false), set_config('app.viewer_role', 'SYSTEM', false),
        (select count(*)::int from orders) as n`,
      [id],
    );
    const [{ n: own }] = await queryAs<{ n: number }>(
      db.superuserUrl,
      `select count(*)::int as n from orders where tenant_id = $1`,
      [id],
    );
    expect(visible[0].n).toBe(own);
  });

  it('refuses to load twice', async () => {
    await expect(loadScale(db.ownerUrl, plan, 'x', false)).rejects.toThrow(/already loaded/);
  });
});
