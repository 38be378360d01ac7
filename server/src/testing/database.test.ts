// Issue 24: the test databases' helpers that the whole run leans on for speed must not change what a
// test sees: a kept connection starts every call as a new session would, and a clone of the demo
// template holds what a server with SITECARE_DEMO would have seeded, sealed with the test keyring.
import { initOrm } from '../db/orm';
import { encryptionContext } from '../modules/credentials/credential.service';
import { SiteCredential } from '../modules/credentials/site-credential.entity';
import { Tenant } from '../modules/tenants/tenant.entity';
import { createTestDatabase, queryAs, type TestDatabase } from './database';
import { createDemoDatabase } from './demo';
import { testKeyring } from './env';

describe('test databases (issue 24)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDemoDatabase();
  });
  afterAll(() => db?.drop());

  it('M24: queryAs carries nothing from one call to the next: no tenant, no open transaction, no temporary table', async () => {
    const [{ id: tenantId }] = await queryAs<{ id: string }>(
      db.superuserUrl,
      `select id from tenants where slug = 'jj-media'`,
    );
    // A call that sets the tenant for its session (not just its transaction)...
    await queryAs(db.appUrl, `select set_config('app.tenant_id', $1, false)`, [tenantId]);
    // ...leaves the next call (on the connection it released) with no tenant: row-level security shows
    // nothing. RESET leaves the placeholder empty, which every policy reads as unset (nullif(…, '')).
    expect(await queryAs(db.appUrl, `select nullif(current_setting('app.tenant_id', true), '') as v`)).toEqual([
      { v: null },
    ]);
    expect(await queryAs(db.appUrl, `select count(*)::int as n from customers`)).toEqual([{ n: 0 }]);

    await queryAs(db.superuserUrl, 'begin; create temporary table left_over (x int)');
    expect(
      await queryAs(
        db.superuserUrl,
        `select to_regclass('pg_temp.left_over') as t, now() = statement_timestamp() as fresh`,
      ),
    ).toEqual([{ t: null, fresh: true }]);

    await expect(queryAs(db.superuserUrl, 'select 1/0')).rejects.toThrow(/division by zero/);
    expect(await queryAs(db.superuserUrl, 'select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('M24: queryAs calls made side by side each get their own connection and answer', async () => {
    const pids = await Promise.all(
      Array.from({ length: 6 }, (_, i) => queryAs<{ i: number }>(db.superuserUrl, 'select $1::int as i', [i])),
    );
    expect(pids.map(([row]) => row.i)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('M24: a clone of the demo template holds both demo agencies, sealed with the test keyring; the migrated template holds none', async () => {
    expect(await queryAs(db.superuserUrl, 'select slug from tenants order by slug')).toEqual([
      { slug: 'jj-media' },
      { slug: 'nordvik-webbyra' },
    ]);
    const orm = await initOrm(db.ownerUrl, { logger: () => undefined });
    try {
      const em = orm.em.fork();
      expect(await em.count(Tenant, {}, { filters: false })).toBe(2);
      const credentials = await em.find(SiteCredential, {}, { filters: false });
      expect(credentials.length).toBeGreaterThan(0);
      // Test servers get TEST_CREDENTIALS_KEY: every seeded secret opens with it.
      for (const credential of credentials)
        expect(testKeyring().decrypt(credential.secretCiphertext, encryptionContext(credential))).toEqual(
          expect.any(String),
        );
    } finally {
      await orm.close(true);
    }
    const empty = await createTestDatabase();
    try {
      expect(await queryAs(empty.superuserUrl, 'select count(*)::int as n from tenants')).toEqual([{ n: 0 }]);
    } finally {
      await empty.drop();
    }
  });
});
