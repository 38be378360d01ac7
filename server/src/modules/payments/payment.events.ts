// What a settled payment means to the modules built on payments, without payments importing them
// (issue 16: no import circles). A module registers its listener from its `index.ts`, as read
// definitions register themselves; today the subscriptions module: a paid order may start a
// subscription, a paid renewal moves one on, and a refused charge through a stored method asks the
// customer to pay on a page. Listeners run in the payment's transaction, in registration order.
import type { RequestContext } from '../../graphql/context';
import type { Order } from '../orders/order.entity';

export interface PaymentListener {
  /** An order that is not a renewal was paid (after its receipt went out); `mandate`: a method kept for renewals. */
  orderPaid?(ctx: RequestContext, order: Order, mandate: string | undefined): Promise<void>;
  /** A renewal order was paid: the listener tells the customer (with the invoice `invoiceId`). */
  renewalPaid?(ctx: RequestContext, order: Order, mandate: string | undefined, invoiceId: string): Promise<void>;
  /** A charge through a stored method was refused (the provider's answer came later). */
  storedChargeRefused?(ctx: RequestContext, order: Order, reason: string): Promise<void>;
}

const listeners: PaymentListener[] = [];

export function listenToPayments(listener: PaymentListener): void {
  listeners.push(listener);
}

/** Tells every listener that has a handler for `event`; a renewal with nobody to handle it is an error, not a silent skip. */
export async function paymentEvent<E extends keyof PaymentListener>(
  event: E,
  ...args: Parameters<NonNullable<PaymentListener[E]>>
): Promise<void> {
  const handlers = listeners.map((l) => l[event]).filter((h) => h !== undefined);
  if (event === 'renewalPaid' && !handlers.length) throw new Error('No module handles a paid renewal');
  for (const handler of handlers) await (handler as (...a: typeof args) => Promise<void>)(...args);
}
