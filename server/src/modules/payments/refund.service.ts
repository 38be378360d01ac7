// The refunded-amount ledger of a payment (issue 19). Every refund, whether staff give it in Sitecare
// or the provider reports one made elsewhere, is a row in `refunds`, and its order's and payment's
// status follow from the ledger by one rule (`applyRefundedState`). What may still be refunded is
// checked once, here, under a row lock on the payment, so two refunds racing for the last remainder
// cannot both pass; PostgreSQL's CHECK on `payments.refunded_minor` is the wall behind it.
import { LockMode } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { audit } from '../audit/audit.service';
import { creditOrderAmount, creditOrderInFull } from '../invoices/invoice.service';
import { OrderStatus, type Order } from '../orders/order.entity';
import { User } from '../users/user.entity';
import { gateway, providerCall } from './gateway';
import { Payment, PaymentStatus } from './payment.entity';
import { Refund, RefundStatus, type RefundLine } from './refund.entity';

/** The one status rule: all of the payment refunded → REFUNDED; part of it → PARTIALLY_REFUNDED. */
function applyRefundedState(payment: Payment, order: Order, at: Date): void {
  if (payment.refundedMinor >= payment.amountMinor) {
    payment.status = PaymentStatus.REFUNDED;
    payment.refundedAt = at;
    order.status = OrderStatus.REFUNDED;
    order.refundedAt = at;
  } else if (payment.refundedMinor > 0) {
    order.status = OrderStatus.PARTIALLY_REFUNDED;
  }
}

/**
 * Issue 19: every refund that counts (staff's, or one the provider reports) produces its credit note
 * for the order's invoice, in the refund's transaction, once per ledger row: the refunded amount, or
 * all the invoice has left once the payment is refunded in full (so rounding never leaves a remainder).
 * An order without an invoice (paid before invoices existed) has nothing to credit.
 */
export async function onRefunded(ctx: RequestContext, refund: Refund): Promise<void> {
  const { payment, order, reason } = refund; // both loaded and refreshed by `record`
  if (payment.refundedMinor >= payment.amountMinor) await creditOrderInFull(ctx, order, reason);
  else await creditOrderAmount(ctx, order, refund.amountMinor, reason);
}

/** The paid payment of an order, locked for this transaction, as the database has it now. */
export async function lockPaidPayment(ctx: RequestContext, order: Order): Promise<Payment | null> {
  return ctx.em.findOne(
    Payment,
    { order, status: PaymentStatus.PAID },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, populate: ['tenant'] },
  );
}

export interface RefundRequest {
  amountMinor: number;
  reason: string;
  lines: RefundLine[] | null;
}

/**
 * Gives `amountMinor` of a locked, paid payment back through its provider and records it in the
 * ledger (staff, in the request's transaction). More than the remainder is refused, naming `amount`.
 * A provider that refuses or cannot be reached changes nothing (the transaction rolls back).
 */
export async function refundPayment(
  ctx: RequestContext,
  payment: Payment,
  order: Order,
  request: RefundRequest,
): Promise<Refund> {
  const remaining = payment.amountMinor - payment.refundedMinor;
  if (!Number.isInteger(request.amountMinor) || request.amountMinor <= 0)
    throw badInput('amount', 'A refund is a positive whole amount in minor units');
  if (request.amountMinor > remaining)
    throw badInput('amount', `At most ${remaining} (minor units) is left to refund of this payment`);
  // Under the lock the ledger is what it is: the same request retried asks the provider with the same key.
  const idempotencyKey = `refund-${payment.id}-${payment.refundedMinor}-${request.amountMinor}`;
  const result = await providerCall(ctx, payment.provider, async () =>
    (await gateway(ctx, payment.tenant.id, payment.provider)).refund({
      providerReference: payment.providerReference,
      providerPaymentId: payment.providerPaymentId,
      amountMinor: request.amountMinor,
      currency: payment.currency,
      reason: request.reason,
      idempotencyKey,
    }),
  );
  return record(ctx, payment, order, {
    amountMinor: request.amountMinor,
    reason: request.reason,
    lines: request.lines,
    idempotencyKey,
    providerRefundId: result.reference,
    status: result.status === 'SUCCEEDED' ? RefundStatus.SUCCEEDED : RefundStatus.PENDING,
  });
}

/**
 * A refund the provider reports (webhook) bringing its total for the payment to `totalMinor`: what
 * the ledger does not hold yet (a refund made on the provider's own dashboard) is added to it. Our
 * own refunds come back this way too, already counted: then nothing changes.
 */
export async function recordProviderRefund(
  ctx: RequestContext,
  payment: Payment,
  totalMinor: number,
): Promise<'known' | 'partial' | 'full'> {
  await ctx.em.refresh(payment, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const total = Math.min(totalMinor, payment.amountMinor);
  if (total <= payment.refundedMinor) return 'known';
  const refund = await record(ctx, payment, payment.order, {
    amountMinor: total - payment.refundedMinor,
    reason: 'Refunded at the provider',
    lines: null,
    idempotencyKey: `provider-${total}`,
    providerRefundId: null,
    status: RefundStatus.SUCCEEDED,
  });
  await audit(ctx, {
    action: 'payment.refunded',
    entityType: 'Payment',
    entityId: payment.id,
    detail: { orderId: payment.order.id, refundId: refund.id, amountMinor: refund.amountMinor, totalMinor: total },
  });
  return payment.status === PaymentStatus.REFUNDED ? 'full' : 'partial';
}

async function record(
  ctx: RequestContext,
  payment: Payment,
  order: Order,
  fields: Pick<Refund, 'amountMinor' | 'reason' | 'lines' | 'idempotencyKey' | 'providerRefundId' | 'status'>,
): Promise<Refund> {
  const refund = ctx.em.create(Refund, {
    tenant: payment.tenant,
    payment,
    order,
    currency: payment.currency,
    createdBy: ctx.viewer ? ctx.em.getReference(User, ctx.viewer.userId) : null,
    ...fields,
  });
  await ctx.em.flush();
  // PostgreSQL added the refund to the payment's and the order's refunded amounts (and checked them).
  await ctx.em.refresh(payment);
  await ctx.em.refresh(order);
  applyRefundedState(payment, order, refund.createdAt);
  await ctx.em.flush();
  await onRefunded(ctx, refund);
  return refund;
}
