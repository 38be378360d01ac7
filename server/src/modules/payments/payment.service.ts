// What a verified provider event does to our payments and orders. Transitions only move forward
// (PENDING → PAID → REFUNDED; PENDING → FAILED), so duplicates and late, out-of-order events change
// nothing once a later state is reached (S21). Amount and currency must match our records (S22).
import type { SupportedLanguage } from '@sitecare/schema';
import { contactLanguage } from '../customers/contact.entity';
import { useTenant, type RequestContext } from '../../graphql/context';
import { AuditOutcome } from '../audit/audit-event.entity';
import { audit } from '../audit/audit.service';
import { sendInvitation } from '../auth/auth.service';
import { enqueueMail } from '../mail/outbox.service';
import { formatMoney, type MailTemplate } from '../mail/templates';
import { OrderStatus, type PaymentProvider } from '../orders/order.entity';
import { markOrderPaid } from '../invoices/invoice.service';
import { InvoicePaidVia } from '../invoices/invoice.entity';
import { User, UserStatus } from '../users/user.entity';
import { gateway } from './gateway';
import type { ProviderOutcome } from './provider.types';
import { paymentEvent } from './payment.events';

export type { ProviderOutcome } from './provider.types';
import { Payment, PaymentStatus } from './payment.entity';
import { recordProviderRefund } from './refund.service';

/**
 * S32: an event that came through agency `agencyId`'s URL (verified with its account) but names a
 * payment or subscription that agency does not own changes nothing; it is recorded as refused in the
 * ledger and in that agency's audit. Used by every webhook outcome (payments and method changes).
 */
export async function refuseForeignEvent(
  ctx: RequestContext,
  agencyId: string,
  provider: PaymentProvider,
  entityType: string,
): Promise<string> {
  await useTenant(ctx, agencyId);
  await audit(ctx, {
    action: 'payment.webhook_refused',
    outcome: AuditOutcome.DENIED,
    entityType,
    detail: { provider, reason: 'not this agency' },
  });
  return 'refused:other-agency';
}

/** Applies one outcome on the system path (owner connection); returns what happened, for the ledger. */
export async function applyProviderOutcome(
  ctx: RequestContext,
  outcome: ProviderOutcome,
  agencyId: string,
): Promise<string> {
  const payment = await ctx.em.findOne(
    Payment,
    { provider: outcome.provider, ...outcome.match },
    { filters: false, populate: ['order', 'order.customer', 'order.contact', 'order.lines', 'tenant'] },
  );
  if (!payment) return 'unmatched';
  if (payment.tenant.id !== agencyId) return refuseForeignEvent(ctx, agencyId, outcome.provider, 'Payment');
  await useTenant(ctx, payment.tenant.id);
  const order = payment.order;

  if (outcome.status === 'PAID') {
    if (payment.status !== PaymentStatus.PENDING && payment.status !== PaymentStatus.FAILED)
      return `stale:${payment.status}`;
    if (outcome.amountMinor !== payment.amountMinor || outcome.currency?.toUpperCase() !== payment.currency) {
      await audit(ctx, {
        action: 'payment.mismatch',
        outcome: AuditOutcome.FAILED,
        entityType: 'Payment',
        entityId: payment.id,
        detail: { expected: [payment.amountMinor, payment.currency], got: [outcome.amountMinor, outcome.currency] },
      });
      return 'amount-mismatch';
    }
    payment.status = PaymentStatus.PAID;
    payment.paidAt = new Date();
    payment.providerPaymentId = outcome.providerPaymentId ?? payment.providerPaymentId;
    payment.method = outcome.method ?? payment.method;
    if (order.status !== OrderStatus.PENDING_PAYMENT) return refundUnwanted(ctx, payment);
    // Issue 19: the one place an order becomes paid; it issues the invoice (or marks its open invoice
    // paid) in this transaction, and the order's other payment pages can no longer be used.
    const invoice = await markOrderPaid(ctx, order, payment.paidAt, InvoicePaidVia.PROVIDER, payment.id);
    await audit(ctx, {
      action: 'payment.paid',
      entityType: 'Payment',
      entityId: payment.id,
      detail: { orderId: order.id, method: payment.method },
    });
    if (order.subscription) {
      await paymentEvent('renewalPaid', ctx, order, outcome.mandate, invoice.id); // it moves its subscription on, and says so
    } else {
      await sendReceipt(ctx, payment, invoice.id);
      await paymentEvent('orderPaid', ctx, order, outcome.mandate); // P20: a subscription, when the buyer agreed to recurring charges
    }
    return 'paid';
  }
  if (outcome.status === 'FAILED' || outcome.status === 'EXPIRED') {
    if (payment.status !== PaymentStatus.PENDING) return `stale:${payment.status}`;
    payment.status = PaymentStatus.FAILED;
    // Issue 25: a failed payment says why (the order page and the "payment failed" filter show it).
    payment.failureReason = outcome.failure ?? (outcome.status === 'EXPIRED' ? 'expired' : 'declined');
    if (outcome.status === 'EXPIRED') order.status = OrderStatus.CANCELLED;
    await ctx.em.flush();
    await audit(ctx, {
      action: 'payment.failed',
      entityType: 'Payment',
      entityId: payment.id,
      detail: { reason: outcome.status },
    });
    // A refused renewal charge: the customer gets a payment page instead.
    if (payment.viaMandate) await paymentEvent('storedChargeRefused', ctx, order, 'declined');
    // An abandoned checkout (expired) is not news to the buyer; a refused payment is.
    else if (outcome.status === 'FAILED') await mailBuyer(ctx, payment, 'order.payment_failed', () => ({}));
    return 'failed';
  }
  if (payment.status !== PaymentStatus.PAID) return `stale:${payment.status}`;
  // The provider's total so far goes into the ledger (without one: all of it), which sets the status.
  const recorded = await recordProviderRefund(ctx, payment, outcome.refundedMinor ?? payment.amountMinor);
  return recorded === 'full' ? 'refunded' : `refunded:${recorded}`;
}

/**
 * Money for an order that no longer waits for it (paid through another payment, or cancelled): it
 * goes back at once through the provider, audited. Throws if the provider refuses, so the event is
 * retried rather than recorded.
 */
async function refundUnwanted(ctx: RequestContext, payment: Payment): Promise<string> {
  await ctx.em.flush();
  await (
    await gateway(ctx, payment.tenant.id, payment.provider)
  ).refund({
    providerReference: payment.providerReference,
    providerPaymentId: payment.providerPaymentId,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    reason: 'Paid twice',
    idempotencyKey: `unwanted-${payment.id}`,
  });
  payment.status = PaymentStatus.REFUNDED;
  payment.refundedAt = new Date();
  await ctx.em.flush();
  await audit(ctx, {
    action: 'payment.unwanted_refund',
    entityType: 'Payment',
    entityId: payment.id,
    detail: { orderId: payment.order.id, orderStatus: payment.order.status },
  });
  return 'refunded:unwanted';
}

/** Mail to the order's contact in their language, with the agency, their name and the order number. */
export async function mailBuyer(
  ctx: RequestContext,
  payment: Payment,
  template: MailTemplate,
  details: (language: SupportedLanguage) => Record<string, unknown>,
  /** Issue 19: the invoice whose PDF the mail attaches. */
  invoiceId?: string,
): Promise<void> {
  const { order, tenant } = payment;
  const contact = order.contact;
  if (!contact) return;
  const language = contactLanguage(contact);
  await enqueueMail(ctx, {
    tenantId: tenant.id,
    to: contact.email,
    template,
    language,
    payload: { agency: tenant.name, name: contact.name, number: order.number, ...details(language) },
    invoiceId,
  });
}

/** P15: the receipt, and for a first purchase (P16) the invitation to the new profile. */
async function sendReceipt(ctx: RequestContext, payment: Payment, invoiceId: string): Promise<void> {
  const { order } = payment;
  const contact = order.contact;
  if (!contact) return;
  await mailBuyer(
    ctx,
    payment,
    'order.receipt',
    (language) => ({
      lines: order.lines
        .getItems()
        .map((l) => `${l.description}: ${formatMoney(l.totalMinor, order.currency, language)}`)
        .join('\n'),
      total: formatMoney(order.totalMinor, order.currency, language),
      vat: formatMoney(order.vatMinor, order.currency, language),
    }),
    invoiceId,
  );
  const login = await ctx.em.findOne(
    User,
    { contact, status: UserStatus.INVITED, passwordHash: null },
    { populate: ['tenant'] },
  );
  if (login) await sendInvitation(ctx, login);
}
