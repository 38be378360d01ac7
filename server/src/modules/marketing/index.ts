import type { SitecareModule } from '../../system/module';
import { MarketingCampaign, MarketingCampaignRecipient } from './campaign.entity';
import { TrackingEvent } from './tracking-event.entity';
import { MarketingCampaignResolver, MarketingResolver } from './marketing.resolver';
import { marketingRouter } from './marketing.routes';
import { campaignSeed } from './campaign.seed';

export const marketingModule: SitecareModule = {
  name: 'marketing',
  entities: [TrackingEvent, MarketingCampaign, MarketingCampaignRecipient],
  resolvers: [MarketingResolver, MarketingCampaignResolver],
  // P9: opens and clicks go after the `email_tracking` purpose's retention period.
  purposeData: [
    { purpose: 'email_tracking', table: 'tracking_events', timestamp: 'created_at', entityType: 'TrackingEvent' },
  ],
  routes: ({ orm, services }) => marketingRouter(orm, services), // unsubscribe, newsletter confirmation, tracking
  seed: campaignSeed, // its part of the demo data
};
