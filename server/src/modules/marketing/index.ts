import type { SitecareModule } from '../../system/module';
import { TrackingEvent } from './tracking-event.entity';
import { MarketingResolver } from './marketing.resolver';
import { marketingRouter } from './marketing.routes';

export const marketingModule: SitecareModule = {
  name: 'marketing',
  entities: [TrackingEvent],
  resolvers: [MarketingResolver],
  routes: ({ orm, services }) => marketingRouter(orm, services), // unsubscribe, newsletter confirmation, tracking
};
