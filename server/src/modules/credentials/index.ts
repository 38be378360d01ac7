import type { SitecareModule } from '../../system/module';
import { SiteCredential } from './site-credential.entity';
import { SiteCredentialResolver } from './credential.resolver';

export const credentialsModule: SitecareModule = {
  name: 'credentials',
  entities: [SiteCredential],
  resolvers: [SiteCredentialResolver],
};
