// Orders: staff see the agency's, a customer only their own; staff and the buyer cancel what is still unpaid.
import { readList, readOne } from '../../graphql/sql/reads';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import type { Page, PageInput } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { formatMoney } from '../mail/templates';
import { Payment, PaymentStatus } from '../payments/payment.entity';
import { mailBuyer } from '../payments/payment.service';
import { Refund, RefundStatus } from '../payments/refund.entity';
import { lockPaidPayment, refundPayment } from '../payments/refund.service';
import { Subscription, SubscriptionStatus } from '../subscriptions/subscription.entity';
import { cancelSubscription } from '../subscriptions/subscription.service';
import { User } from '../users/user.entity';
import { startCheckout } from './checkout.service';
import { Order, OrderStatus } from './order.entity';
import { awaitsOrderPaymentSql } from './order.sql';

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

/**
 * Issue 25: "Pay now": the provider's payment page for an order still waiting for payment, started
 * as every checkout is (`startCheckout`: a new pending payment on the order). Audited.
 */
export function payOrder(ctx: RequestContext, id: string): Promise<string> {
  return inTransaction(ctx, async () => {
    const order = await getOrder(ctx, id);
    if (!(await lockAwaitingPayment(ctx, id)))
      throw badInput(
        'id',
        'Only an order waiting for payment, without an open invoice (pay the invoice instead), can be paid here',
        'orderNotPayable',
      );
    await ctx.em.populate(order, ['contact', 'tenant']);
    const buyer = order.contact ?? (await ctx.em.findOneOrFail(User, ctx.viewer!.userId));
    const { redirectUrl } = await startCheckout(ctx, order, { email: buyer.email, name: buyer.name });
    await audit(ctx, { action: 'order.payment_start', entityType: 'Order', entityId: order.id });
    return redirectUrl;
  });
}

/** Whether order `id` waits for payment at the order level (the one rule, awaitsOrderPaymentSql), locked for this transaction. */
async function lockAwaitingPayment(ctx: RequestContext, id: string): Promise<boolean> {
  const rows = await ctx.em.execute<{ ok: boolean }[]>(
    `select ${awaitsOrderPaymentSql('o')} as ok from orders o where o.id = ? for update`,
    [id],
  );
  return rows[0]?.ok === true;
}

/** An order still waiting for payment is cancelled, and its pending payment marked failed; audited. */
export function cancelOrder(ctx: RequestContext, id: string): Promise<Order> {
  return inTransaction(ctx, async () => {
    const order = await getOrder(ctx, id);
    if (!(await lockAwaitingPayment(ctx, id))) {
      throw badInput(
        'id',
        'Only an order waiting for payment, without an open invoice, can be cancelled',
        'orderNotCancellable',
      );
    }
    order.status = OrderStatus.CANCELLED;
    await ctx.em.nativeUpdate(
      Payment,
      { order, status: PaymentStatus.PENDING },
      { status: PaymentStatus.FAILED, failureReason: 'cancelled' }, // cancelled, not a refused payment
    );
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

export interface RefundOrderInput {
  reason: string;
  /** Minor units; without it (and without lines) everything still refundable. */
  amountMinor?: number;
  /** Refund by line: the lines' price with the order's VAT rate. */
  lines?: { orderLineId: string; quantity: number }[];
  /** For the order of a subscription: cancel the subscription too (the refund dialog asks). */
  cancelSubscription?: boolean;
}

/** What a refund of these lines comes to, with the order's VAT; checked against what the lines have left. */
async function linesAmount(ctx: RequestContext, order: Order, lines: NonNullable<RefundOrderInput['lines']>) {
  await ctx.em.populate(order, ['lines']);
  const earlier = await ctx.em.find(Refund, { order, status: { $ne: RefundStatus.FAILED } });
  const refundedQuantity = (lineId: string) =>
    earlier.flatMap((r) => r.lines ?? []).reduce((n, l) => n + (l.orderLineId === lineId ? l.quantity : 0), 0);
  let net = 0;
  let allLinesDone = true;
  const asked = new Map<string, number>();
  for (const { orderLineId, quantity } of lines) asked.set(orderLineId, (asked.get(orderLineId) ?? 0) + quantity);
  for (const [orderLineId, quantity] of asked) {
    const line = order.lines.getItems().find((l) => l.id === orderLineId);
    if (!line) throw badInput('lines', `Order line ${orderLineId} is not on this order`);
    if (!Number.isInteger(quantity) || quantity < 1) throw badInput('lines', 'Refund at least one of a line');
    const left = line.quantity - refundedQuantity(orderLineId);
    if (quantity > left) throw badInput('lines', `At most ${left} of "${line.description}" is left to refund`);
    net += quantity * line.unitPriceMinor;
  }
  for (const line of order.lines.getItems())
    if ((asked.get(line.id) ?? 0) + refundedQuantity(line.id) < line.quantity) allLinesDone = false;
  return { amount: net + Math.round((net * order.vatRateBasisPoints) / 10_000), allLinesDone };
}

/**
 * Gives a paid order's money back through its provider, all of it or a part (by amount or by line;
 * admins; the reason is required), records it in the payment's refund ledger, audits it and tells
 * the buyer. The provider's own refund event later finds it done. A provider that refuses or cannot
 * be reached changes nothing here. For a subscription's order, `cancelSubscription` cancels it too.
 */
export function refundOrder(ctx: RequestContext, id: string, input: RefundOrderInput): Promise<Order> {
  return inTransaction(ctx, async () => {
    const order = await getOrder(ctx, id);
    if (input.amountMinor !== undefined && input.lines?.length)
      throw badInput('amount', 'Refund either an amount or lines, not both');
    if (order.status !== OrderStatus.PAID && order.status !== OrderStatus.PARTIALLY_REFUNDED)
      throw badInput('id', 'Only a paid order can be refunded');
    // The one place the remainder is decided: the payment's row is locked until this transaction ends.
    const payment = await lockPaidPayment(ctx, order);
    if (!payment) throw badInput('id', 'This order has no paid payment to refund');
    // Asked to end the order's subscription too: there must be one (before any money moves).
    const subscription = input.cancelSubscription ? await subscriptionOf(ctx, order) : null;
    if (input.cancelSubscription && !subscription)
      throw badInput('cancelSubscription', 'This order belongs to no subscription');
    const remaining = payment.amountMinor - payment.refundedMinor;
    let amountMinor = input.amountMinor ?? remaining;
    if (input.lines?.length) {
      const byLines = await linesAmount(ctx, order, input.lines);
      // The last lines take what is left, so refunding every line is exactly the whole payment.
      amountMinor = byLines.allLinesDone ? remaining : byLines.amount;
    }
    const refund = await refundPayment(ctx, payment, order, {
      amountMinor,
      reason: input.reason,
      lines: input.lines?.length ? input.lines : null,
    });
    order.refundReason = input.reason;
    await ctx.em.flush();
    await audit(ctx, {
      action: 'order.refund',
      entityType: 'Order',
      entityId: order.id,
      detail: {
        number: order.number,
        amountMinor,
        partial: order.status === OrderStatus.PARTIALLY_REFUNDED,
        lines: refund.lines,
        provider: payment.provider,
        refund: refund.providerRefundId,
        refundId: refund.id,
        reason: input.reason,
        cancelSubscription: !!input.cancelSubscription,
      },
    });
    if (subscription && subscription.status !== SubscriptionStatus.CANCELLED)
      await cancelSubscription(ctx, subscription.id, input.reason);
    await ctx.em.populate(order, ['contact']);
    await mailBuyer(ctx, payment, 'order.refunded', (language) => ({
      total: formatMoney(amountMinor, payment.currency, language),
    }));
    return order;
  });
}

/** The subscription an order started or renewed, if any (the read definition `Order.subscription`). */
export function subscriptionOf(ctx: RequestContext, order: Order): Promise<Subscription | null> {
  return readOne<Subscription>(ctx, 'Order.subscription', Order, order.id);
}
