// The home page (react-admin's "dashboard"). Later issues give each role its own overview here.
import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import { Box, Typography } from '@mui/material';
import { Button, Title, useTranslate } from 'react-admin';

export default function HomePage() {
  const translate = useTranslate();
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
    </Box>
  );
}
