// A site in tabs. Which tabs a viewer gets follows what their role may read (FIELD_PERMISSIONS):
// staff everything; contractors the overview and the credentials their work needs; customers the
// overview, their backups, the site's care (uptime, incidents, updates) and who revealed the
// credentials (issue 20), never credentials. Only what a tab shows is asked of the API.
import { EditButton, Show, TabbedShowLayout, TabbedShowLayoutTabs, TopToolbar } from 'react-admin';

import { useCanRead, useViewerRole } from '../../providers/useViewerRole';
import { SiteAgentToken } from './SiteAgentToken';
import { SiteAssignments } from './SiteAssignments';
import { SiteBackups } from './SiteBackups';
import { SiteCare } from './SiteCare';
import { SiteCareReport } from './SiteCareReport';
import { SiteCredentialAccess } from './SiteCredentialAccess';
import { SiteCredentials } from './SiteCredentials';
import { SiteOverview } from './SiteOverview';

const SiteShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export default function SiteShow() {
  const role = useViewerRole();
  const staff = role === 'ADMIN' || role === 'EMPLOYEE';
  const tabs = {
    assignments: useCanRead('Site.assignments'),
    backups: useCanRead('Site.backups') && role !== 'CONTRACTOR',
    credentials: useCanRead('Site.credentials'),
    care: useCanRead('Site.incidents') && role !== 'CONTRACTOR',
    credentialAccess: useCanRead('Site.credentialAccess'),
  };
  const embed = [
    'customer.contacts',
    'servicePackage',
    ...(tabs.assignments ? ['assignments.user'] : []),
    ...(tabs.backups ? ['backups'] : []),
    ...(tabs.credentials ? ['credentials'] : []),
    ...(tabs.care ? ['uptimeDays', 'incidents', 'updates', 'backups', 'openTickets'] : []),
  ];
  return (
    <Show actions={<SiteShowActions />} queryOptions={{ meta: { embed } }}>
      {/* Scrollable tabs: five of them do not fit a phone's width. Their row must not widen the
          page either (react-admin's layout is as wide as its widest content), so it counts as
          having no width of its own and takes the width it is given. */}
      <TabbedShowLayout
        tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" sx={{ contain: 'inline-size' }} />}
      >
        <TabbedShowLayout.Tab label="sitecare.sites.tabs.overview">
          <SiteOverview label={false} />
        </TabbedShowLayout.Tab>
        {tabs.assignments ? (
          <TabbedShowLayout.Tab label="sitecare.sites.tabs.assignments" path="assignments">
            <SiteAssignments label={false} />
          </TabbedShowLayout.Tab>
        ) : null}
        {tabs.backups ? (
          <TabbedShowLayout.Tab label="sitecare.sites.tabs.backups" path="backups">
            <SiteBackups label={false} />
          </TabbedShowLayout.Tab>
        ) : null}
        {tabs.care ? (
          <TabbedShowLayout.Tab label="sitecare.sites.tabs.care" path="care">
            <SiteCare label={false} />
            <SiteCareReport />
            {staff ? <SiteAgentToken /> : null}
          </TabbedShowLayout.Tab>
        ) : null}
        {tabs.credentials ? (
          <TabbedShowLayout.Tab label="sitecare.sites.tabs.credentials" path="credentials">
            <SiteCredentials label={false} />
          </TabbedShowLayout.Tab>
        ) : null}
        {tabs.credentialAccess ? (
          <TabbedShowLayout.Tab label="sitecare.credential_access.tab" path="access">
            <SiteCredentialAccess label={false} />
          </TabbedShowLayout.Tab>
        ) : null}
      </TabbedShowLayout>
    </Show>
  );
}
