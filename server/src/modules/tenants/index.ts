import type { SitecareModule } from '../../system/module';
import { Tenant } from './tenant.entity';
import { TenantResolver } from './tenant.resolver';
import { tenantRouter } from './tenant.routes';
import { tenantSeed } from './tenant.seed';

export const tenantsModule: SitecareModule = {
  name: 'tenants',
  globalEntities: [Tenant],
  resolvers: [TenantResolver],
  routes: ({ orm, services }) => tenantRouter(orm, services), // the agency's logo
  seed: tenantSeed, // its part of the demo data
};
