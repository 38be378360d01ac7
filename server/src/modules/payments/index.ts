import type { SitecareModule } from '../../system/module';
import { Payment, WebhookEvent } from './payment.entity';
import { Refund } from './refund.entity';
import { webhookRouter } from './webhooks';
import { paymentSeed } from './payment.seed';

export const paymentsModule: SitecareModule = {
  name: 'payments',
  entities: [Payment, Refund, WebhookEvent],
  routes: ({ owner, services }) => (owner ? webhookRouter(owner, services) : undefined), // providers' webhooks, on the system path
  seed: paymentSeed, // its part of the demo data
};
