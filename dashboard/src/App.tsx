import { lazy, type ReactNode, Suspense } from 'react';
import { Admin, CustomRoutes, type I18nProvider, Loading, reactRouterProvider, Resource } from 'react-admin';

import { LoginPage } from './auth/LoginPage';
import { AccessDenied } from './layout/AccessDenied';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/lazyDataProvider';
import { store } from './providers/store';
import auditEvents from './resources/audit-events';
import consentEvents from './resources/consent-events';
import breaches from './resources/breaches';
import customers from './resources/customers';
import disclosures from './resources/disclosures';
import leads from './resources/leads';
import invoices from './resources/invoices';
import orders from './resources/orders';
import outboxMessages from './resources/outbox-messages';
import policyVersions from './resources/policy-versions';
import marketingCampaigns from './resources/marketing-campaigns';
import processingPurposes from './resources/processing-purposes';
import privacyRequests from './resources/privacy-requests';
import processors from './resources/processors';
import servicePackages from './resources/service-packages';
import sites from './resources/sites';
import subscriptions from './resources/subscriptions';
import supportTickets from './resources/support-tickets';
import surveys from './resources/surveys';
import users from './resources/users';
import visits from './resources/visits';
import { darkTheme, lightTheme } from './theme';

// Pages load on first visit, so the shell stays small (react-admin's layout provides the Suspense).
const HomePage = lazy(() => import('./pages/HomePage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));
const AgencySettingsPage = lazy(() => import('./pages/AgencySettingsPage'));
const MyConsentsPage = lazy(() => import('./resources/consent-events/MyConsentsPage'));
const PrivacyToolsPage = lazy(() => import('./pages/PrivacyToolsPage'));
const StatusRoute = lazy(() => import('./pages/StatusRoute'));
const ForgotPasswordPage = lazy(() => import('./auth/ForgotPasswordPage'));
const SecondFactorSetupPage = lazy(() =>
  import('./auth/SecondFactor').then((m) => ({ default: m.SecondFactorSetupPage })),
);
const InvitationPage = lazy(() => import('./auth/SetPasswordPage').then((m) => ({ default: m.InvitationPage })));
const PasswordResetPage = lazy(() => import('./auth/SetPasswordPage').then((m) => ({ default: m.PasswordResetPage })));

// react-admin's own react-router, so the dashboard needs no direct react-router-dom dependency.
const { Route } = reactRouterProvider;

// Routes without the layout have no Suspense boundary of their own.
const Lazy = ({ children }: { children: ReactNode }) => <Suspense fallback={<Loading />}>{children}</Suspense>;

// The shell after login (app bar, menu, the agency's colours): not part of the login page's download.
const ShellLayout = lazy(() => import('./layout/Layout').then((m) => ({ default: m.Layout })));
const Layout = ({ children }: { children: ReactNode }) => (
  <Lazy>
    <ShellLayout>{children}</ShellLayout>
  </Lazy>
);

// Every resource is declared for every role: canAccess (the permission matrix) decides what shows.
export const App = ({ i18nProvider }: { i18nProvider: I18nProvider }) => (
  <Admin
    title="Sitecare"
    dashboard={HomePage}
    layout={Layout}
    loginPage={LoginPage}
    accessDenied={AccessDenied}
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    store={store}
    theme={lightTheme}
    darkTheme={darkTheme}
    requireAuth
    disableTelemetry
  >
    <Resource name="customers" {...customers} />
    <Resource name="sites" {...sites} />
    <Resource name="supportTickets" {...supportTickets} />
    <Resource name="leads" {...leads} />
    <Resource name="orders" {...orders} />
    <Resource name="invoices" {...invoices} />
    <Resource name="subscriptions" {...subscriptions} />
    <Resource name="servicePackages" {...servicePackages} />
    <Resource name="users" {...users} />
    <Resource name="consentEvents" {...consentEvents} />
    <Resource name="processingPurposes" {...processingPurposes} />
    <Resource name="marketingCampaigns" {...marketingCampaigns} />
    <Resource name="policyVersions" {...policyVersions} />
    <Resource name="auditEvents" {...auditEvents} />
    <Resource name="outboxMessages" {...outboxMessages} />
    <Resource name="privacyRequests" {...privacyRequests} />
    <Resource name="surveys" {...surveys} />
    <Resource name="visits" {...visits} />
    <Resource name="processors" {...processors} />
    <Resource name="disclosures" {...disclosures} />
    <Resource name="breaches" {...breaches} />
    {/* Without login: links from e-mails, the forgotten-password form, and the system status. */}
    <CustomRoutes noLayout>
      <Route
        path="/invitation/:token"
        element={
          <Lazy>
            <InvitationPage />
          </Lazy>
        }
      />
      <Route
        path="/password-reset/:token"
        element={
          <Lazy>
            <PasswordResetPage />
          </Lazy>
        }
      />
      <Route
        path="/second-factor-setup"
        element={
          <Lazy>
            <SecondFactorSetupPage />
          </Lazy>
        }
      />
      <Route
        path="/forgot-password"
        element={
          <Lazy>
            <ForgotPasswordPage />
          </Lazy>
        }
      />
      <Route
        path="/status"
        element={
          <Lazy>
            <StatusRoute />
          </Lazy>
        }
      />
    </CustomRoutes>
    <CustomRoutes>
      <Route path="/profile" element={<ProfilePage />} />
      <Route path="/agency-settings" element={<AgencySettingsPage />} />
      <Route path="/my-consents" element={<MyConsentsPage />} />
      <Route path="/privacy-tools" element={<PrivacyToolsPage />} />
    </CustomRoutes>
  </Admin>
);
