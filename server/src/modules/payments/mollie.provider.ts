// Mollie through its official SDK. Its webhook carries only a payment id, so the status always comes
// from Mollie itself: a forged call can never mark an order paid (S22).
import { createMollieClient, type MollieClient, type Payment as MolliePayment } from '@mollie/api-client';
import type { Config } from '../../config';
import { badInput } from '../../graphql/errors';
import { PaymentProvider } from '../orders/order.entity';
import type { ProviderOutcome } from './payment.service';
import type { CheckoutRequest, CheckoutSession } from './stripe.provider';

export function mollieClient(config: Config): MollieClient {
  const { apiKey, apiBase } = config.payments.mollie;
  if (!apiKey) throw badInput('provider', 'Mollie is not configured for this agency');
  return createMollieClient({
    apiKey,
    ...(apiBase ? { apiEndpoint: apiBase.endsWith('/') ? apiBase : `${apiBase}/` } : {}),
  });
}

/** Mollie amounts are decimal strings with two decimals ("748.75"). */
export const toMollieValue = (minor: number) => (minor / 100).toFixed(2);
export const fromMollieValue = (value: string) => Math.round(Number(value) * 100);

export async function createMollieCheckout(
  config: Config,
  request: CheckoutRequest,
  webhookUrl: string,
): Promise<CheckoutSession> {
  const payment = await mollieClient(config).payments.create({
    amount: { currency: request.currency, value: toMollieValue(request.totalMinor) },
    description: request.description.slice(0, 255),
    redirectUrl: request.successUrl,
    webhookUrl,
    metadata: { orderId: request.orderId, tenantId: request.tenantId },
  });
  const url = payment.getCheckoutUrl();
  if (!url) throw new Error('Mollie returned a payment without a checkout URL');
  return { reference: payment.id, redirectUrl: url };
}

/** What Mollie's own record of the payment says; undefined while it is still open or pending. */
export function mollieOutcome(payment: MolliePayment): ProviderOutcome | undefined {
  const base = { provider: PaymentProvider.MOLLIE, match: { providerReference: payment.id } } as const;
  switch (payment.status) {
    case 'paid':
      return {
        ...base,
        status: 'PAID',
        amountMinor: fromMollieValue(payment.amount.value),
        currency: payment.amount.currency,
        providerPaymentId: payment.id,
        method: payment.method ?? null,
      };
    case 'failed':
    case 'canceled':
      return { ...base, status: 'FAILED' };
    case 'expired':
      return { ...base, status: 'EXPIRED' };
    default:
      return undefined;
  }
}
