// Wall one alone: the ORM's tenant filter scopes queries even where row-level security does not apply
// (the owner role bypasses it), and fails closed when no tenant is given.
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEMO_PASSWORD } from '@sitecare/seeds';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Tenant } from '../modules/tenants/tenant.entity';
import { User } from '../modules/users/user.entity';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { initOrm } from './orm';
import { seedDemoIfEmpty } from './seed';
import { testKeyring } from '../testing/env';

describe('the ORM tenant filter (wall one)', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    // A clone of the run's demo template (seeded once by globalSetup, as seedDemoIfEmpty would seed it).
    db = await createTestDatabase({ demo: true });
    orm = await initOrm(db.ownerUrl, { logger: () => undefined });
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('scopes every tenant-owned entity to the tenant parameter, with RLS bypassed', async () => {
    const all = await orm.em.fork().find(Tenant, {}, { filters: false });
    expect(all).toHaveLength(2);
    for (const tenant of all) {
      const em = orm.em.fork();
      em.setFilterParams('tenant', { tenantId: tenant.id });
      em.setFilterParams('ownTenant', { tenantId: tenant.id });
      const users = await em.find(User, {}, { populate: ['tenant'] });
      expect(users.length).toBeGreaterThan(0);
      expect(new Set(users.map((u) => u.tenant.id))).toEqual(new Set([tenant.id]));
      expect(await em.find(Tenant, {})).toEqual([expect.objectContaining({ id: tenant.id })]);
      expect((await em.find(AuditEvent, {})).every((e) => e.tenant.id === tenant.id)).toBe(true);
    }
  });

  it('fails closed: a query without a tenant throws instead of returning every tenant', async () => {
    await expect(orm.em.fork().find(User, {})).rejects.toThrow(/tenant/);
    const em = orm.em.fork();
    em.setFilterParams('tenant', { tenantId: undefined });
    await expect(em.count(User, {})).rejects.toThrow(/tenant filter used without a tenant/);
  });

  it('the demo seed is idempotent and its users share the demo password hash parameters', async () => {
    expect(await seedDemoIfEmpty(orm, testKeyring())).toBeUndefined();
    const hashes = await orm.em.fork().find(User, {}, { filters: false });
    expect(hashes.every((u) => u.passwordHash?.startsWith('$argon2id$'))).toBe(true);
    expect(DEMO_PASSWORD).toBeTruthy();
  });
});
