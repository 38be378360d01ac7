// Subscriptions (P20): started by the first paid order whose buyer agreed to recurring charges (the
// consent and its proof are kept on the subscription); cancelled by the customer or staff, audited.
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import type { SupportedLanguage } from '@sitecare/schema';
import type { Contact } from '../customers/contact.entity';
import { enqueueMail } from '../mail/outbox.service';
import type { MailTemplate } from '../mail/templates';
import type { Order } from '../orders/order.entity';
import { contactLanguage } from '../customers/contact.entity';
import { nthPeriodEnd } from './periods';
import { Subscription, SubscriptionStatus } from './subscription.entity';

/** Called when an order is paid: its recurring consent (if any) becomes a subscription, once. */
export async function startSubscriptionFor(
  ctx: RequestContext,
  order: Order,
  /** The payment method the provider kept for renewals. */
  mandate?: string,
): Promise<Subscription | undefined> {
  if (!order.recurringConsentText || (await ctx.em.count(Subscription, { firstOrder: order }))) return undefined;
  const line = order.lines.getItems()[0];
  if (!line?.servicePackage) return undefined;
  const start = order.paidAt ?? new Date();
  await ctx.em.populate(order, ['tenant']);
  const end = nthPeriodEnd(start, line.interval, order.tenant.timezone, 1);
  const subscription = ctx.em.create(Subscription, {
    tenant: order.tenant,
    customer: order.customer,
    site: order.site,
    servicePackage: line.servicePackage,
    firstOrder: order,
    interval: line.interval,
    currency: order.currency,
    provider: order.provider,
    providerReference: mandate ?? null,
    periodAnchor: start,
    currentPeriodStart: start,
    currentPeriodEnd: end,
    nextRenewalAt: end,
    recurringConsent: {
      givenAt: order.createdAt,
      wording: order.recurringConsentText,
      ip: order.ip,
      userAgent: order.userAgent,
    },
  });
  await ctx.em.flush();
  await audit(ctx, {
    action: 'subscription.start',
    entityType: 'Subscription',
    entityId: subscription.id,
    detail: { orderId: order.id, paymentMethodOnFile: !!mandate },
  });
  return subscription;
}

/**
 * Mail about a subscription to its contact, in their language, with the agency, their name and the
 * package (tenant and servicePackage must be loaded); `details` adds what the template needs.
 */
export async function mailSubscriber(
  ctx: RequestContext,
  subscription: Subscription,
  contact: Contact | null,
  template: MailTemplate,
  details: (language: SupportedLanguage) => Record<string, unknown> = () => ({}),
  /** Issue 19: the invoice whose PDF the mail attaches. */
  invoiceId?: string,
): Promise<void> {
  if (!contact) return;
  const language = contactLanguage(contact);
  const { tenant, servicePackage } = subscription;
  await enqueueMail(ctx, {
    tenantId: tenant.id,
    to: contact.email,
    template,
    language,
    payload: {
      agency: tenant.name,
      name: contact.name,
      package: language === 'en' ? servicePackage.nameEn : servicePackage.nameSv,
      ...details(language),
    },
    invoiceId,
  });
}

export async function getSubscription(ctx: RequestContext, id: string): Promise<Subscription> {
  const found = await ctx.em.findOne(Subscription, { id });
  if (!found) throw notFound('Subscription');
  return found;
}

/** Stops renewals: the period already paid runs to its end. The customer is told by e-mail. */
export function cancelSubscription(ctx: RequestContext, id: string, reason: string | undefined): Promise<Subscription> {
  return inTransaction(ctx, async () => {
    const subscription = await getSubscription(ctx, id);
    if (subscription.status === SubscriptionStatus.CANCELLED)
      throw badInput('id', 'This subscription is already cancelled');
    subscription.status = SubscriptionStatus.CANCELLED;
    subscription.cancelledAt = new Date();
    subscription.cancelReason = reason?.trim() || null;
    await ctx.em.flush();
    await audit(ctx, {
      action: 'subscription.cancel',
      entityType: 'Subscription',
      entityId: id,
      detail: { by: ctx.viewer?.role },
    });
    await ctx.em.populate(subscription, ['firstOrder.contact', 'servicePackage', 'tenant']);
    await mailSubscriber(ctx, subscription, subscription.firstOrder.contact, 'subscription.cancelled', () => ({
      until: subscription.currentPeriodEnd.toISOString().slice(0, 10),
    }));
    return subscription;
  });
}
