import type { SitecareModule } from '../../system/module';
import { AuthToken } from './auth-token.entity';
import { Passkey } from './passkey.entity';
import { Session } from './session.entity';
import { AuthResolver } from './auth.resolver';
import { SecondFactorResolver } from './second-factor.resolver';
import { SessionResolver } from './session.resolver';
import { PasskeyResolver } from './passkey.resolver';
import { authSeed } from './auth.seed';

export const authModule: SitecareModule = {
  name: 'auth',
  entities: [Session, AuthToken, Passkey],
  resolvers: [AuthResolver, SecondFactorResolver, SessionResolver, PasskeyResolver],
  seed: authSeed, // its part of the demo data
};
