import type { SitecareModule } from '../../system/module';
import { ServicePackage } from './service-package.entity';
import { ServicePackageResolver } from './package.resolver';

export const packagesModule: SitecareModule = {
  name: 'packages',
  entities: [ServicePackage],
  resolvers: [ServicePackageResolver],
};
