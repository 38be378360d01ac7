// Issue 21 (S36): sends one webhook message, on the system path (the job queue, jobs/queue.ts), after
// the transaction that wrote it committed. The URL is checked again on every attempt (DNS may now
// answer a private address) and the connection goes to the address that was checked; redirects are
// not followed. A message whose every attempt failed marks its endpoint failing and mails the agency's
// admins once; a later delivery that succeeds marks it active again.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import { asSupportedLanguage } from '@sitecare/schema';
import { systemContext, type AppServices } from '../../graphql/context';
import { AppError } from '../../graphql/errors';
import { enqueueMail } from '../mail/outbox.service';
import { User, UserStatus } from '../users/user.entity';
import {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointStatus,
} from './webhook-endpoint.entity';
import { checkWebhookUrl, signingSecrets } from './webhook.service';
import { signedHeaders } from './signing';

interface Attempt {
  statusCode: number | null;
  error: string | null;
}

/** POSTs `body` to `url`, connecting to `address` only (the one that was checked). */
function post(url: URL, address: string, headers: Record<string, string>, body: string, timeoutMs: number) {
  return new Promise<Attempt>((resolve) => {
    const family = isIP(address);
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Sitecare-Webhooks/1.0',
      },
      agent: false,
      timeout: timeoutMs,
      lookup: ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
        options?.all ? callback(null, [{ address, family }]) : callback(null, address, family)) as never,
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on('response', (response) => {
      response.resume(); // the body is not read
      clearTimeout(timer);
      resolve({ statusCode: response.statusCode ?? null, error: null });
      request.destroy();
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => {
      clearTimeout(timer);
      resolve({ statusCode: null, error: error.message.slice(0, 300) });
    });
    request.end(body);
  });
}

export type DeliveryOutcome = 'done' | 'retry';

/**
 * One attempt at delivery `deliveryId`. `final`: the job queue will not try again after this one.
 * 'retry': it failed and the queue is to try again later (with back-off).
 */
export async function deliverWebhook(
  owner: EntityManager,
  services: AppServices,
  deliveryId: string,
  final: boolean,
): Promise<DeliveryOutcome> {
  const em = owner.fork();
  const delivery = await em.findOne(WebhookDelivery, { id: deliveryId }, { filters: false, populate: ['endpoint'] });
  if (!delivery || delivery.status !== WebhookDeliveryStatus.PENDING) return 'done';
  const endpoint = delivery.endpoint as WebhookEndpoint;
  if (!endpoint.enabled) return 'done';
  const tenantId = delivery.tenant.id;
  const { config, keyring } = services;

  let attempt: Attempt;
  try {
    const { url, address } = await checkWebhookUrl(config, endpoint.url);
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = signedHeaders(signingSecrets(keyring, endpoint, tenantId), `msg_${delivery.id}`, timestamp, body);
    attempt = await post(url, address, headers, body, config.webhooks.timeoutMs);
  } catch (error) {
    // The address check refused the URL now (DNS rebinding), or the secret could not be opened.
    attempt = { statusCode: null, error: error instanceof AppError ? `refused: ${error.message}` : String(error) };
  }

  const ok = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
  await em.transactional(async (tx) => {
    const ctx = systemContext(tx, services, 'webhooks');
    Object.assign(delivery, {
      attempts: delivery.attempts + 1,
      lastAttemptAt: new Date(),
      lastStatusCode: attempt.statusCode,
      lastError: attempt.error ?? (ok ? null : `HTTP ${attempt.statusCode}`),
    });
    if (ok) {
      delivery.status = WebhookDeliveryStatus.DELIVERED;
      delivery.deliveredAt = new Date();
      if (endpoint.status === WebhookEndpointStatus.FAILING)
        Object.assign(endpoint, { status: WebhookEndpointStatus.ACTIVE, failingSince: null });
    } else if (final) {
      delivery.status = WebhookDeliveryStatus.FAILED;
      if (endpoint.status === WebhookEndpointStatus.ACTIVE) {
        Object.assign(endpoint, { status: WebhookEndpointStatus.FAILING, failingSince: new Date() });
        await mailAdmins(ctx, tenantId, endpoint, delivery);
      }
    }
    tx.persist([delivery, endpoint]);
  });
  return ok || final ? 'done' : 'retry';
}

/** The failing-endpoint mail, to every active admin of the agency, each in their language. */
async function mailAdmins(
  ctx: ReturnType<typeof systemContext>,
  tenantId: string,
  endpoint: WebhookEndpoint,
  delivery: WebhookDelivery,
): Promise<void> {
  const admins = await ctx.em.find(
    User,
    { tenant: tenantId, role: 'ADMIN', status: UserStatus.ACTIVE },
    { filters: false, orderBy: { email: 'asc' } },
  );
  const base = ctx.app.config.publicUrl ?? `http://localhost:${ctx.app.config.port}`;
  for (const admin of admins)
    await enqueueMail(ctx, {
      tenantId,
      to: admin.email,
      template: 'webhook.failing',
      language: asSupportedLanguage(admin.preferredLanguage),
      payload: {
        name: admin.name,
        url: endpoint.url,
        event: delivery.eventType,
        attempts: delivery.attempts,
        lastResult: delivery.lastError ?? `HTTP ${delivery.lastStatusCode}`,
        link: `${base}/agency-settings`,
      },
    });
}
