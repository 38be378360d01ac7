// Renewals (P20): when a subscription's period ends, the next period's order is placed at today's
// package price. Until providers' mandates are wired in, the customer gets a payment link by e-mail
// and the subscription is PAST_DUE until that order is paid; then the period moves on. One renewal
// order per period (a unique key on subscription and period start), however often this runs.
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext, useTenant, type AppServices, type RequestContext } from '../../graphql/context';
import { audit } from '../audit/audit.service';
import { enqueueMail } from '../mail/outbox.service';
import { formatMoney } from '../mail/templates';
import { placeOrder } from '../orders/checkout.service';
import { Order } from '../orders/order.entity';
import { Subscription, SubscriptionStatus } from './subscription.entity';
import { periodEnd } from './subscription.service';

export async function renewDueSubscriptions(em: EntityManager, app: AppServices, now = new Date()): Promise<number> {
  const due = await em
    .fork()
    .find(
      Subscription,
      { status: SubscriptionStatus.ACTIVE, nextRenewalAt: { $lte: now } },
      { filters: false, limit: 500, orderBy: { nextRenewalAt: 'asc' } },
    );
  let placed = 0;
  for (const { id, tenant } of due) {
    const done = await em.fork().transactional(async (tx) => {
      const ctx = systemContext(tx, app, 'job:subscriptions.renew');
      await useTenant(ctx, tenant.id);
      return renewOne(ctx, id, now);
    });
    if (done) placed++;
  }
  return placed;
}

async function renewOne(ctx: RequestContext, id: string, now: Date): Promise<boolean> {
  const subscription = await ctx.em.findOneOrFail(Subscription, id, {
    populate: ['tenant', 'customer', 'servicePackage', 'firstOrder.contact'],
  });
  if (subscription.status !== SubscriptionStatus.ACTIVE || subscription.nextRenewalAt > now) return false;
  const periodStart = subscription.currentPeriodEnd;
  if (await ctx.em.count(Order, { subscription, periodStart })) return false;
  const contact = subscription.firstOrder.contact;
  if (!contact) return false;
  const { order, redirectUrl } = await placeOrder(ctx, {
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
  subscription.status = SubscriptionStatus.PAST_DUE;
  await ctx.em.flush();
  const language = contact.preferredLanguage === 'en' ? 'en' : 'sv';
  await enqueueMail(ctx, {
    tenantId: subscription.tenant.id,
    to: contact.email,
    template: 'subscription.renewal_due',
    language,
    payload: {
      agency: subscription.tenant.name,
      name: contact.name,
      number: order.number,
      package: language === 'en' ? subscription.servicePackage.nameEn : subscription.servicePackage.nameSv,
      total: formatMoney(order.totalMinor, order.currency, language),
      link: redirectUrl,
    },
  });
  await audit(ctx, {
    action: 'subscription.renewal_due',
    entityType: 'Subscription',
    entityId: id,
    detail: { orderId: order.id },
  });
  return true;
}

/** A paid renewal order moves its subscription on to the period it paid for. */
export async function renewalPaid(ctx: RequestContext, order: Order): Promise<void> {
  if (!order.subscription || !order.periodStart) return;
  const subscription = await ctx.em.findOneOrFail(Subscription, order.subscription.id, {
    populate: ['servicePackage'],
  });
  if (subscription.status === SubscriptionStatus.CANCELLED) return;
  subscription.currentPeriodStart = order.periodStart;
  subscription.currentPeriodEnd = periodEnd(order.periodStart, subscription.interval);
  subscription.nextRenewalAt = subscription.currentPeriodEnd;
  subscription.status = SubscriptionStatus.ACTIVE;
  await ctx.em.flush();
  await audit(ctx, {
    action: 'subscription.renewed',
    entityType: 'Subscription',
    entityId: subscription.id,
    detail: { orderId: order.id, until: subscription.currentPeriodEnd },
  });
}
