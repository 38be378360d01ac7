import type { SitecareModule } from '../../system/module';
import { SiteAssignment } from './site-assignment.entity';
import { SiteBackup } from './site-backup.entity';
import { Site } from './site.entity';
import { SiteAssignmentResolver, SiteResolver } from './site.resolver';
import { purgeExpiredBackups } from './site-backup.retention';
import { sitesSource } from '../../privacy/sources/care';
import './site.sql'; // its read definitions
import { siteSeed } from './site.seed';

export const sitesModule: SitecareModule = {
  name: 'sites',
  entities: [Site, SiteAssignment, SiteBackup],
  resolvers: [SiteResolver, SiteAssignmentResolver],
  personalData: [sitesSource],
  retention: [(em, _app, now) => purgeExpiredBackups(em, now)],
  seed: siteSeed, // its part of the demo data
};
