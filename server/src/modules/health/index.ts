import type { SitecareModule } from '../../system/module';
import { HealthResolver } from './health.resolver';

export const healthModule: SitecareModule = {
  name: 'health',
  resolvers: [HealthResolver],
};
