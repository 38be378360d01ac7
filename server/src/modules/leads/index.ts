import type { SitecareModule } from '../../system/module';
import { Lead } from './lead.entity';
import { LeadResolver } from './lead.resolver';
import { leadsSource } from '../../privacy/sources/records';
import './lead.sql'; // its read definitions
import { leadSeed } from './lead.seed';

export const leadsModule: SitecareModule = {
  name: 'leads',
  entities: [Lead],
  resolvers: [LeadResolver],
  personalData: [leadsSource],
  seed: leadSeed, // its part of the demo data
};
