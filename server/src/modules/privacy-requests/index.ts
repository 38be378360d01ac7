import type { SitecareModule } from '../../system/module';
import { PrivacyExport, PrivacyRequest, PrivacyRequestToken } from './privacy-request.entity';
import { PrivacyRequestResolver } from './privacy-request.resolver';
import { privacyRouter } from './privacy-request.routes';
import { runPrivacyRetention } from './privacy-request.retention';
import { privacyRequestsSource } from '../../privacy/sources/privacy-requests';
import { privacyRequestSeed } from './privacy-request.seed';

export const privacyRequestsModule: SitecareModule = {
  name: 'privacy-requests',
  entities: [PrivacyRequest, PrivacyRequestToken, PrivacyExport],
  resolvers: [PrivacyRequestResolver],
  personalData: [privacyRequestsSource],
  retention: [(em, app, now) => runPrivacyRetention(em, app, now)],
  routes: ({ orm, services }) => privacyRouter(orm, services),
  seed: privacyRequestSeed, // its part of the demo data
};
