import type { SitecareModule } from '../../system/module';
import { ServicePackage } from './service-package.entity';
import { ServicePackageResolver } from './package.resolver';
import { packageSeed } from './package.seed';

export const packagesModule: SitecareModule = {
  name: 'packages',
  entities: [ServicePackage],
  resolvers: [ServicePackageResolver],
  seed: packageSeed, // its part of the demo data
};
