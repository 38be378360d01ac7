// One shape for the three providers: a hosted payment page, a charge through the stored mandate
// (renewals), a hosted page to change the stored payment method, and refunds. Each provider module
// implements it with its official SDK; the services never switch on the provider themselves.
import type { Config } from '../../config';
import type { RequestContext } from '../../graphql/context';
import { AppError, ErrorCode } from '../../graphql/errors';
import { PaymentProvider } from '../orders/order.entity';
import { mollieGateway } from './mollie.provider';
import { paypalGateway } from './paypal.provider';
import { stripeGateway } from './stripe.provider';

export interface CheckoutRequest {
  orderId: string;
  tenantId: string;
  description: string;
  currency: string;
  totalMinor: number;
  customerEmail: string;
  customerName: string;
  /** The buyer agreed to recurring charges: the provider keeps the payment method for renewals. */
  recurring: boolean;
  successUrl: string;
  cancelUrl: string;
  /** Where Mollie reports status changes. */
  webhookUrl: string;
}

export interface CheckoutSession {
  reference: string;
  redirectUrl: string;
}

export interface MandateCharge {
  orderId: string;
  tenantId: string;
  description: string;
  currency: string;
  totalMinor: number;
  /** The stored mandate, as `Subscription.providerReference` holds it. */
  mandate: string;
  /** The same key for a retried charge of the same period: the provider charges once. */
  idempotencyKey: string;
  webhookUrl: string;
}

export interface ChargeResult {
  reference: string;
  /** PENDING: the provider settles later and reports through the webhook (Mollie). */
  status: 'PAID' | 'PENDING' | 'FAILED';
  amountMinor?: number;
  currency?: string;
  providerPaymentId?: string;
  method?: string | null;
  /** The provider's reason for a refusal (card_declined, INSTRUMENT_DECLINED…). */
  failure?: string;
}

export interface MethodChangeRequest {
  subscriptionId: string;
  tenantId: string;
  mandate: string | null;
  email: string;
  name: string;
  currency: string;
  description: string;
  returnUrl: string;
  cancelUrl: string;
  webhookUrl: string;
  idempotencyKey: string;
}

export interface RefundRequest {
  providerReference: string;
  providerPaymentId: string | null;
  amountMinor: number;
  currency: string;
  reason: string | null;
  idempotencyKey: string;
}

export interface PaymentGateway {
  checkout(request: CheckoutRequest): Promise<CheckoutSession>;
  chargeMandate(request: MandateCharge): Promise<ChargeResult>;
  startMethodChange(request: MethodChangeRequest): Promise<CheckoutSession>;
  /** Resolves when the provider accepted the refund; throws otherwise. */
  refund(request: RefundRequest): Promise<{ reference: string }>;
}

export function gateway(config: Config, provider: PaymentProvider): PaymentGateway {
  switch (provider) {
    case PaymentProvider.STRIPE:
      return stripeGateway(config);
    case PaymentProvider.MOLLIE:
      return mollieGateway(config);
    case PaymentProvider.PAYPAL:
      return paypalGateway(config);
  }
}

/** A provider call that fails without an answer: nothing was charged, and the caller's transaction rolls back. */
export async function providerCall<T>(
  ctx: RequestContext,
  provider: PaymentProvider,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError) throw error;
    ctx.logger.warn({ err: error, provider }, 'payment provider refused or unreachable');
    throw new AppError(
      ErrorCode.SERVICE_UNAVAILABLE,
      'The payment provider is not reachable; nothing was charged. Try again shortly.',
    );
  }
}
