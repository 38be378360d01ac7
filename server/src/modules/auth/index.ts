import type { SitecareModule } from '../../system/module';
import { AuthToken } from './auth-token.entity';
import { Session } from './session.entity';
import { AuthResolver } from './auth.resolver';
import { SecondFactorResolver } from './second-factor.resolver';
import { SessionResolver } from './session.resolver';

export const authModule: SitecareModule = {
  name: 'auth',
  entities: [Session, AuthToken],
  resolvers: [AuthResolver, SecondFactorResolver, SessionResolver],
};
