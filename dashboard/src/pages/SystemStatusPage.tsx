// "System status": asks the API for its health through Apollo Client and shows what it answers.
import { ApolloProvider, gql, type TypedDocumentNode, useQuery } from '@apollo/client';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, AlertTitle, Box, Card, CardContent, Chip, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Button, Title, useTranslate } from 'react-admin';

import { apolloClient } from '../providers/apolloClient';

interface HealthQuery {
  health: { status: string; database: string; version: string };
}

const HEALTH_QUERY: TypedDocumentNode<HealthQuery> = gql`
  query Health {
    health {
      status
      database
      version
    }
  }
`;

const HEALTHY = new Set(['ok', 'up']);

/** A status as text and icon, never colour alone. Unknown values show as the API sent them. */
const StatusChip = ({ value }: { value: string }) => {
  const translate = useTranslate();
  const healthy = HEALTHY.has(value.toLowerCase());
  return (
    <Chip
      size="small"
      color={healthy ? 'success' : 'error'}
      icon={healthy ? <CheckCircleIcon /> : <ErrorIcon />}
      label={translate(`sitecare.status.values.${value.toLowerCase()}`, { _: value })}
    />
  );
};

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ display: 'contents' }}>
    <Typography component="dt" sx={{ fontWeight: 500 }}>
      {label}
    </Typography>
    <Typography component="dd" sx={{ m: 0 }}>
      {children}
    </Typography>
  </Box>
);

// The Apollo provider lives here rather than around the app, so Apollo loads only with the pages
// that use it, not with the login page.
export default function SystemStatusPage() {
  return (
    <ApolloProvider client={apolloClient}>
      <SystemStatus />
    </ApolloProvider>
  );
}

function SystemStatus() {
  const translate = useTranslate();
  const { data, loading, error, refetch } = useQuery(HEALTH_QUERY, {
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });

  let content: ReactNode;
  if (loading) {
    content = (
      <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
        <CircularProgress size={20} aria-hidden="true" />
        <Typography>{translate('sitecare.status.loading')}</Typography>
      </Box>
    );
  } else if (error || !data) {
    content = (
      <Alert severity="error">
        <AlertTitle>{translate('sitecare.status.error_title')}</AlertTitle>
        <Typography variant="body2">{translate('sitecare.status.error_hint')}</Typography>
        {error?.message ? (
          <Typography variant="body2" sx={{ mt: 1, fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
            {translate('sitecare.status.error_details', { message: error.message })}
          </Typography>
        ) : null}
      </Alert>
    );
  } else {
    const { health } = data;
    content = (
      <Card variant="outlined">
        <CardContent>
          <Box
            component="dl"
            sx={{
              display: 'grid',
              gridTemplateColumns: 'max-content 1fr',
              columnGap: 3,
              rowGap: 1.5,
              m: 0,
            }}
          >
            <Row label={translate('sitecare.status.api')}>
              <StatusChip value={health.status} />
            </Row>
            <Row label={translate('sitecare.status.database')}>
              <StatusChip value={health.database} />
            </Row>
            <Row label={translate('sitecare.status.version')}>
              <Box component="span" sx={{ fontFamily: 'monospace' }}>
                {health.version}
              </Box>
            </Row>
          </Box>
        </CardContent>
      </Card>
    );
  }

  return (
    <Box component="section" aria-labelledby="system-status-heading" sx={{ mt: 2, maxWidth: 640 }}>
      <Title title="sitecare.status.title" />
      <Typography id="system-status-heading" variant="h4" component="h1" gutterBottom>
        {translate('sitecare.status.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('sitecare.status.summary')}
      </Typography>
      <Box aria-live="polite" aria-busy={loading} sx={{ mb: 2 }}>
        {content}
      </Box>
      <Button
        label="sitecare.status.refresh"
        variant="outlined"
        disabled={loading}
        // A failed check is shown from `error`; the rejected promise needs no handling of its own.
        onClick={() => void refetch().catch(() => undefined)}
      >
        <RefreshIcon />
      </Button>
    </Box>
  );
}
