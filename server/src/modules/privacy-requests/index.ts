import type { SitecareModule } from '../../system/module';
import { PrivacyExport, PrivacyRequest, PrivacyRequestToken } from './privacy-request.entity';
import { PrivacyRequestResolver } from './privacy-request.resolver';
import { privacyRouter } from './privacy-request.routes';
import { runPrivacyRetention } from './privacy-request.retention';
import { privacyRequestsSource } from '../../privacy/sources/privacy-requests';

export const privacyRequestsModule: SitecareModule = {
  name: 'privacy-requests',
  entities: [PrivacyRequest, PrivacyRequestToken, PrivacyExport],
  resolvers: [PrivacyRequestResolver],
  personalData: [privacyRequestsSource],
  retention: [(em, app, now) => runPrivacyRetention(em, app, now)],
  routes: ({ orm, services }) => privacyRouter(orm, services),
};
