import type { SitecareModule } from '../../system/module';
import { Disclosure } from './disclosure.entity';
import { DisclosureResolver } from './disclosure.resolver';
import { disclosureSeed } from './disclosure.seed';

export const disclosuresModule: SitecareModule = {
  name: 'disclosures',
  entities: [Disclosure],
  resolvers: [DisclosureResolver],
  seed: disclosureSeed, // its part of the demo data
};
