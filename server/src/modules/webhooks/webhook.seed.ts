// Issue 21, demo data: each demo agency has an API key (its secret is not kept anywhere), a webhook
// endpoint (turned off: nothing is sent to example.com from a development machine) with one delivered
// message in its log, and its website's origin allowed.
import type { EntityManager } from '@mikro-orm/postgresql';
import { newTenantToken } from '../../auth/tokens';
import type { Keyring } from '../../secrets/keyring';
import { ApiKey, ApiKeyRole } from '../api-keys/api-key.entity';
import type { Tenant } from '../tenants/tenant.entity';
import type { User } from '../users/user.entity';
import { newWebhookSecret } from './signing';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from './webhook-endpoint.entity';
import { sealWebhookSecret } from './webhook.service';
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_CUSTOMERS } from '../customers/customer.seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { DEMO_ADMIN } from '../users/user.seed';

export function seedIntegrations(
  tx: EntityManager,
  keyring: Keyring,
  tenant: Tenant,
  admin: User,
  customerId: string,
): void {
  const { hash } = newTenantToken(tenant.id);
  tx.create(ApiKey, {
    tenant,
    name: 'Bokföringssystemet (demo)',
    role: ApiKeyRole.EMPLOYEE,
    hint: hash.slice(-4),
    tokenHash: hash,
    createdBy: admin,
  });
  const endpoint = tx.create(WebhookEndpoint, {
    tenant,
    url: `https://hooks.${tenant.slug}.example.com/sitecare`,
    description: 'Demo',
    events: ['customer.created', 'order.paid'],
    enabled: false,
    secretCiphertext: '',
  });
  endpoint.secretCiphertext = sealWebhookSecret(keyring, tenant.id, endpoint.id, newWebhookSecret());
  const sentAt = new Date(Date.now() - 3_600_000);
  tx.create(WebhookDelivery, {
    tenant,
    endpoint,
    eventType: 'customer.created',
    payload: { type: 'customer.created', timestamp: sentAt.toISOString(), data: { customerId } },
    status: WebhookDeliveryStatus.DELIVERED,
    attempts: 1,
    lastStatusCode: 204,
    lastAttemptAt: sentAt,
    deliveredAt: sentAt,
  });
  tenant.allowedOrigins = [`https://www.${tenant.slug}.example.com`];
}

export const webhookSeed: DemoSeeder = {
  after: ['tenants', 'users', 'customers'],
  perAgency: (ctx) =>
    seedIntegrations(
      ctx.em,
      ctx.keyring,
      ctx.get(DEMO_TENANT),
      ctx.get(DEMO_ADMIN),
      ctx.get(DEMO_CUSTOMERS)[0].customer.id,
    ),
};
