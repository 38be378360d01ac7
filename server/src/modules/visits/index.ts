import type { SitecareModule } from '../../system/module';
import { Visit } from './visit.entity';
import { VisitResolver } from './visit.resolver';
import { visitSource } from './visit.source';
import { anonymiseVisitIps } from './visit.retention';

export const visitsModule: SitecareModule = {
  name: 'visits',
  entities: [Visit],
  resolvers: [VisitResolver],
  personalData: [visitSource],
  retention: [(em, _app, now) => anonymiseVisitIps(em, now)],
};
