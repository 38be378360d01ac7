import type { SitecareModule } from '../../system/module';
import { SiteCheckResult, SiteCheckRollup, SiteCheckSchedule, SiteIncident } from './site-check.entity';
import { pruneChecks } from './rollups';

/** Issue 22: sites under care, checked (uptime, certificates, domains). */
export const monitoringModule: SitecareModule = {
  name: 'monitoring',
  entities: [SiteCheckSchedule, SiteCheckResult, SiteCheckRollup, SiteIncident],
  retention: [(em, _app, now) => pruneChecks(em, now)],
};
