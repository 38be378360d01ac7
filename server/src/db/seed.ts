// Loads the demo data set from @sitecare/seeds into an empty database, in one transaction, as the
// tables' owner (the system path: no request, no viewer, every tenant).
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEMO_PASSWORD, demoTenants } from '@sitecare/seeds';
import { hashPassword } from '../auth/passwords';
import { AuditActorType, AuditEvent, AuditOutcome } from '../modules/audit/audit-event.entity';
import { createTenant } from '../modules/tenants/tenant.service';
import { Tenant } from '../modules/tenants/tenant.entity';
import { User, UserStatus } from '../modules/users/user.entity';

export interface DemoSummary {
  tenants: Array<{ name: string; slug: string; users: number }>;
}

/** Seeds only when no tenant exists yet, so a restart never adds a second copy. */
export async function seedDemoIfEmpty(orm: MikroORM): Promise<DemoSummary | undefined> {
  const em = orm.em.fork();
  if ((await em.count(Tenant, {}, { filters: false })) > 0) return undefined;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await em.transactional(async (tx) => {
    for (const t of demoTenants) {
      const tenant = createTenant(tx, {
        slug: t.slug,
        name: t.name,
        country: t.country,
        defaultLanguage: t.defaultLanguage,
        privacyContactEmail: t.privacyContactEmail,
        supervisoryAuthorityName: t.supervisoryAuthority.name,
        supervisoryAuthorityUrl: t.supervisoryAuthority.url,
        timezone: t.timezone,
      });
      for (const u of t.users) {
        tx.create(User, { tenant, ...u, status: UserStatus.ACTIVE, passwordHash });
      }
      tx.create(AuditEvent, {
        tenant,
        actorType: AuditActorType.SYSTEM,
        action: 'tenant.seed_demo',
        entityType: 'Tenant',
        entityId: tenant.id,
        outcome: AuditOutcome.ALLOWED,
        detail: { users: t.users.length },
      });
    }
  });
  return { tenants: demoTenants.map(({ name, slug, users }) => ({ name, slug, users: users.length })) };
}
