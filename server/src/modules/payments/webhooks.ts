// Provider webhooks: verified first (400 otherwise), recorded once in the ledger, applied in the same
// transaction as the ledger row, so an event changes state exactly once (S21). The system path: the
// owner's connection, audited as SYSTEM. Issue 17 (S32): each agency has its own URLs,
// `/webhooks/<provider>/<agency-slug>`, verified with that agency's account only, and an event acts
// only on that agency's payments (anything else is recorded as refused and changes nothing). The old
// URLs without a slug are the single-agency fallback: they answer only while the installation has one agency.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { systemContext, type AppServices } from '../../graphql/context';
import { Tenant } from '../tenants/tenant.entity';
import { Subscription } from '../subscriptions/subscription.entity';
import { paymentAccount, singleAgency, type AccountOf } from './accounts';
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
  /** The agency whose URL (and account) the event came through: it acts on this agency's rows only. */
  agencyId: string,
  provider: PaymentProvider,
  event: { id: string; type: string },
  /** Evaluated only for an event not seen before (it may call the provider, e.g. to capture). */
  outcome: () => Outcome | undefined | Promise<Outcome | undefined>,
): Promise<string> {
  return orm.em.fork().transactional(async (em) => {
    const ctx = systemContext(em, app, `webhook:${provider.toLowerCase()}`);
    const inserted = await ctx.em.execute<{ id: string }[]>(
      `insert into webhook_events (id, created_at, updated_at, tenant_id, provider, event_id, type)
       values (?, now(), now(), ?, ?, ?, ?) on conflict (tenant_id, provider, event_id) do nothing returning id`,
      [randomUUID(), agencyId, provider, event.id, event.type],
    );
    if (!inserted.length) return 'duplicate';
    const resolved = await outcome();
    const result = !resolved
      ? 'ignored'
      : 'kind' in resolved
        ? await applyMethodChange(ctx, resolved, agencyId)
        : await applyProviderOutcome(ctx, resolved, agencyId);
    await ctx.em.execute('update webhook_events set processed_at = now(), outcome = ? where tenant_id = ? and id = ?', [
      result,
      agencyId,
      inserted[0].id,
    ]);
    return result;
  });
}

/** What a Stripe event means for us; undefined for events we do not act on. */
export async function stripeOutcome(account: AccountOf['STRIPE'], event: Stripe.Event): Promise<Outcome | undefined> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      if (session.mode === 'setup') {
        const mandate = await stripeMandateOf(account, session);
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
        mandate: await stripeMandateOf(account, session),
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
    case 'payment_intent.payment_failed': {
      // Issue 25: the provider's reason (a decline code such as insufficient_funds) stays on the payment.
      const error = event.data.object.last_payment_error;
      return {
        provider: PaymentProvider.STRIPE,
        match: { providerReference: event.data.object.id },
        status: 'FAILED',
        failure: error?.decline_code ?? error?.code ?? 'card_declined',
      };
    }
    case 'checkout.session.async_payment_failed':
      return {
        provider: PaymentProvider.STRIPE,
        match: { providerReference: event.data.object.id },
        status: 'FAILED',
        failure: 'async_payment_failed',
      };
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
        ? {
            provider: PaymentProvider.STRIPE,
            match: { providerPaymentId: id },
            status: 'REFUNDED',
            refundedMinor: event.data.object.amount_refunded,
          }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** The agency a webhook URL names; without a slug, the only agency of a single-agency installation. */
async function agencyOf(orm: MikroORM, slug: string | undefined): Promise<{ id: string; slug: string } | undefined> {
  const em = orm.em.fork();
  if (slug !== undefined) {
    const tenant = await em.findOne(Tenant, { slug }, { filters: false, fields: ['id', 'slug'] });
    return tenant ? { id: tenant.id, slug: tenant.slug } : undefined;
  }
  if (!(await singleAgency(em))) return undefined;
  const [only] = await em.find(Tenant, {}, { filters: false, fields: ['id', 'slug'], limit: 1 });
  return only ? { id: only.id, slug: only.slug } : undefined;
}

/** The agency of the URL and its account for `provider`; answers 404 itself (and returns undefined) otherwise. */
async function accountFor<P extends PaymentProvider>(
  owner: MikroORM,
  app: AppServices,
  req: express.Request,
  res: express.Response,
  provider: P,
): Promise<{ agency: { id: string; slug: string }; account: AccountOf[P] } | undefined> {
  const slug = typeof req.params.agency === 'string' ? req.params.agency.slice(0, 100) : undefined;
  const agency = await agencyOf(owner, slug);
  if (!agency) {
    res
      .status(404)
      .json({ error: slug === undefined ? 'name the agency: /webhooks/<provider>/<agency>' : 'unknown agency' });
    return undefined;
  }
  const account = await paymentAccount(owner.em.fork(), app, agency.id, provider);
  if (!account) {
    res.status(404).json({ error: `${provider.toLowerCase()} is not connected for this agency` });
    return undefined;
  }
  return { agency, account };
}

export function webhookRouter(owner: MikroORM, app: AppServices): Router {
  const router = express.Router();

  // Stripe signs the exact bytes it sent: the raw body, never a re-serialised one. The signature must
  // be made with this agency's signing secret: another agency's event does not verify here.
  router.post(
    ['/webhooks/stripe', '/webhooks/stripe/:agency'],
    express.raw({ type: '*/*', limit: '512kb' }),
    async (req, res) => {
      const found = await accountFor(owner, app, req, res, PaymentProvider.STRIPE);
      if (!found) return;
      const { agency, account } = found;
      if (!account.webhookSecret) return void res.status(404).json({ error: 'stripe webhooks are not set up' });
      let event: Stripe.Event;
      try {
        event = stripeClient(account).webhooks.constructEvent(
          req.body as Buffer,
          req.header('stripe-signature') ?? '',
          account.webhookSecret,
          300,
        );
      } catch {
        return void res.status(400).json({ error: 'invalid signature' });
      }
      const outcome = await processOnce(owner, app, agency.id, PaymentProvider.STRIPE, event, () =>
        stripeOutcome(account, event),
      );
      res.json({ received: true, outcome });
    },
  );

  // Mollie posts only `id=tr_…`: we ask Mollie, with this agency's key, for the payment and act on what
  // it says. Another agency's payment id is unknown to this agency's account.
  router.post(
    ['/webhooks/mollie', '/webhooks/mollie/:agency'],
    express.urlencoded({ extended: false, limit: '8kb' }),
    async (req, res) => {
      const found = await accountFor(owner, app, req, res, PaymentProvider.MOLLIE);
      if (!found) return;
      const { agency, account } = found;
      const id = typeof req.body?.id === 'string' ? req.body.id : '';
      if (!/^tr_\w{4,64}$/.test(id)) return void res.status(400).json({ error: 'invalid id' });
      let payment;
      try {
        payment = await mollieClient(account).payments.get(id);
      } catch {
        // Unknown to this account (a forged id): nothing to do. Mollie itself retries on non-2xx, so answer 200.
        return void res.json({ received: true, outcome: 'unknown' });
      }
      // Mollie has no event ids: one payment in one status (and refunded amount) is one event.
      const refunded = payment.amountRefunded?.value ?? '0.00';
      const outcome = await processOnce(
        owner,
        app,
        agency.id,
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
    },
  );

  // PayPal: counts only after PayPal's verification endpoint, asked with this agency's credentials and
  // webhook id, says SUCCESS for this exact delivery.
  router.post(['/webhooks/paypal', '/webhooks/paypal/:agency'], express.json({ limit: '512kb' }), async (req, res) => {
    const found = await accountFor(owner, app, req, res, PaymentProvider.PAYPAL);
    if (!found) return;
    const { agency, account } = found;
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
    if (!(await verifyPayPalWebhook(account, headers, event).catch(() => false))) {
      return void res.status(400).json({ error: 'verification failed' });
    }
    const outcome = await processOnce(
      owner,
      app,
      agency.id,
      PaymentProvider.PAYPAL,
      { id: event.id, type: event.event_type },
      () => paypalOutcome(account, event),
    );
    res.json({ received: true, outcome });
  });

  // PayPal sends the customer back here after they approved a new payment method (a setup token).
  // The token must be the one this subscription is waiting for; PayPal turns it into the vault token,
  // asked with the account of the subscription's agency.
  router.get(PAYPAL_VAULT_RETURN, async (req, res) => {
    const subscriptionId = typeof req.query.subscription === 'string' ? req.query.subscription : '';
    const token = typeof req.query.approval_token_id === 'string' ? req.query.approval_token_id : '';
    const back = `${app.config.publicUrl ?? ''}/#/subscriptions/${encodeURIComponent(subscriptionId)}/show`;
    if (!/^[\w-]{1,64}$/.test(token) || !/^[0-9a-f-]{36}$/i.test(subscriptionId))
      return void res.status(400).send('invalid return');
    const subscription = await owner.em
      .fork()
      .findOne(Subscription, subscriptionId, { filters: false, fields: ['id', 'tenant'] });
    const account = subscription
      ? await paymentAccount(owner.em.fork(), app, subscription.tenant.id, PaymentProvider.PAYPAL)
      : undefined;
    if (!subscription || !account) return void res.status(400).send('invalid return');
    try {
      const outcome = await processOnce(
        owner,
        app,
        subscription.tenant.id,
        PaymentProvider.PAYPAL,
        { id: `setup:${token}`, type: 'vault' },
        async () => ({
          kind: 'method-change',
          provider: PaymentProvider.PAYPAL,
          pendingReference: token,
          mandate: await paypalVaultToken(account, token),
        }),
      );
      res.redirect(
        303,
        `${back}?method=${outcome === 'unmatched' || outcome.startsWith('refused') ? 'unknown' : 'updated'}`,
      );
    } catch (error) {
      app.logger.warn({ err: error }, 'PayPal vault return failed');
      res.redirect(303, `${back}?method=failed`);
    }
  });

  return router;
}
