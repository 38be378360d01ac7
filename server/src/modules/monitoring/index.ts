import type { SitecareModule } from '../../system/module';
import { SiteCheckResult, SiteCheckRollup, SiteCheckSchedule, SiteIncident } from './site-check.entity';
import { pruneChecks } from './rollups';
import { SiteUpdate } from './site-update.entity';
import { SiteCareReport } from './care-report.entity';
import { SiteAgentResolver } from './agent.resolver';
import { agentRouter } from './agent.routes';
import { SiteCareResolver, SiteCheckRollupResolver, SiteIncidentResolver } from './monitoring.resolver';
import './monitoring.sql'; // its read definitions
import { CareReportResolver } from './care-report.resolver';
import { registerMailAttachments } from '../mail/attachments';
import { renderCareReportPdf } from './care-report.pdf';
import type { CareReportFigures } from './care-report';
import { careSeed } from './care.seed';

// The care report's mail carries its PDF, rendered from the report's figures as it leaves.
registerMailAttachments(async (em, message) => {
  if (message.template !== 'care.report') return [];
  const [report] = await em.execute<{ figures: CareReportFigures }[]>(
    'select figures from site_care_reports where id = ?',
    [String(message.payload.reportId)],
  );
  if (!report) return [];
  const language = message.language === 'en' ? 'en' : 'sv';
  return [
    {
      filename: `care-report-${report.figures.domain}-${report.figures.month}.pdf`,
      content: await renderCareReportPdf(report.figures, language),
      contentType: 'application/pdf',
    },
  ];
});

/** Issue 22: sites under care, checked (uptime, certificates, domains), and their agents' reports. */
export const monitoringModule: SitecareModule = {
  name: 'monitoring',
  entities: [SiteCheckSchedule, SiteCheckResult, SiteCheckRollup, SiteIncident, SiteUpdate, SiteCareReport],
  resolvers: [CareReportResolver, SiteAgentResolver, SiteCareResolver, SiteCheckRollupResolver, SiteIncidentResolver],
  routes: ({ orm, services }) => agentRouter(orm, services), // the site agent's reports
  retention: [(em, _app, now) => pruneChecks(em, now)],
  seed: careSeed, // its part of the demo data
};
