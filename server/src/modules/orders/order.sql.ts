// Compiled reads (graphql/sql) of orders: the same rows and order as order.service.ts and the
// latest-orders field resolvers. The viewer's row rule is PostgreSQL's (migration viewer_rules).
import { readComputed, readRelation, readRoot } from '../../graphql/sql/compile';

const newestFirst = (t: string) => `${t}.created_at desc, ${t}.id desc`;

readRoot('Query.orders', {
  kind: 'list',
  entity: 'Order',
  filters: {
    status: (value, t, params) => `${t}.status = ${params.add(value, 'text')}`,
    customerId: (value, t, params) => `${t}.customer_id = ${params.add(value, 'uuid')}`,
    // Issue 25: "payment failed": an order not paid whose latest payment attempt failed (a payment
    // superseded by a newer attempt is not the latest; one ended by staff cancelling the order did
    // not fail). False: every other order.
    paymentFailed: (value, t) =>
      `${value ? '' : 'not '}coalesce(${t}.status in ('PENDING_PAYMENT', 'CANCELLED') and (select p.status = 'FAILED'
        and p.failure_reason is distinct from 'cancelled' from payments p where p.order_id = ${t}.id
        order by p.created_at desc, p.id desc limit 1), false)`,
  },
  orderBy: newestFirst,
});

readRoot('Query.order', { kind: 'one', entity: 'Order' });

/**
 * Issue 25: the one rule of an order that waits for payment at the order level: still PENDING_PAYMENT
 * with no open invoice (an invoiced order is paid through its invoice, `invoicePay`, which charges
 * what is left of it, and is credited by staff; a paid one is refunded). Only such an order may be
 * cancelled (by staff, or by its buyer: the row rule limits a customer to her own orders) or paid
 * from its page (`orderPay`). The services (cancelOrder, payOrder), `Order.canCancel` and
 * `Order.canPay` run this SQL.
 */
export const awaitsOrderPaymentSql = (t: string) =>
  `(${t}.status = 'PENDING_PAYMENT' and not exists (select 1 from invoices i where i.order_id = ${t}.id and i.status = 'OPEN'))`;

readComputed('Order.canCancel', awaitsOrderPaymentSql);
readComputed('Order.canPay', awaitsOrderPaymentSql);

readRelation('Order.customer', { entity: 'Customer', many: false, on: (t, order) => `${t}.id = ${order}.customer_id` });

readRelation('Customer.latestOrders', {
  entity: 'Order',
  many: true,
  on: (t, customer) => `${t}.customer_id = ${customer}.id`,
  orderBy: newestFirst,
  limit: 5,
});

readRelation('Site.latestOrders', {
  entity: 'Order',
  many: true,
  on: (t, site) => `${t}.site_id = ${site}.id`,
  orderBy: newestFirst,
  limit: 20,
});

// The order page: its lines and payments, oldest first.
readRelation('Order.lines', {
  entity: 'OrderLine',
  many: true,
  on: (t, order) => `${t}.order_id = ${order}.id`,
  orderBy: (t) => `${t}.created_at asc, ${t}.id asc`,
});

readRelation('Order.payments', {
  entity: 'Payment',
  many: true,
  on: (t, order) => `${t}.order_id = ${order}.id`,
  orderBy: (t) => `${t}.created_at asc, ${t}.id asc`,
});

readRelation('Order.refunds', {
  entity: 'Refund',
  many: true,
  on: (t, order) => `${t}.order_id = ${order}.id`,
  orderBy: (t) => `${t}.created_at asc, ${t}.id asc`,
});

/** Nothing unless paid, else what was paid less the refunds (the refund form's ceiling). */
readComputed(
  'Order.refundableMinor',
  (t) =>
    `(case when ${t}.status in ('PAID', 'PARTIALLY_REFUNDED') then ${t}.total_minor - ${t}.refunded_minor else 0 end)`,
);

/** The subscription the order started or renews (the refund dialog asks whether to cancel it too). */
readRelation('Order.subscription', {
  entity: 'Subscription',
  many: false,
  on: (t, order) => `(${t}.id = ${order}.subscription_id or ${t}.first_order_id = ${order}.id)`,
});
