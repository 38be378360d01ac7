// Provider webhooks: verified first (400 otherwise), recorded once in the ledger, applied in the same
// transaction as the ledger row, so an event changes state exactly once (S21). The system path: the
// owner's connection, across agencies, audited as SYSTEM.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { systemContext, type AppServices } from '../../graphql/context';
import { PaymentProvider } from '../orders/order.entity';
import { applyProviderOutcome, type ProviderOutcome } from './payment.service';
import { mollieClient, mollieOutcome } from './mollie.provider';
import { paypalOutcome, verifyPayPalWebhook, type PayPalEvent } from './paypal.provider';
import { stripeClient } from './stripe.provider';

/** Records the event in the ledger and applies it, once; returns the outcome (or 'duplicate'). */
async function processOnce(
  orm: MikroORM,
  app: AppServices,
  provider: PaymentProvider,
  event: { id: string; type: string },
  /** Evaluated only for an event not seen before (it may call the provider, e.g. to capture). */
  outcome: () => ProviderOutcome | undefined | Promise<ProviderOutcome | undefined>,
): Promise<string> {
  return orm.em.fork().transactional(async (em) => {
    const inserted = await em.execute<{ id: string }[]>(
      `insert into webhook_events (id, created_at, updated_at, provider, event_id, type)
       values (?, now(), now(), ?, ?, ?) on conflict (provider, event_id) do nothing returning id`,
      [randomUUID(), provider, event.id, event.type],
    );
    if (!inserted.length) return 'duplicate';
    const resolved = await outcome();
    const result = resolved
      ? await applyProviderOutcome(systemContext(em, app, `webhook:${provider.toLowerCase()}`), resolved)
      : 'ignored';
    await em.execute('update webhook_events set processed_at = now(), outcome = ? where id = ?', [
      result,
      inserted[0].id,
    ]);
    return result;
  });
}

/** What a Stripe event means for us; undefined for events we do not act on. */
export function stripeOutcome(event: Stripe.Event): ProviderOutcome | undefined {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      if (session.payment_status !== 'paid') return undefined; // async methods settle later
      return {
        provider: PaymentProvider.STRIPE,
        match: { providerReference: session.id },
        status: 'PAID',
        amountMinor: session.amount_total ?? undefined,
        currency: session.currency ?? undefined,
        providerPaymentId:
          typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id,
        method: session.payment_method_types?.[0] ?? 'card',
      };
    }
    case 'checkout.session.async_payment_failed':
      return { provider: PaymentProvider.STRIPE, match: { providerReference: event.data.object.id }, status: 'FAILED' };
    case 'checkout.session.expired':
      return {
        provider: PaymentProvider.STRIPE,
        match: { providerReference: event.data.object.id },
        status: 'EXPIRED',
      };
    case 'charge.refunded': {
      const intent = event.data.object.payment_intent;
      const id = typeof intent === 'string' ? intent : intent?.id;
      return id
        ? { provider: PaymentProvider.STRIPE, match: { providerPaymentId: id }, status: 'REFUNDED' }
        : undefined;
    }
    default:
      return undefined;
  }
}

export function webhookRouter(owner: MikroORM, app: AppServices): Router {
  const router = express.Router();

  // Stripe signs the exact bytes it sent: the raw body, never a re-serialised one.
  router.post('/webhooks/stripe', express.raw({ type: '*/*', limit: '512kb' }), async (req, res) => {
    const secret = app.config.payments.stripe.webhookSecret;
    if (!secret || !app.config.payments.stripe.secretKey)
      return void res.status(404).json({ error: 'stripe is not configured' });
    let event: Stripe.Event;
    try {
      event = stripeClient(app.config).webhooks.constructEvent(
        req.body as Buffer,
        req.header('stripe-signature') ?? '',
        secret,
        300,
      );
    } catch {
      return void res.status(400).json({ error: 'invalid signature' });
    }
    const outcome = await processOnce(owner, app, PaymentProvider.STRIPE, event, () => stripeOutcome(event));
    res.json({ received: true, outcome });
  });

  // Mollie posts only `id=tr_…`: we ask Mollie for the payment and act on what it says.
  router.post('/webhooks/mollie', express.urlencoded({ extended: false, limit: '8kb' }), async (req, res) => {
    if (!app.config.payments.mollie.apiKey) return void res.status(404).json({ error: 'mollie is not configured' });
    const id = typeof req.body?.id === 'string' ? req.body.id : '';
    if (!/^tr_\w{4,64}$/.test(id)) return void res.status(400).json({ error: 'invalid id' });
    let payment;
    try {
      payment = await mollieClient(app.config).payments.get(id);
    } catch {
      // Unknown to Mollie (a forged id): nothing to do. Mollie itself retries on non-2xx, so answer 200.
      return void res.json({ received: true, outcome: 'unknown' });
    }
    // Mollie has no event ids: one payment in one status is one event.
    const outcome = await processOnce(
      owner,
      app,
      PaymentProvider.MOLLIE,
      { id: `${id}:${payment.status}`, type: payment.status },
      () => mollieOutcome(payment),
    );
    res.json({ received: true, outcome });
  });

  // PayPal: counts only after PayPal's verification endpoint says SUCCESS for this exact delivery.
  router.post('/webhooks/paypal', express.json({ limit: '512kb' }), async (req, res) => {
    if (!app.config.payments.paypal.clientId) return void res.status(404).json({ error: 'paypal is not configured' });
    const event = req.body as PayPalEvent;
    if (!event?.id || !event.event_type || !event.resource?.id)
      return void res.status(400).json({ error: 'invalid event' });
    const headers = Object.fromEntries(
      [
        'paypal-auth-algo',
        'paypal-cert-url',
        'paypal-transmission-id',
        'paypal-transmission-sig',
        'paypal-transmission-time',
      ].map((h) => [h, req.header(h)]),
    );
    if (!(await verifyPayPalWebhook(app.config, headers, event).catch(() => false))) {
      return void res.status(400).json({ error: 'verification failed' });
    }
    const outcome = await processOnce(
      owner,
      app,
      PaymentProvider.PAYPAL,
      { id: event.id, type: event.event_type },
      () => paypalOutcome(app.config, event),
    );
    res.json({ received: true, outcome });
  });

  return router;
}
