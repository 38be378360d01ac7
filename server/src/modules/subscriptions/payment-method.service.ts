// Changing the stored payment method of a subscription (P20): always on the provider's own page
// (Stripe Checkout in setup mode, a Mollie first payment that is refunded at once, a PayPal setup
// token), so no card or account number ever passes through us (P4). The provider's answer is
// matched to the subscription by the reference we kept when the change started, never by anything
// the browser sends. A subscription that was PAST_DUE is charged again with the new method.
import { randomUUID } from 'node:crypto';
import { publicBaseUrl, useTenant, type RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { Order, OrderStatus, PaymentProvider } from '../orders/order.entity';
import { gateway, providerCall, webhookUrl, type CheckoutSession } from '../payments/gateway';
import { METHOD_CHANGE_MINOR } from '../payments/mollie.provider';
import { contactLanguage } from '../customers/contact.entity';
import { refuseForeignEvent } from '../payments/payment.service';
import { chargeRenewal } from './renewal.service';
import { Subscription, SubscriptionStatus } from './subscription.entity';
import { getSubscription, mailSubscriber } from './subscription.service';

export interface MethodChangeOutcome {
  provider: PaymentProvider;
  /** The setup session, first payment or setup token we kept when the change started. */
  pendingReference: string;
  mandate: string;
  /** Mollie: the verification payment to refund once its mandate is kept. */
  refundPayment?: { id: string; amountMinor: number; currency: string };
}

/** PayPal sends the customer back here after approving the setup token. */
export const PAYPAL_VAULT_RETURN = '/payments/paypal/vault-return';

export function startPaymentMethodChange(ctx: RequestContext, id: string): Promise<CheckoutSession> {
  return inTransaction(ctx, async () => {
    const subscription = await getSubscription(ctx, id);
    if (subscription.status === SubscriptionStatus.CANCELLED)
      throw badInput('id', 'This subscription is cancelled; there is nothing to pay with a new method');
    await ctx.em.populate(subscription, ['firstOrder.contact', 'servicePackage', 'tenant']);
    const contact = subscription.firstOrder.contact;
    if (!contact) throw badInput('id', 'This subscription has no contact to pay');
    const base = publicBaseUrl(ctx);
    const back = `${base}/#/subscriptions/${id}/show`;
    const language = contactLanguage(contact);
    const session = await providerCall(ctx, subscription.provider, async () =>
      (await gateway(ctx, subscription.tenant.id, subscription.provider)).startMethodChange({
        subscriptionId: id,
        tenantId: subscription.tenant.id,
        mandate: subscription.providerReference,
        email: contact.email,
        name: contact.name,
        currency: subscription.currency,
        description:
          language === 'en'
            ? `${subscription.tenant.name}: new payment method for ${subscription.servicePackage.nameEn} (refunded)`
            : `${subscription.tenant.name}: nytt betalsätt för ${subscription.servicePackage.nameSv} (återbetalas)`,
        returnUrl:
          subscription.provider === PaymentProvider.PAYPAL
            ? `${base}${PAYPAL_VAULT_RETURN}?subscription=${id}`
            : `${back}?method=updated`,
        cancelUrl: `${back}?method=cancelled`,
        webhookUrl: webhookUrl(base, PaymentProvider.MOLLIE, subscription.tenant.slug),
        idempotencyKey: `method-${id}-${randomUUID()}`,
      }),
    );
    subscription.pendingMethodReference = session.reference;
    await ctx.em.flush();
    await audit(ctx, {
      action: 'subscription.payment_method_change_start',
      entityType: 'Subscription',
      entityId: id,
      detail: { provider: subscription.provider, by: ctx.viewer?.role },
    });
    return session;
  });
}

/** Applies a completed change on the system path; returns what happened, for the webhook ledger. */
export async function applyMethodChange(
  ctx: RequestContext,
  outcome: MethodChangeOutcome,
  agencyId: string,
): Promise<string> {
  const subscription = await ctx.em.findOne(
    Subscription,
    { provider: outcome.provider, pendingMethodReference: outcome.pendingReference },
    { filters: false, populate: ['tenant', 'servicePackage', 'firstOrder.contact'] },
  );
  if (!subscription) return 'unmatched';
  if (subscription.tenant.id !== agencyId) return refuseForeignEvent(ctx, agencyId, outcome.provider, 'Subscription');
  await useTenant(ctx, subscription.tenant.id);
  subscription.providerReference = outcome.mandate;
  subscription.pendingMethodReference = null;
  await ctx.em.flush();
  await audit(ctx, {
    action: 'subscription.payment_method_change',
    entityType: 'Subscription',
    entityId: subscription.id,
    detail: { provider: outcome.provider },
  });
  // A changed payment method is news the customer must be able to object to.
  await mailSubscriber(ctx, subscription, subscription.firstOrder.contact, 'subscription.payment_method_changed');
  if (outcome.refundPayment) {
    const { id, amountMinor, currency } = outcome.refundPayment;
    await (
      await gateway(ctx, subscription.tenant.id, outcome.provider)
    ).refund({
      providerReference: id,
      providerPaymentId: id,
      amountMinor: Math.min(amountMinor, METHOD_CHANGE_MINOR),
      currency,
      reason: 'Payment method verification',
      idempotencyKey: `verification-refund-${id}`,
    });
  }
  if (subscription.status !== SubscriptionStatus.PAST_DUE) return 'method-changed';
  // The renewal that could not be charged is charged again, now, with the new method.
  const unpaid = await ctx.em.findOne(
    Order,
    { subscription, status: OrderStatus.PENDING_PAYMENT },
    { orderBy: { periodStart: 'desc' } },
  );
  if (!unpaid) return 'method-changed';
  const status = await chargeRenewal(
    ctx,
    subscription,
    unpaid,
    `renewal-retry-${unpaid.id}-${outcome.pendingReference}`,
  );
  return `method-changed:${status.toLowerCase()}`;
}
