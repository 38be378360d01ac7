// A JSON object (audit detail, mail payload) as a definition list; nested values as JSON text.
import { Box, Typography } from '@mui/material';
import { useFieldValue, useTranslate } from 'react-admin';

export const JsonDetails = ({ source, label }: { source: string; label: string }) => {
  const translate = useTranslate();
  const value = useFieldValue({ source }) as Record<string, unknown> | null | undefined;
  const entries = Object.entries(value ?? {});
  return (
    <Box sx={{ px: 2, py: 1 }}>
      <Typography component="h3" variant="subtitle2" gutterBottom>
        {translate(label)}
      </Typography>
      {entries.length ? (
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
        >
          {entries.map(([key, entry]) => (
            <Box key={key} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" sx={{ fontWeight: 500 }}>
                {key}
              </Typography>
              <Typography
                component="dd"
                variant="body2"
                sx={{ m: 0, fontFamily: 'monospace', overflowWrap: 'anywhere' }}
              >
                {typeof entry === 'string' ? entry : JSON.stringify(entry)}
              </Typography>
            </Box>
          ))}
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('sitecare.common.empty')}
        </Typography>
      )}
    </Box>
  );
};
