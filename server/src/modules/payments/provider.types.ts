// The shapes shared by the payment services and the three provider modules: what a provider is asked
// to do (PaymentGateway) and what it reports back (ProviderOutcome). Types only, so that the providers
// depend on neither the gateway that picks them nor the service that applies their outcomes.
import type { PaymentProvider } from '../orders/order.entity';

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

export interface RefundResult {
  reference: string;
  /** SUCCEEDED once the money is on its way back; PENDING while the provider still holds it. */
  status: 'PENDING' | 'SUCCEEDED';
}

export interface PaymentGateway {
  checkout(request: CheckoutRequest): Promise<CheckoutSession>;
  chargeMandate(request: MandateCharge): Promise<ChargeResult>;
  startMethodChange(request: MethodChangeRequest): Promise<CheckoutSession>;
  /** Resolves when the provider accepted the refund (of `amountMinor`: all or part); throws otherwise. */
  refund(request: RefundRequest): Promise<RefundResult>;
}

export interface ProviderOutcome {
  provider: PaymentProvider;
  /** How the payment is found: the checkout reference, or the provider's payment id (refunds). */
  match: { providerReference: string } | { providerPaymentId: string };
  status: 'PAID' | 'FAILED' | 'EXPIRED' | 'REFUNDED';
  amountMinor?: number;
  currency?: string;
  providerPaymentId?: string;
  method?: string | null;
  /** REFUNDED: how much of the payment the provider has refunded in all (unknown: all of it). */
  refundedMinor?: number;
  /** The payment method the provider kept for renewals, when the buyer agreed to them (P20). */
  mandate?: string;
  /** FAILED, EXPIRED: the provider's reason (card_declined, insufficient_funds…), when it gives one. */
  failure?: string;
}
