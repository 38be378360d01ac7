import type { SitecareModule } from '../../system/module';
import { WebhookDelivery, WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookResolver } from './webhook.resolver';
import { webhookSeed } from './webhook.seed';

/**
 * Issue 21: signed outgoing webhooks (S36). Events are emitted by triggers (migration webhooks) and
 * delivered by the job queue (jobs/queue.ts: webhook.delivery.ts).
 */
export const webhooksModule: SitecareModule = {
  name: 'webhooks',
  entities: [WebhookEndpoint, WebhookDelivery],
  resolvers: [WebhookResolver],
  seed: webhookSeed, // its part of the demo data
};
