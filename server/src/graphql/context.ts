import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';

/** What every resolver and service receives first: the request's own EntityManager and identity. */
export interface RequestContext {
  requestId: string;
  em: EntityManager;
  logger: Logger;
  ip: string | undefined;
  userAgent: string | undefined;
}
