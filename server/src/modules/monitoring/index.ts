import type { SitecareModule } from '../../system/module';
import { SiteCheckResult, SiteCheckRollup, SiteCheckSchedule, SiteIncident } from './site-check.entity';
import { pruneChecks } from './rollups';
import { SiteUpdate } from './site-update.entity';
import { SiteAgentResolver } from './agent.resolver';
import { agentRouter } from './agent.routes';
import { SiteCareResolver, SiteCheckRollupResolver, SiteIncidentResolver } from './monitoring.resolver';
import './monitoring.sql'; // its read definitions

/** Issue 22: sites under care, checked (uptime, certificates, domains), and their agents' reports. */
export const monitoringModule: SitecareModule = {
  name: 'monitoring',
  entities: [SiteCheckSchedule, SiteCheckResult, SiteCheckRollup, SiteIncident, SiteUpdate],
  resolvers: [SiteAgentResolver, SiteCareResolver, SiteCheckRollupResolver, SiteIncidentResolver],
  routes: ({ orm, services }) => agentRouter(orm, services), // the site agent's reports
  retention: [(em, _app, now) => pruneChecks(em, now)],
};
