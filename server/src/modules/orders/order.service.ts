// Orders: staff see the agency's, a customer only their own; staff cancel what is still unpaid.
import type { FilterQuery } from '@mikro-orm/core';
import { ownedByCustomerScope } from '../../auth/scopes';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import type { Page, PageInput } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { Payment, PaymentStatus } from '../payments/payment.entity';
import { Order, OrderStatus } from './order.entity';

export async function listOrders(
  ctx: RequestContext,
  filter: { status?: OrderStatus; customerId?: string },
  page: PageInput,
): Promise<Page<Order>> {
  const where: FilterQuery<Order> = { $and: [await ownedByCustomerScope(ctx)] };
  if (filter.status) where.status = filter.status;
  if (filter.customerId) where.customer = filter.customerId;
  const [nodes, totalCount] = await ctx.em.findAndCount(Order, where, {
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: page.take,
    offset: page.skip,
  });
  return { nodes, totalCount };
}

export async function getOrder(ctx: RequestContext, id: string): Promise<Order> {
  const order = await ctx.em.findOne(Order, { $and: [{ id }, await ownedByCustomerScope(ctx)] });
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
