// Loads the demo data set from @sitecare/seeds into an empty database, in one transaction, as the
// tables' owner (the system path: no request, no viewer, every tenant).
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { DEMO_PASSWORD, demoTenants, type DemoCustomer } from '@sitecare/seeds';
import { encryptionContext } from '../modules/credentials/credential.service';
import { CredentialKind, SiteCredential } from '../modules/credentials/site-credential.entity';
import { Contact } from '../modules/customers/contact.entity';
import { Customer } from '../modules/customers/customer.entity';
import { SiteAssignment } from '../modules/sites/site-assignment.entity';
import { SiteBackup } from '../modules/sites/site-backup.entity';
import { Site, SitePlatform, SiteStatus } from '../modules/sites/site.entity';
import type { Keyring } from '../secrets/keyring';
import { hashPassword } from '../auth/passwords';
import { AuditActorType, AuditEvent, AuditOutcome } from '../modules/audit/audit-event.entity';
import { createTenant } from '../modules/tenants/tenant.service';
import { Tenant } from '../modules/tenants/tenant.entity';
import { User, UserStatus } from '../modules/users/user.entity';

export interface DemoSummary {
  tenants: Array<{ name: string; slug: string; users: number; customers: number }>;
}

const DAY = 24 * 3600_000;

function seedCustomer(em: EntityManager, keyring: Keyring, tenant: Tenant, c: DemoCustomer, users: Map<string, User>) {
  const customer = em.create(Customer, {
    tenant,
    name: c.name,
    organisationNumber: c.organisationNumber ?? null,
    billingCountry: c.billingCountry,
  });
  for (const p of c.contacts) {
    const contact = em.create(Contact, {
      tenant,
      customer,
      ...p,
      phone: p.phone ?? null,
      postalCode: p.postalCode ?? null,
      country: p.country ?? null,
      socialIdentities: p.socialIdentities ?? [],
    });
    const login = users.get(p.email);
    if (login) login.contact = contact; // the customer's portal login
  }
  for (const d of c.sites) {
    const site = em.create(Site, {
      tenant,
      customer,
      domain: d.domain,
      platform: d.platform as SitePlatform,
      productionUrl: `https://${d.domain}`,
      stagingUrl: `https://staging.${d.domain}`,
      status: (d.status ?? 'ACTIVE') as SiteStatus,
    });
    for (const k of d.credentials) {
      const credential = em.create(SiteCredential, {
        tenant,
        site,
        kind: k.kind as CredentialKind,
        label: k.label,
        url: k.url ?? null,
        username: k.username ?? null,
        secretCiphertext: '',
        keyVersion: keyring.currentVersion,
      });
      credential.secretCiphertext = keyring.encrypt(k.secret, encryptionContext(credential));
    }
    for (let day = 0; day < d.backupDays; day++) {
      const takenAt = new Date(Date.now() - day * DAY);
      em.create(SiteBackup, {
        tenant,
        site,
        takenAt,
        location: `s3://backups/${d.domain}/${takenAt.toISOString().slice(0, 10)}.tar.gz`,
        sizeBytes: 180_000_000 + day * 1_000_000,
        expiresAt: new Date(takenAt.getTime() + 30 * DAY),
      });
    }
    for (const a of d.assignments) {
      em.create(SiteAssignment, {
        tenant,
        site,
        user: users.get(a.email)!,
        startsAt: new Date(Date.now() - 90 * DAY),
        endsAt: a.ended ? new Date(Date.now() - 7 * DAY) : null,
        reason: a.reason,
      });
    }
  }
}

/** Seeds only when no tenant exists yet, so a restart never adds a second copy. */
export async function seedDemoIfEmpty(orm: MikroORM, keyring: Keyring): Promise<DemoSummary | undefined> {
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
      const users = new Map<string, User>();
      for (const u of t.users) {
        users.set(u.email, tx.create(User, { tenant, ...u, status: UserStatus.ACTIVE, passwordHash }));
      }
      for (const c of t.customers) seedCustomer(tx, keyring, tenant, c, users);
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
  return {
    tenants: demoTenants.map(({ name, slug, users, customers }) => ({
      name,
      slug,
      users: users.length,
      customers: customers.length,
    })),
  };
}
