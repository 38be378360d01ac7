// Stripe through its official SDK: hosted Checkout for payment (keeping the card for renewals when
// the buyer agreed to them), off-session PaymentIntents for renewals, Checkout in setup mode to
// change the card, refunds, and signed webhooks for the outcome.
import Stripe from 'stripe';
import type { StripeAccount } from './accounts';
import type { ChargeResult, PaymentGateway } from './provider.types';

export function stripeClient(account: StripeAccount): Stripe {
  const { secretKey, apiBase } = account;
  const base = apiBase ? new URL(apiBase) : undefined;
  return new Stripe(secretKey, {
    maxNetworkRetries: base ? 0 : 2,
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port) || undefined,
          protocol: base.protocol.replace(':', '') as 'http' | 'https',
        }
      : {}),
  });
}

/** A Stripe mandate is the customer and its saved payment method: `cus_…/pm_…`. */
export const stripeMandate = (customer: string, paymentMethod: string) => `${customer}/${paymentMethod}`;
function parseMandate(mandate: string): { customer: string; paymentMethod: string } {
  const [customer, paymentMethod] = mandate.split('/');
  if (!customer?.startsWith('cus_') || !paymentMethod?.startsWith('pm_'))
    throw new Error('Not a Stripe mandate reference');
  return { customer, paymentMethod };
}

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : value?.id);

/** The customer and card kept by a paid checkout session or a completed setup session, if any. */
export async function stripeMandateOf(
  account: StripeAccount,
  session: Stripe.Checkout.Session,
): Promise<string | undefined> {
  const customer = idOf(session.customer);
  if (!customer) return undefined;
  const stripe = stripeClient(account);
  if (session.mode === 'setup') {
    const intent = idOf(session.setup_intent);
    const method = intent ? idOf((await stripe.setupIntents.retrieve(intent)).payment_method) : undefined;
    return method ? stripeMandate(customer, method) : undefined;
  }
  const intentId = idOf(session.payment_intent);
  if (!intentId) return undefined;
  const intent = await stripe.paymentIntents.retrieve(intentId);
  const method = idOf(intent.payment_method);
  return intent.setup_future_usage === 'off_session' && method ? stripeMandate(customer, method) : undefined;
}

export function stripeGateway(account: StripeAccount): PaymentGateway {
  return {
    /** One line for the whole order: the amount charged is ours (VAT included), never the client's. */
    async checkout(request) {
      const metadata = { orderId: request.orderId, tenantId: request.tenantId };
      const session = await stripeClient(account).checkout.sessions.create({
        mode: 'payment',
        line_items: [
          {
            price_data: {
              currency: request.currency.toLowerCase(),
              unit_amount: request.totalMinor,
              product_data: { name: request.description },
            },
            quantity: 1,
          },
        ],
        customer_email: request.customerEmail,
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
        metadata,
        // P20: only with the buyer's consent is the card kept for later, off-session charges.
        ...(request.recurring
          ? { customer_creation: 'always', payment_intent_data: { setup_future_usage: 'off_session', metadata } }
          : {}),
      });
      if (!session.url) throw new Error('Stripe returned a session without a URL');
      return { reference: session.id, redirectUrl: session.url };
    },

    async chargeMandate(request): Promise<ChargeResult> {
      const { customer, paymentMethod } = parseMandate(request.mandate);
      try {
        const intent = await stripeClient(account).paymentIntents.create(
          {
            amount: request.totalMinor,
            currency: request.currency.toLowerCase(),
            customer,
            payment_method: paymentMethod,
            off_session: true,
            confirm: true,
            description: request.description,
            metadata: { orderId: request.orderId, tenantId: request.tenantId },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return {
          reference: intent.id,
          status: intent.status === 'succeeded' ? 'PAID' : intent.status === 'processing' ? 'PENDING' : 'FAILED',
          amountMinor: intent.amount_received || intent.amount,
          currency: intent.currency,
          providerPaymentId: intent.id,
          method: 'card',
          failure: intent.status === 'succeeded' || intent.status === 'processing' ? undefined : intent.status,
        };
      } catch (error) {
        // A refused card is an answer, not an outage: the intent exists and the customer must act.
        if (error instanceof Stripe.errors.StripeCardError) {
          const intent = (error.raw as { payment_intent?: { id: string } }).payment_intent;
          return {
            reference: intent?.id ?? `declined:${request.idempotencyKey}`,
            status: 'FAILED',
            failure: error.decline_code ?? error.code ?? 'card_declined',
          };
        }
        // The stored method is gone at Stripe (detached, or its customer deleted): also an answer, not an
        // outage. Thrown, it would roll the renewal back every day; answered, the customer gets a payment page.
        if (
          error instanceof Stripe.errors.StripeInvalidRequestError &&
          (error.param === 'payment_method' || error.param === 'customer')
        ) {
          return {
            reference: `unusable:${request.idempotencyKey}`,
            status: 'FAILED',
            failure: 'payment_method_unusable',
          };
        }
        throw error;
      }
    },

    /** Checkout in setup mode: the customer enters a new card on Stripe's page; nothing is charged. */
    async startMethodChange(request) {
      const stripe = stripeClient(account);
      const customer = request.mandate
        ? parseMandate(request.mandate).customer
        : (
            await stripe.customers.create(
              { email: request.email, name: request.name, metadata: { tenantId: request.tenantId } },
              { idempotencyKey: `${request.idempotencyKey}:customer` },
            )
          ).id;
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'setup',
          customer,
          currency: request.currency.toLowerCase(),
          success_url: request.returnUrl,
          cancel_url: request.cancelUrl,
          metadata: { subscriptionId: request.subscriptionId, tenantId: request.tenantId },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      if (!session.url) throw new Error('Stripe returned a session without a URL');
      return { reference: session.id, redirectUrl: session.url };
    },

    async refund(request) {
      const stripe = stripeClient(account);
      const intent =
        request.providerPaymentId ??
        idOf((await stripe.checkout.sessions.retrieve(request.providerReference)).payment_intent);
      if (!intent) throw new Error('Stripe knows no payment for this checkout');
      const refund = await stripe.refunds.create(
        { payment_intent: intent, amount: request.amountMinor, reason: 'requested_by_customer' },
        { idempotencyKey: request.idempotencyKey },
      );
      return { reference: refund.id, status: refund.status === 'succeeded' ? 'SUCCEEDED' : 'PENDING' };
    },
  };
}

/** A harmless call that only a valid secret key may make: the account's balance (nothing changes). */
export async function verifyStripeAccount(account: StripeAccount): Promise<void> {
  await stripeClient(account).balance.retrieve();
}
