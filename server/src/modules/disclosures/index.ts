import type { SitecareModule } from '../../system/module';
import { Disclosure } from './disclosure.entity';
import { DisclosureResolver } from './disclosure.resolver';

export const disclosuresModule: SitecareModule = {
  name: 'disclosures',
  entities: [Disclosure],
  resolvers: [DisclosureResolver],
};
