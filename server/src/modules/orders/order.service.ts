// Orders: staff see the agency's, a customer only their own; staff cancel what is still unpaid.
import { readList } from '../../graphql/sql/reads';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import type { Page, PageInput } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { formatMoney } from '../mail/templates';
import { gateway, providerCall } from '../payments/gateway';
import { Payment, PaymentStatus } from '../payments/payment.entity';
import { mailBuyer } from '../payments/payment.service';
import { Order, OrderStatus } from './order.entity';
import { creditOrderInFull } from '../invoices/invoice.service';

export async function listOrders(
  ctx: RequestContext,
  filter: { status?: OrderStatus; customerId?: string },
  page: PageInput,
): Promise<Page<Order>> {
  return readList(ctx, 'Query.orders', { filter: { ...filter }, page });
}

export async function getOrder(ctx: RequestContext, id: string): Promise<Order> {
  const order = await ctx.em.findOne(Order, { id });
  if (!order) throw notFound('Order');
  return order;
}

/** An order still waiting for payment is cancelled, and its pending payment marked failed; audited. */
export function cancelOrder(ctx: RequestContext, id: string): Promise<Order> {
  return inTransaction(ctx, async () => {
    const order = await getOrder(ctx, id);
    if (order.status !== OrderStatus.PENDING_PAYMENT) {
      throw badInput('id', 'Only an order waiting for payment can be cancelled');
    }
    order.status = OrderStatus.CANCELLED;
    await ctx.em.nativeUpdate(Payment, { order, status: PaymentStatus.PENDING }, { status: PaymentStatus.FAILED });
    await ctx.em.flush();
    await audit(ctx, {
      action: 'order.cancel',
      entityType: 'Order',
      entityId: order.id,
      detail: { number: order.number },
    });
    return order;
  });
}

/**
 * Gives a paid order's money back through its provider (admins; the reason is required), audited,
 * and tells the buyer. The provider's own refund event later finds it done. A provider that refuses
 * or cannot be reached changes nothing here.
 */
export function refundOrder(ctx: RequestContext, id: string, reason: string): Promise<Order> {
  return inTransaction(ctx, async () => {
    const order = await getOrder(ctx, id);
    if (order.status !== OrderStatus.PAID) throw badInput('id', 'Only a paid order can be refunded');
    const payment = await ctx.em.findOne(Payment, { order, status: PaymentStatus.PAID }, { populate: ['tenant'] });
    if (!payment) throw badInput('id', 'This order has no paid payment to refund');
    const refund = await providerCall(ctx, payment.provider, async () =>
      (await gateway(ctx, payment.tenant.id, payment.provider)).refund({
        providerReference: payment.providerReference,
        providerPaymentId: payment.providerPaymentId,
        amountMinor: payment.amountMinor,
        currency: payment.currency,
        reason,
        idempotencyKey: `refund-${payment.id}`,
      }),
    );
    payment.status = PaymentStatus.REFUNDED;
    payment.refundedAt = new Date();
    order.status = OrderStatus.REFUNDED;
    order.refundedAt = payment.refundedAt;
    order.refundReason = reason;
    await ctx.em.flush();
    await creditOrderInFull(ctx, order, reason); // issue 19: every refund has its credit note
    await audit(ctx, {
      action: 'order.refund',
      entityType: 'Order',
      entityId: order.id,
      detail: {
        number: order.number,
        amountMinor: payment.amountMinor,
        provider: payment.provider,
        refund: refund.reference,
        reason,
      },
    });
    await ctx.em.populate(order, ['contact']);
    await mailBuyer(ctx, payment, 'order.refunded', (language) => ({
      total: formatMoney(payment.amountMinor, payment.currency, language),
    }));
    return order;
  });
}
