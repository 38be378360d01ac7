// The frame of the pages shown without login: login, forgotten password, invitation, reset.
import { Box, Card, CardContent, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocales, useLocaleState, useTranslate } from 'react-admin';

/** Language buttons, for people who cannot read the page yet; picking one is remembered. */
export const LanguageButtons = () => {
  const translate = useTranslate();
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={locale}
      onChange={(_, value: string | null) => value && setLocale(value)}
      aria-label={translate('sitecare.auth.language')}
    >
      {locales.map(({ locale: value, name }) => (
        <ToggleButton key={value} value={value} lang={value} sx={{ textTransform: 'none', px: 1.5 }}>
          {name}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};

export const PublicFrame = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'flex-start',
        pt: { xs: 4, sm: 10 },
        px: 2,
        bgcolor: 'background.default',
      }}
    >
      <Card variant="outlined" sx={{ width: '100%', maxWidth: 420 }}>
        <CardContent sx={{ p: 3 }}>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mb: 2, gap: 2 }}>
            <Typography component="p" variant="h6" color="primary">
              Sitecare
            </Typography>
            <LanguageButtons />
          </Box>
          <Typography component="h1" variant="h5" gutterBottom>
            {translate(title)}
          </Typography>
          {children}
        </CardContent>
      </Card>
    </Box>
  );
};
