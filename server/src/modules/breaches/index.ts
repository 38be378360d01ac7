import type { SitecareModule } from '../../system/module';
import { Breach } from './breach.entity';
import { BreachResolver } from './breach.resolver';
import { flagOverdueBreaches } from './breach.deadline';
import { breachSeed } from './breach.seed';

export const breachesModule: SitecareModule = {
  name: 'breaches',
  entities: [Breach],
  resolvers: [BreachResolver],
  retention: [(em, _app, now) => flagOverdueBreaches(em, now)],
  seed: breachSeed, // its part of the demo data
};
