import { lazy } from 'react';
import { Admin, CustomRoutes, reactRouterProvider } from 'react-admin';

import { Layout } from './layout/Layout';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { darkTheme, lightTheme } from './theme';

// Pages load on first visit, so the shell stays small (react-admin's layout provides the Suspense).
const HomePage = lazy(() => import('./pages/HomePage'));
const SystemStatusPage = lazy(() => import('./pages/SystemStatusPage'));

// react-admin's own react-router, so the dashboard needs no direct react-router-dom dependency.
const { Route } = reactRouterProvider;

// No authProvider yet: login arrives with authentication, then <Admin requireAuth authProvider>.
export const App = () => (
  <Admin
    title="Sitecare"
    dashboard={HomePage}
    layout={Layout}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    theme={lightTheme}
    darkTheme={darkTheme}
    disableTelemetry
  >
    {/* One <Resource {...noun} /> per folder in src/resources/. */}
    <CustomRoutes>
      <Route path="/status" element={<SystemStatusPage />} />
    </CustomRoutes>
  </Admin>
);
