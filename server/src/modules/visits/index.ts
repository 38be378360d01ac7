import type { SitecareModule } from '../../system/module';
import { Visit } from './visit.entity';
import { VisitResolver } from './visit.resolver';
import { visitSource } from './visit.source';
import { anonymiseVisitIps } from './visit.retention';
import { visitSeed } from './visit.seed';

export const visitsModule: SitecareModule = {
  name: 'visits',
  entities: [Visit],
  resolvers: [VisitResolver],
  personalData: [visitSource],
  // P11: the IPs are truncated after 30 days; the visits themselves go after the `analytics`
  // purpose's retention period (visitor id, pages, device: its data categories).
  retention: [(em, _app, now) => anonymiseVisitIps(em, now)],
  purposeData: [{ purpose: 'analytics', table: 'visits', timestamp: 'created_at', entityType: 'Visit' }],
  seed: visitSeed, // its part of the demo data
};
