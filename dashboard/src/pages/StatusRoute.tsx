// /status answers without login (monitoring, and people who cannot log in want to know whether the
// API is up): inside the usual layout for a logged-in person, in a plain frame otherwise. A logged-in
// customer gets the not-allowed page: the system's running is not hers to watch (issue 25).
import { Box, Link } from '@mui/material';
import { lazy, Suspense } from 'react';
import { LinkBase, Loading, useAuthState, useTranslate } from 'react-admin';

import { LanguageButtons } from '../auth/PublicFrame';
import { AccessDenied } from '../layout/AccessDenied';
import { Layout } from '../layout/Layout';
import { roleSeesScreen } from '../providers/canAccess';
import { useViewerRole } from '../providers/useViewerRole';

const SystemStatusPage = lazy(() => import('./SystemStatusPage'));

export default function StatusRoute() {
  const translate = useTranslate();
  // `false`: not being logged in is fine here, so no redirect to the login page.
  const { authenticated, isPending } = useAuthState(undefined, false);
  const role = useViewerRole();
  if (isPending) return <Loading />;
  if (authenticated) {
    return <Layout>{roleSeesScreen(role, 'status') ? <SystemStatusPage /> : <AccessDenied />}</Layout>;
  }
  return (
    <Box component="main" sx={{ minHeight: '100vh', bgcolor: 'background.default', px: 3, py: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 2 }}>
        <Link component={LinkBase} to="/login">
          {translate('sitecare.status.login_link')}
        </Link>
        <LanguageButtons />
      </Box>
      <Suspense fallback={<Loading />}>
        <SystemStatusPage />
      </Suspense>
    </Box>
  );
}
