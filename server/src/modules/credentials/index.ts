import type { SitecareModule } from '../../system/module';
import { SiteCredential } from './site-credential.entity';
import { SiteCredentialResolver } from './credential.resolver';
import { credentialSeed } from './credential.seed';

export const credentialsModule: SitecareModule = {
  name: 'credentials',
  entities: [SiteCredential],
  resolvers: [SiteCredentialResolver],
  seed: credentialSeed, // its part of the demo data
};
