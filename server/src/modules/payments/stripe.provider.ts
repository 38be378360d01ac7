// Stripe through its official SDK: hosted Checkout for payment, signed webhooks for the outcome.
import Stripe from 'stripe';
import type { Config } from '../../config';
import { AppError, ErrorCode } from '../../graphql/errors';

export interface CheckoutRequest {
  orderId: string;
  tenantId: string;
  description: string;
  currency: string;
  totalMinor: number;
  customerEmail: string;
  successUrl: string;
  cancelUrl: string;
}

export interface CheckoutSession {
  reference: string;
  redirectUrl: string;
}

export function stripeClient(config: Config): Stripe {
  const { secretKey, apiBase } = config.payments.stripe;
  if (!secretKey)
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'Stripe is not configured for this agency', { field: 'provider' });
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

/** One line for the whole order: the amount charged is ours (VAT included), never the client's. */
export async function createStripeCheckout(config: Config, request: CheckoutRequest): Promise<CheckoutSession> {
  const session = await stripeClient(config).checkout.sessions.create({
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
    metadata: { orderId: request.orderId, tenantId: request.tenantId },
  });
  if (!session.url) throw new Error('Stripe returned a session without a URL');
  return { reference: session.id, redirectUrl: session.url };
}
