import type { SitecareModule } from '../../system/module';
import { hostedRouter } from './hosted.routes';

/**
 * Issue 21: the agency's hosted pages, `/a/<agency slug>/contact`, `/newsletter`, `/support`,
 * `/privacy-request` and `/cookies`: server-rendered forms that work without JavaScript and call the
 * same service functions as the public GraphQL operations (hosted.forms.ts).
 */
export const hostedModule: SitecareModule = {
  name: 'hosted',
  routes: ({ orm, services }) => hostedRouter(orm, services),
};
