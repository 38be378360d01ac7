// The home page (react-admin's "dashboard"): a welcome for everyone, and for staff (admins and
// employees) the cards of what needs attention. Contractors and customers see the welcome only.
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import { Box, Typography } from '@mui/material';
import { Button, Title, useTranslate } from 'react-admin';

import { useViewerRole } from '../providers/useViewerRole';
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
      <Typography sx={{ mb: 2 }}>{translate('sitecare.home.intro')}</Typography>
      <Button to="/status" label="sitecare.home.status_link" variant="outlined">
        <MonitorHeartIcon />
      </Button>
      {isStaff(role) ? <StaffOverview role={role} /> : null}
    </Box>
  );
}
