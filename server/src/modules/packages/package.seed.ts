// Demo data: the agency's service packages (`@sitecare/seeds`), priced in SEK, EUR and USD.
import { demoPackagePrices, demoPackages, type DemoPackage } from '@sitecare/seeds';
import { demoSeedKey, type DemoSeeder } from '../../system/demo-seed';
import type { Tenant } from '../tenants/tenant.entity';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BillingInterval, ServicePackage } from './service-package.entity';

/** The agency's packages, in the order of `demoPackages`. */
export const DEMO_PACKAGES = demoSeedKey<ServicePackage[]>('packages', 'packages');

function seedPackage(em: EntityManager, tenant: Tenant, p: DemoPackage): ServicePackage {
  const { key: _key, monthlySekMinor, ...fields } = p;
  const prices = demoPackagePrices(monthlySekMinor).map((p) => ({ ...p, interval: BillingInterval[p.interval] }));
  return em.create(ServicePackage, { tenant, ...fields, prices });
}

export const packageSeed: DemoSeeder = {
  after: ['tenants'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    ctx.set(
      DEMO_PACKAGES,
      demoPackages.map((p) => seedPackage(ctx.em, tenant, p)),
    );
  },
};
