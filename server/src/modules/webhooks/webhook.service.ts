// Issue 21 (S36): the agency's outgoing webhook endpoints (admins), their secrets, the delivery log and
// replay. Events are not emitted here: each is emitted once, by a trigger on the table whose change
// it reports, in that change's transaction (migration webhooks: `sitecare_webhook_emit`), so every
// path that makes the change (resolvers, compiled SQL, jobs, provider webhooks, the CLI) emits it.
import type { RequestContext } from '../../graphql/context';
import type { Config } from '../../config';
import { badInput, notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import type { Keyring } from '../../secrets/keyring';
import { publicAddressOf } from '../../net/public-address';
import { audit } from '../audit/audit.service';
import { Tenant } from '../tenants/tenant.entity';
import {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointStatus,
} from './webhook-endpoint.entity';
import type {
  WebhookDeliveriesInput,
  WebhookEndpointCreateInput,
  WebhookEndpointUpdateInput,
  WebhookEndpointWithSecret,
} from './webhook.inputs';
import { newWebhookSecret } from './signing';

/** The channel whose notices (a delivery's id, sent on commit) wake the delivery worker (jobs/queue.ts). */
export const WEBHOOK_CHANNEL = 'sitecare_webhook';

/** How long the secret before a rotation keeps signing beside the new one. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

/** Which outgoing addresses the configuration allows: public ones, and loopback in tests when set. */
export const webhookAddressPolicy = (config: Config): 'loopback' | false =>
  config.webhooks.allowLoopback && !config.isProduction ? 'loopback' : false;

/**
 * The one check of an endpoint's URL, at save and again at every delivery (DNS may have changed):
 * HTTPS (plain HTTP outside production), no credentials in it, and every address its host resolves
 * to public (net/public-address.ts). Returns the parsed URL and the address to connect to.
 */
export async function checkWebhookUrl(
  config: Config,
  raw: string,
  field = 'url',
): Promise<{ url: URL; address: string }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badInput(field, 'Not a URL');
  }
  const schemes = config.isProduction ? ['https:'] : ['https:', 'http:'];
  if (!schemes.includes(url.protocol))
    throw badInput(field, config.isProduction ? 'Must be an https:// URL' : 'Must be an https:// or http:// URL');
  if (url.username || url.password) throw badInput(field, 'Must not contain a user name or password');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const address = await publicAddressOf(host, field, webhookAddressPolicy(config));
  return { url, address };
}

const secretField = (endpointId: string) => `webhook:${endpointId}`;

export function sealWebhookSecret(keyring: Keyring, tenantId: string, endpointId: string, secret: string): string {
  return keyring.encryptAgencySecret(secret, { tenantId, field: secretField(endpointId) });
}

/** The secrets that sign a message now: the current one, and the previous one during its overlap. */
export function signingSecrets(
  keyring: Keyring,
  endpoint: WebhookEndpoint,
  tenantId: string,
  now = new Date(),
): string[] {
  const context = { tenantId, field: secretField(endpoint.id) };
  const secrets = [keyring.decryptAgencySecret(endpoint.secretCiphertext, context)];
  if (endpoint.previousSecretCiphertext && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now)
    secrets.push(keyring.decryptAgencySecret(endpoint.previousSecretCiphertext, context));
  return secrets;
}

export function listWebhookEndpoints(ctx: RequestContext): Promise<WebhookEndpoint[]> {
  return ctx.em.find(WebhookEndpoint, {}, { orderBy: { createdAt: 'desc' } });
}

export function createWebhookEndpoint(
  ctx: RequestContext,
  input: WebhookEndpointCreateInput,
): Promise<WebhookEndpointWithSecret> {
  return inTransaction(ctx, async () => {
    const { url } = await checkWebhookUrl(ctx.app.config, input.url);
    const tenantId = ctx.tenantId!;
    const secret = newWebhookSecret();
    const endpoint = ctx.em.create(WebhookEndpoint, {
      tenant: ctx.em.getReference(Tenant, tenantId),
      url: url.toString(),
      events: [...new Set(input.events)],
      description: input.description?.trim() || null,
      secretCiphertext: '',
    });
    endpoint.secretCiphertext = sealWebhookSecret(ctx.app.keyring, tenantId, endpoint.id, secret);
    await ctx.em.flush();
    await audit(ctx, {
      action: 'webhook.endpoint.create',
      entityType: 'WebhookEndpoint',
      entityId: endpoint.id,
      detail: { url: endpoint.url, events: endpoint.events },
    });
    return { endpoint, secret };
  });
}

async function endpointOf(ctx: RequestContext, id: string): Promise<WebhookEndpoint> {
  const endpoint = await ctx.em.findOne(WebhookEndpoint, { id });
  if (!endpoint) throw notFound('Webhook endpoint');
  return endpoint;
}

export function updateWebhookEndpoint(
  ctx: RequestContext,
  input: WebhookEndpointUpdateInput,
): Promise<WebhookEndpoint> {
  return inTransaction(ctx, async () => {
    const endpoint = await endpointOf(ctx, input.id);
    const changed: string[] = [];
    if (input.url !== undefined && input.url !== null) {
      endpoint.url = (await checkWebhookUrl(ctx.app.config, input.url)).url.toString();
      changed.push('url');
    }
    if (input.events) {
      endpoint.events = [...new Set(input.events)];
      changed.push('events');
    }
    if (input.description !== undefined) {
      endpoint.description = input.description?.trim() || null;
      changed.push('description');
    }
    if (input.enabled !== undefined && input.enabled !== null) {
      endpoint.enabled = input.enabled;
      changed.push('enabled');
    }
    await ctx.em.flush();
    await audit(ctx, {
      action: 'webhook.endpoint.update',
      entityType: 'WebhookEndpoint',
      entityId: endpoint.id,
      detail: { changed },
    });
    return endpoint;
  });
}

export function deleteWebhookEndpoint(ctx: RequestContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async () => {
    const endpoint = await endpointOf(ctx, id);
    await audit(ctx, {
      action: 'webhook.endpoint.delete',
      entityType: 'WebhookEndpoint',
      entityId: endpoint.id,
      detail: { url: endpoint.url },
    });
    ctx.em.remove(endpoint);
    await ctx.em.flush();
    return true;
  });
}

/** A new secret, shown once; the old one keeps signing beside it for ROTATION_OVERLAP_MS. */
export function rotateWebhookSecret(ctx: RequestContext, id: string): Promise<WebhookEndpointWithSecret> {
  return inTransaction(ctx, async () => {
    const endpoint = await endpointOf(ctx, id);
    const secret = newWebhookSecret();
    endpoint.previousSecretCiphertext = endpoint.secretCiphertext;
    endpoint.previousSecretUntil = new Date(Date.now() + ROTATION_OVERLAP_MS);
    endpoint.secretCiphertext = sealWebhookSecret(ctx.app.keyring, ctx.tenantId!, endpoint.id, secret);
    await ctx.em.flush();
    await audit(ctx, { action: 'webhook.endpoint.rotateSecret', entityType: 'WebhookEndpoint', entityId: endpoint.id });
    return { endpoint, secret };
  });
}

/** An endpoint's delivery log, newest first. */
export async function listWebhookDeliveries(
  ctx: RequestContext,
  input: WebhookDeliveriesInput,
): Promise<WebhookDelivery[]> {
  await endpointOf(ctx, input.endpointId);
  return ctx.em.find(
    WebhookDelivery,
    { endpoint: input.endpointId },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: input.take },
  );
}

/**
 * Sends a message again (the same `webhook-id`, so a receiver that has it can tell): back to PENDING,
 * and the delivery worker is woken when this commits, exactly as for a new message.
 */
export function replayWebhookDelivery(ctx: RequestContext, id: string): Promise<WebhookDelivery> {
  return inTransaction(ctx, async () => {
    const delivery = await ctx.em.findOne(WebhookDelivery, { id });
    if (!delivery) throw notFound('Webhook delivery');
    delivery.status = WebhookDeliveryStatus.PENDING;
    await ctx.em.flush();
    await ctx.em.execute('select pg_notify(?, ?)', [WEBHOOK_CHANNEL, delivery.id]);
    await audit(ctx, { action: 'webhook.delivery.replay', entityType: 'WebhookDelivery', entityId: delivery.id });
    return delivery;
  });
}

export { WebhookEndpointStatus };
