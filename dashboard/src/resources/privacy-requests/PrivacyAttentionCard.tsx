// The staff home page's card for privacy requests (P30): open ones by due date, overdue ones counted
// (the home page's one query, `homeSummary.privacyRequests`, brings them).
import ErrorIcon from '@mui/icons-material/Error';
import { Box, Button, Card, CardActions, CardContent, Chip, Link as MuiLink, Typography } from '@mui/material';
import { Link, type RaRecord, useCreatePath, useLocaleState, useTranslate } from 'react-admin';

export const PrivacyAttentionCard = ({
  requests,
  isPending,
  error,
}: {
  requests: { totalCount: number; overdueCount: number; nodes: RaRecord[] } | undefined;
  isPending: boolean;
  error: unknown;
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  const open = { isPending, error, total: requests?.totalCount, data: requests?.nodes };
  const overdue = { total: requests?.overdueCount };
  const format = (value: string) =>
    new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium' }).format(new Date(value));
  const listPath = `${createPath({ resource: 'privacyRequests', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ open: true }))}`;
  return (
    <Card component="section" aria-label={translate('sitecare.privacy.attention_title')}>
      <CardContent>
        <Typography component="h3" variant="h6" gutterBottom>
          {translate('sitecare.privacy.attention_title')}
        </Typography>
        {open.isPending ? (
          <Typography color="text.secondary">{translate('sitecare.attention.loading')}</Typography>
        ) : open.error ? (
          <Typography color="error">{translate('sitecare.attention.error')}</Typography>
        ) : (
          <>
            <Typography component="p" sx={{ mb: 1 }}>
              <Box component="strong" data-testid="count" sx={{ typography: 'h4', mr: 1 }}>
                {open.total ?? 0}
              </Box>
              {translate('sitecare.privacy.attention_count', { smart_count: open.total ?? 0 })}
              {overdue.total ? (
                <Chip
                  sx={{ ml: 1 }}
                  size="small"
                  color="error"
                  icon={<ErrorIcon />}
                  label={translate('sitecare.privacy.attention_overdue', { smart_count: overdue.total })}
                />
              ) : null}
            </Typography>
            {open.data?.length ? (
              <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, '& > li': { py: 0.75 } }}>
                {open.data.map((r) => (
                  <li key={r.id}>
                    <MuiLink
                      component={Link}
                      to={createPath({ resource: 'privacyRequests', id: r.id, type: 'show' })}
                      sx={{ fontWeight: 500 }}
                    >
                      {translate(`sitecare.privacy_type.${String(r.type)}`)}
                    </MuiLink>
                    <Typography variant="body2" color={r.overdue ? 'error' : 'text.secondary'}>
                      {translate('sitecare.privacy.attention_due', { date: format(String(r.dueAt)) })}
                    </Typography>
                  </li>
                ))}
              </Box>
            ) : (
              <Typography color="text.secondary">{translate('sitecare.privacy.attention_empty')}</Typography>
            )}
          </>
        )}
      </CardContent>
      <CardActions>
        <Button component={Link} to={listPath} size="small">
          {translate('sitecare.privacy.attention_all')}
        </Button>
      </CardActions>
    </Card>
  );
};
