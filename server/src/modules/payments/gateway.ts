// One shape for the three providers: a hosted payment page, a charge through the stored mandate
// (renewals), a hosted page to change the stored payment method, and refunds. Each provider module
// implements it with its official SDK; the services never switch on the provider themselves.
import type { RequestContext } from '../../graphql/context';
import { AppError, badInput, ErrorCode } from '../../graphql/errors';
import { PaymentProvider } from '../orders/order.entity';
import { paymentAccount, type AccountOf } from './accounts';
import { mollieGateway } from './mollie.provider';
import { paypalGateway } from './paypal.provider';
import { stripeGateway } from './stripe.provider';

export type {
  ChargeResult,
  CheckoutRequest,
  CheckoutSession,
  MandateCharge,
  MethodChangeRequest,
  PaymentGateway,
  RefundRequest,
  RefundResult,
} from './provider.types';
import type { PaymentGateway } from './provider.types';

/** Where the provider reports to for agency `slug`: `/webhooks/<provider>/<agency-slug>`. */
export const webhookUrl = (base: string, provider: PaymentProvider, slug: string) =>
  `${base}/webhooks/${provider.toLowerCase()}/${encodeURIComponent(slug)}`;

export const PROVIDER_NAMES = { STRIPE: 'Stripe', MOLLIE: 'Mollie', PAYPAL: 'PayPal' } as const;

/** The provider's calls through one account. */
export function gatewayOf<P extends PaymentProvider>(provider: P, account: AccountOf[P]): PaymentGateway {
  switch (provider) {
    case PaymentProvider.STRIPE:
      return stripeGateway(account as AccountOf[PaymentProvider.STRIPE]);
    case PaymentProvider.MOLLIE:
      return mollieGateway(account as AccountOf[PaymentProvider.MOLLIE]);
    default:
      return paypalGateway(account as AccountOf[PaymentProvider.PAYPAL]);
  }
}

/**
 * The provider's calls through the account of agency `tenantId` (the owner of the order, subscription
 * or payment): never another agency's. An agency without an account for the provider cannot use it.
 */
export async function gateway(
  ctx: RequestContext,
  tenantId: string,
  provider: PaymentProvider,
): Promise<PaymentGateway> {
  const account = await paymentAccount(ctx.em, ctx.app, tenantId, provider);
  if (!account) throw badInput('provider', `${PROVIDER_NAMES[provider]} is not offered by this agency`);
  return gatewayOf(provider, account);
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
