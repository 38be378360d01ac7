// The home page (react-admin's "dashboard"): a welcome for everyone; for staff (admins and
// employees) the cards of what needs attention; for customers and contractors their own overview.
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import { Box, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';

import { currentViewer } from '../providers/authProvider';
import { roleSeesScreen } from '../providers/canAccess';
import { LabelledButton } from '../resources/LabelledButton';
import { useViewerRole } from '../providers/useViewerRole';
import PortalOverview from './PortalOverview';
import StaffOverview, { isStaff } from './StaffOverview';

export default function HomePage() {
  const translate = useTranslate();
  const role = useViewerRole();
  return (
    <Box component="section" aria-labelledby="home-heading" sx={{ mt: 2 }}>
      <Title title="ra.page.dashboard" />
      <Typography id="home-heading" variant="h4" component="h1" gutterBottom>
        {translate('sitecare.home.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>
        {role === 'CUSTOMER' || role === 'CONTRACTOR'
          ? translate(`sitecare.portal.intro_${role.toLowerCase()}`, { agency: currentViewer()?.tenant.name ?? '' })
          : translate('sitecare.home.intro')}
      </Typography>
      {roleSeesScreen(role, 'status') ? (
        <LabelledButton to="/status" label="sitecare.home.status_link" variant="outlined">
          <MonitorHeartIcon />
        </LabelledButton>
      ) : null}
      {isStaff(role) ? <StaffOverview role={role} /> : role ? <PortalOverview role={role} /> : null}
    </Box>
  );
}
