import type { SitecareModule } from '../../system/module';
import { ApiKey } from './api-key.entity';
import { ApiKeyResolver } from './api-key.resolver';

/** Issue 21: API keys, the second source of a request's viewer (S35). */
export const apiKeysModule: SitecareModule = {
  name: 'api-keys',
  entities: [ApiKey],
  resolvers: [ApiKeyResolver],
};
