// Demo data: the demo agency itself (its profile from `@sitecare/seeds`), and the audit row that says
// it was seeded.
import { demoSeedKey, type DemoSeeder } from '../../system/demo-seed';
import { AuditActorType, AuditEvent, AuditOutcome } from '../audit/audit-event.entity';
import { Tenant } from './tenant.entity';
import { createTenant } from './tenant.service';

/** The agency being seeded. */
export const DEMO_TENANT = demoSeedKey<Tenant>('tenants', 'tenant');

export const tenantSeed: DemoSeeder = {
  perAgency: (ctx) => {
    const t = ctx.demo;
    const tenant = createTenant(ctx.em, {
      slug: t.slug,
      name: t.name,
      country: t.country,
      defaultLanguage: t.defaultLanguage,
      privacyContactEmail: t.privacyContactEmail,
      supervisoryAuthorityName: t.supervisoryAuthority.name,
      supervisoryAuthorityUrl: t.supervisoryAuthority.url,
      timezone: t.timezone,
      // The demo keeps password logins (its staff are used by every test); admins turn it on.
      secondFactorRoles: [],
    });
    Object.assign(tenant, t.profile);
    ctx.set(DEMO_TENANT, tenant);
    ctx.em.create(AuditEvent, {
      tenant,
      actorType: AuditActorType.SYSTEM,
      action: 'tenant.seed_demo',
      entityType: 'Tenant',
      entityId: tenant.id,
      outcome: AuditOutcome.ALLOWED,
      detail: { users: t.users.length },
    });
  },
};
