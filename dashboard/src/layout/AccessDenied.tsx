// The not-allowed page (a screen the role may not open: a resource's pages, the system status for a
// customer), in the theme's own text colours: react-admin's greyed-out one fails axe's contrast check.
import LockIcon from '@mui/icons-material/Lock';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export const AccessDenied = () => {
  const translate = useTranslate();
  return (
    <Box component="section" aria-labelledby="access-denied" sx={{ textAlign: 'center', mt: 6, px: 2 }}>
      <LockIcon aria-hidden sx={{ fontSize: '4rem', color: 'text.secondary' }} />
      <Typography id="access-denied" component="h1" variant="h5" gutterBottom>
        {translate('ra.page.access_denied')}
      </Typography>
      <Typography>{translate('ra.message.access_denied')}</Typography>
    </Box>
  );
};
