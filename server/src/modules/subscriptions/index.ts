import type { SitecareModule } from '../../system/module';
import { Subscription } from './subscription.entity';
import { CustomerSubscriptionsResolver, SubscriptionResolver } from './subscription.resolver';
import { subscriptionsSource } from '../../privacy/sources/commerce';
import './subscription.sql'; // its read definitions
import './subscription.payments'; // what a paid order or renewal means to a subscription
import { subscriptionSeed } from './subscription.seed';

export const subscriptionsModule: SitecareModule = {
  name: 'subscriptions',
  entities: [Subscription],
  resolvers: [SubscriptionResolver, CustomerSubscriptionsResolver],
  personalData: [subscriptionsSource],
  seed: subscriptionSeed, // its part of the demo data
};
