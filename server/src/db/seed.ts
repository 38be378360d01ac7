// Loads the demo data set from @sitecare/seeds into an empty database, in one transaction.
import type { MikroORM } from '@mikro-orm/postgresql';
import { demoTenants } from '@sitecare/seeds';
import { Tenant } from '../modules/tenants/tenant.entity';

export interface DemoSummary {
  tenants: Array<{ name: string; slug: string }>;
}

/** Seeds only when no tenant exists yet, so a restart never adds a second copy. */
export async function seedDemoIfEmpty(orm: MikroORM): Promise<DemoSummary | undefined> {
  const em = orm.em.fork();
  if ((await em.count(Tenant, {})) > 0) return undefined;
  await em.transactional(async (tx) => {
    for (const t of demoTenants) {
      tx.create(Tenant, {
        slug: t.slug,
        name: t.name,
        country: t.country,
        defaultLanguage: t.defaultLanguage,
        privacyContactEmail: t.privacyContactEmail,
        supervisoryAuthorityName: t.supervisoryAuthority.name,
        supervisoryAuthorityUrl: t.supervisoryAuthority.url,
        timezone: t.timezone,
      });
    }
  });
  return { tenants: demoTenants.map(({ name, slug }) => ({ name, slug })) };
}
