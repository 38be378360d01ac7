// Provider webhooks: verified first (400 otherwise), recorded once in the ledger, applied in the same
// transaction as the ledger row, so an event changes state exactly once (S21). The system path: the
// owner's connection, across agencies, audited as SYSTEM.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { systemContext, type AppServices } from '../../graphql/context';
import { fromDecimal } from './money';
import { PaymentProvider } from '../orders/order.entity';
import {
  applyMethodChange,
  PAYPAL_VAULT_RETURN,
  type MethodChangeOutcome,
} from '../subscriptions/payment-method.service';
import { applyProviderOutcome, type ProviderOutcome } from './payment.service';
import { mollieClient, mollieMethodChange, mollieOutcome } from './mollie.provider';
import { paypalOutcome, paypalVaultToken, verifyPayPalWebhook, type PayPalEvent } from './paypal.provider';
import { stripeClient, stripeMandateOf } from './stripe.provider';

type Outcome = ProviderOutcome | ({ kind: 'method-change' } & MethodChangeOutcome);

/** Records the event in the ledger and applies it, once; returns the outcome (or 'duplicate'). */
async function processOnce(
  orm: MikroORM,
  app: AppServices,
  provider: PaymentProvider,
  event: { id: string; type: string },
  /** Evaluated only for an event not seen before (it may call the provider, e.g. to capture). */
  outcome: () => Outcome | undefined | Promise<Outcome | undefined>,
): Promise<string> {
  return orm.em.fork().transactional(async (em) => {
    const ctx = systemContext(em, app, `webhook:${provider.toLowerCase()}`);
    const inserted = await ctx.em.execute<{ id: string }[]>(
      `insert into webhook_events (id, created_at, updated_at, provider, event_id, type)
       values (?, now(), now(), ?, ?, ?) on conflict (provider, event_id) do nothing returning id`,
      [randomUUID(), provider, event.id, event.type],
    );
    if (!inserted.length) return 'duplicate';
    const resolved = await outcome();
    const result = !resolved
      ? 'ignored'
      : 'kind' in resolved
        ? await applyMethodChange(ctx, resolved)
        : await applyProviderOutcome(ctx, resolved);
    await ctx.em.execute('update webhook_events set processed_at = now(), outcome = ? where id = ?', [
      result,
      inserted[0].id,
    ]);
    return result;
  });
}

/** What a Stripe event means for us; undefined for events we do not act on. */
export async function stripeOutcome(config: AppServices['config'], event: Stripe.Event): Promise<Outcome | undefined> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      if (session.mode === 'setup') {
        const mandate = await stripeMandateOf(config, session);
        return mandate
          ? { kind: 'method-change', provider: PaymentProvider.STRIPE, pendingReference: session.id, mandate }
          : undefined;
      }
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
        mandate: await stripeMandateOf(config, session),
      };
    }
    // Renewals charged off-session: the intent is the payment's reference.
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      return {
        provider: PaymentProvider.STRIPE,
        match: { providerReference: intent.id },
        status: 'PAID',
        amountMinor: intent.amount_received || intent.amount,
        currency: intent.currency,
        providerPaymentId: intent.id,
        method: 'card',
      };
    }
    case 'payment_intent.payment_failed':
      return { provider: PaymentProvider.STRIPE, match: { providerReference: event.data.object.id }, status: 'FAILED' };
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
    const outcome = await processOnce(owner, app, PaymentProvider.STRIPE, event, () =>
      stripeOutcome(app.config, event),
    );
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
    // Mollie has no event ids: one payment in one status (and refunded amount) is one event.
    const refunded = payment.amountRefunded?.value ?? '0.00';
    const outcome = await processOnce(
      owner,
      app,
      PaymentProvider.MOLLIE,
      { id: `${id}:${payment.status}:${refunded}`, type: payment.status },
      () => {
        const mandate = mollieMethodChange(payment);
        if (!mandate) return mollieOutcome(payment);
        if (Number(refunded) > 0) return undefined; // the verification's own refund: nothing to do
        return {
          kind: 'method-change',
          provider: PaymentProvider.MOLLIE,
          pendingReference: payment.id,
          mandate,
          refundPayment: {
            id: payment.id,
            amountMinor: fromDecimal(payment.amount.value),
            currency: payment.amount.currency,
          },
        };
      },
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

  // PayPal sends the customer back here after they approved a new payment method (a setup token).
  // The token must be the one this subscription is waiting for; PayPal turns it into the vault token.
  router.get(PAYPAL_VAULT_RETURN, async (req, res) => {
    const subscription = typeof req.query.subscription === 'string' ? req.query.subscription : '';
    const token = typeof req.query.approval_token_id === 'string' ? req.query.approval_token_id : '';
    const back = `${app.config.publicUrl ?? ''}/#/subscriptions/${encodeURIComponent(subscription)}/show`;
    if (!app.config.payments.paypal.clientId || !/^[\w-]{1,64}$/.test(token))
      return void res.status(400).send('invalid return');
    try {
      const outcome = await processOnce(
        owner,
        app,
        PaymentProvider.PAYPAL,
        { id: `setup:${token}`, type: 'vault' },
        async () => ({
          kind: 'method-change',
          provider: PaymentProvider.PAYPAL,
          pendingReference: token,
          mandate: await paypalVaultToken(app.config, token),
        }),
      );
      res.redirect(303, `${back}?method=${outcome === 'unmatched' ? 'unknown' : 'updated'}`);
    } catch (error) {
      app.logger.warn({ err: error }, 'PayPal vault return failed');
      res.redirect(303, `${back}?method=failed`);
    }
  });

  return router;
}
