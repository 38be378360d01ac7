// Renewals (P20): when a subscription's period ends, the next period's order is placed at today's
// package price and charged through the payment method the customer let the provider keep (Stripe
// off-session, Mollie recurring, PayPal vault). Without a stored method, or when the charge is
// refused, the customer gets a payment page by e-mail and the subscription is PAST_DUE until that
// order is paid. One renewal order per period (a unique key on subscription and period start), and
// one charge per period (the provider's idempotency key), however often this runs.
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext, useTenant, type AppServices, type RequestContext } from '../../graphql/context';
import { AuditOutcome } from '../audit/audit-event.entity';
import { audit } from '../audit/audit.service';
import { formatMoney } from '../mail/templates';
import { chargeMandate, createOrder, startCheckout } from '../orders/checkout.service';
import { Order, OrderStatus } from '../orders/order.entity';
import { applyProviderOutcome } from '../payments/payment.service';
import { Subscription, SubscriptionStatus } from './subscription.entity';
import { periodEndAfter } from './periods';
import { mailSubscriber } from './subscription.service';

export interface RenewalRun {
  /** Renewal orders placed. */
  placed: number;
  /** Of those, paid at once through the stored method. */
  charged: number;
  /** Subscriptions that could not be renewed now (provider outage…); retried on the next run. */
  failed: number;
}

export async function renewDueSubscriptions(
  em: EntityManager,
  app: AppServices,
  now = new Date(),
): Promise<RenewalRun> {
  const due = await em
    .fork()
    .find(
      Subscription,
      { status: SubscriptionStatus.ACTIVE, nextRenewalAt: { $lte: now } },
      { filters: false, limit: 500, orderBy: { nextRenewalAt: 'asc' } },
    );
  const run: RenewalRun = { placed: 0, charged: 0, failed: 0 };
  for (const { id, tenant } of due) {
    try {
      const result = await em.fork().transactional(async (tx) => {
        const ctx = systemContext(tx, app, 'job:subscriptions.renew');
        await useTenant(ctx, tenant.id);
        return renewOne(ctx, id, now);
      });
      if (result !== 'skipped') run.placed++;
      if (result === 'paid') run.charged++;
    } catch (error) {
      // One subscription's trouble (a provider outage) does not stop the others; nothing was written.
      app.logger.warn({ err: error, subscriptionId: id }, 'renewal failed; retried on the next run');
      run.failed++;
    }
  }
  return run;
}

async function renewOne(
  ctx: RequestContext,
  id: string,
  now: Date,
): Promise<'skipped' | 'paid' | 'pending' | 'past-due'> {
  const subscription = await ctx.em.findOneOrFail(Subscription, id, {
    populate: ['tenant', 'customer', 'servicePackage', 'firstOrder.contact'],
  });
  if (subscription.status !== SubscriptionStatus.ACTIVE || subscription.nextRenewalAt > now) return 'skipped';
  const periodStart = subscription.currentPeriodEnd;
  if (await ctx.em.count(Order, { subscription, periodStart })) return 'skipped';
  const contact = subscription.firstOrder.contact;
  if (!contact) return 'skipped';
  const order = await createOrder(ctx, {
    tenant: subscription.tenant,
    customer: subscription.customer,
    contact,
    email: contact.email,
    pkg: subscription.servicePackage,
    interval: subscription.interval,
    currency: subscription.currency,
    provider: subscription.provider,
    renewal: { subscription, periodStart },
  });
  if (!subscription.providerReference) {
    await askForPayment(ctx, subscription, order, null);
    return 'past-due';
  }
  const status = await chargeRenewal(
    ctx,
    subscription,
    order,
    `renewal-${subscription.id}-${periodStart.toISOString()}`,
  );
  if (status === 'FAILED') {
    await askForPayment(ctx, subscription, order, 'declined');
    return 'past-due';
  }
  return status === 'PAID' ? 'paid' : 'pending';
}

/**
 * Charges a renewal order through the subscription's stored method. PAID is applied at once (the
 * provider's later webhook finds it done); PENDING waits for the webhook; FAILED is for the caller.
 */
export async function chargeRenewal(
  ctx: RequestContext,
  subscription: Subscription,
  order: Order,
  idempotencyKey: string,
): Promise<'PAID' | 'PENDING' | 'FAILED'> {
  const { result } = await chargeMandate(ctx, order, subscription.providerReference!, idempotencyKey);
  await audit(ctx, {
    action: 'subscription.renewal_charge',
    outcome: result.status === 'FAILED' ? AuditOutcome.FAILED : AuditOutcome.ALLOWED,
    entityType: 'Subscription',
    entityId: subscription.id,
    detail: { orderId: order.id, status: result.status, failure: result.failure ?? null },
  });
  if (result.status === 'PAID') {
    await applyProviderOutcome(
      ctx,
      {
        provider: order.provider,
        match: { providerReference: result.reference },
        status: 'PAID',
        amountMinor: result.amountMinor,
        currency: result.currency,
        providerPaymentId: result.providerPaymentId,
        method: result.method,
      },
      order.tenant.id,
    );
  }
  return result.status;
}

/** A renewal charge the provider refused later (its webhook): the customer gets a payment page. */
export async function renewalChargeFailed(ctx: RequestContext, order: Order, reason: string): Promise<void> {
  if (!order.subscription || order.status !== OrderStatus.PENDING_PAYMENT) return;
  const subscription = await ctx.em.findOneOrFail(Subscription, order.subscription.id, {
    populate: ['tenant', 'servicePackage'],
  });
  if (subscription.status === SubscriptionStatus.CANCELLED) return;
  await askForPayment(ctx, subscription, order, reason);
}

/** PAST_DUE, a hosted payment page for the renewal order, and the mail with its link. */
async function askForPayment(
  ctx: RequestContext,
  subscription: Subscription,
  order: Order,
  refusal: string | null,
): Promise<void> {
  await ctx.em.populate(order, ['contact']);
  const contact = order.contact!;
  const { redirectUrl } = await startCheckout(ctx, order, { email: contact.email, name: contact.name });
  subscription.status = SubscriptionStatus.PAST_DUE;
  await ctx.em.flush();
  await mailSubscriber(
    ctx,
    subscription,
    contact,
    refusal ? 'subscription.charge_failed' : 'subscription.renewal_due',
    (language) => ({
      number: order.number,
      total: formatMoney(order.totalMinor, order.currency, language),
      link: redirectUrl,
    }),
  );
  await audit(ctx, {
    action: 'subscription.renewal_due',
    entityType: 'Subscription',
    entityId: subscription.id,
    detail: { orderId: order.id, refusal },
  });
}

/**
 * A paid renewal order moves its subscription on to the period it paid for, and the customer gets
 * the renewal receipt. A renewal paid on a payment page may leave a new stored method (`mandate`).
 */
export async function renewalPaid(
  ctx: RequestContext,
  order: Order,
  mandate?: string,
  /** Issue 19: the renewal's invoice, attached to the mail. */
  invoiceId?: string,
): Promise<void> {
  if (!order.subscription || !order.periodStart) return;
  const subscription = await ctx.em.findOneOrFail(Subscription, order.subscription.id, {
    populate: ['servicePackage', 'tenant'],
  });
  if (subscription.status === SubscriptionStatus.CANCELLED) return;
  subscription.currentPeriodStart = order.periodStart;
  subscription.currentPeriodEnd = periodEndAfter(
    subscription.periodAnchor,
    subscription.interval,
    subscription.tenant.timezone,
    order.periodStart,
  );
  subscription.nextRenewalAt = subscription.currentPeriodEnd;
  subscription.status = SubscriptionStatus.ACTIVE;
  if (mandate) subscription.providerReference = mandate;
  await ctx.em.flush();
  await audit(ctx, {
    action: 'subscription.renewed',
    entityType: 'Subscription',
    entityId: subscription.id,
    detail: { orderId: order.id, until: subscription.currentPeriodEnd },
  });
  await mailSubscriber(
    ctx,
    subscription,
    order.contact,
    'subscription.renewed',
    (language) => ({
      number: order.number,
      total: formatMoney(order.totalMinor, order.currency, language),
      vat: formatMoney(order.vatMinor, order.currency, language),
      until: subscription.currentPeriodEnd.toISOString().slice(0, 10),
    }),
    invoiceId,
  );
}
