// PayPal through its official server SDK (Orders v2, Payments, Vault). Its webhooks count only after
// PayPal's own verification endpoint answers SUCCESS, and amount, currency and order must match ours
// (S22). Recurring: the buyer's PayPal is vaulted at checkout (with consent); renewals are orders paid
// with the vault token; a new token comes from a setup token the customer approves at PayPal.
import type { Client, Order as PayPalOrder } from '@paypal/paypal-server-sdk';
import { PaymentProvider } from '../orders/order.entity';
import type { PayPalAccount } from './accounts';
import type { ChargeResult, PaymentGateway } from './provider.types';
import { fromDecimal, toDecimal } from './money';
import type { ProviderOutcome } from './provider.types';
import { paypalAdapterFor } from './paypal-adapter';

// Loaded at first use, not at start-up: most server and CLI processes never need it (issue 24).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = (): typeof import('@paypal/paypal-server-sdk') => require('@paypal/paypal-server-sdk');

const LIVE = 'https://api-m.paypal.com';
const SANDBOX = 'https://api-m.sandbox.paypal.com';

const credentials = ({ clientId, clientSecret }: PayPalAccount) => ({ clientId, clientSecret });

/** The base the SDK's calls and our own (token, verification) go to. */
export const paypalBase = (account: PayPalAccount) =>
  account.apiBase?.replace(/\/+$/, '') ?? (account.live ? LIVE : SANDBOX);

function paypalClient(account: PayPalAccount): Client {
  const { clientId, clientSecret } = credentials(account);
  const { apiBase, live } = account;
  return new (sdk().Client)({
    clientCredentialsAuthCredentials: { oAuthClientId: clientId, oAuthClientSecret: clientSecret },
    environment: live ? sdk().Environment.Production : sdk().Environment.Sandbox,
    // The SDK has no base-URL option: a configured base (a local fake in tests) is reached through an adapter.
    ...(apiBase
      ? { httpClientOptions: { timeout: 15_000 }, unstable_httpClientOptions: { adapter: paypalAdapterFor(apiBase) } }
      : {}),
  });
}

export const paypalOrders = (account: PayPalAccount) => new (sdk().OrdersController)(paypalClient(account));

async function accessToken(account: PayPalAccount): Promise<string> {
  const { clientId, clientSecret } = credentials(account);
  const res = await fetch(`${paypalBase(account)}/v1/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (!res.ok) throw new Error(`PayPal token: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** PayPal's verify-webhook-signature, with the transmission headers and the event as received. */
export async function verifyPayPalWebhook(
  account: PayPalAccount,
  headers: Record<string, string | undefined>,
  event: unknown,
): Promise<boolean> {
  const webhookId = account.webhookId;
  if (!webhookId) return false;
  const res = await fetch(`${paypalBase(account)}/v1/notifications/verify-webhook-signature`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await accessToken(account)}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      auth_algo: headers['paypal-auth-algo'],
      cert_url: headers['paypal-cert-url'],
      transmission_id: headers['paypal-transmission-id'],
      transmission_sig: headers['paypal-transmission-sig'],
      transmission_time: headers['paypal-transmission-time'],
      webhook_id: webhookId,
      webhook_event: event,
    }),
  });
  if (!res.ok) return false;
  return ((await res.json()) as { verification_status?: string }).verification_status === 'SUCCESS';
}

interface PayPalEvent {
  id: string;
  event_type: string;
  resource: {
    id: string;
    status?: string;
    amount?: { currency_code: string; value: string };
    supplementary_data?: { related_ids?: { order_id?: string } };
    links?: { rel: string; href: string }[];
    /** On a refund: what has been refunded of its capture so far, this one included. */
    seller_payable_breakdown?: { total_refunded_amount?: { currency_code: string; value: string } };
  };
}

/**
 * An approved order is captured now; what the capture returns is the outcome. If it was captured
 * already (a retried delivery after a crash), PayPal's current record of the order decides.
 */
async function captureApproved(account: PayPalAccount, orderId: string): Promise<ProviderOutcome> {
  const orders = paypalOrders(account);
  try {
    return capturedOutcome((await orders.captureOrder({ id: orderId, prefer: 'return=representation' })).result);
  } catch {
    return capturedOutcome((await orders.getOrder({ id: orderId })).result);
  }
}

function capturedOutcome(order: PayPalOrder): ProviderOutcome {
  const capture = order.purchaseUnits?.[0]?.payments?.captures?.[0];
  const base = { provider: PaymentProvider.PAYPAL, match: { providerReference: order.id! } } as const;
  if (order.status !== 'COMPLETED' || capture?.status !== 'COMPLETED') return { ...base, status: 'FAILED' };
  return {
    ...base,
    status: 'PAID',
    amountMinor: fromDecimal(capture.amount?.value),
    currency: capture.amount?.currencyCode,
    providerPaymentId: capture.id,
    method: 'paypal',
    mandate: vaultTokenOf(order),
  };
}

/** The vault token a capture left (the buyer agreed to recurring charges at checkout). */
function vaultTokenOf(order: PayPalOrder): string | undefined {
  const vault = order.paymentSource?.paypal?.attributes?.vault;
  return vault?.status === 'VAULTED' && vault.id ? vault.id : undefined;
}

/** The capture a refund belongs to: PayPal links it as `up`. */
const capturedBy = (links: { rel: string; href: string }[] | undefined) =>
  links
    ?.find((l) => l.rel === 'up')
    ?.href.split('/')
    .pop();

export async function paypalOutcome(account: PayPalAccount, event: PayPalEvent): Promise<ProviderOutcome | undefined> {
  const orderId = event.resource.supplementary_data?.related_ids?.order_id;
  switch (event.event_type) {
    case 'CHECKOUT.ORDER.APPROVED':
      return captureApproved(account, event.resource.id);
    case 'PAYMENT.CAPTURE.COMPLETED':
      return orderId
        ? {
            provider: PaymentProvider.PAYPAL,
            match: { providerReference: orderId },
            status: 'PAID',
            amountMinor: fromDecimal(event.resource.amount?.value),
            currency: event.resource.amount?.currency_code,
            providerPaymentId: event.resource.id,
            method: 'paypal',
          }
        : undefined;
    case 'PAYMENT.CAPTURE.DENIED':
    case 'PAYMENT.CAPTURE.DECLINED':
      return orderId
        ? { provider: PaymentProvider.PAYPAL, match: { providerReference: orderId }, status: 'FAILED' }
        : undefined;
    case 'PAYMENT.CAPTURE.REFUNDED':
    case 'PAYMENT.CAPTURE.REVERSED':
      // The resource is the refund; the capture it belongs to is linked as `up`.
      return {
        provider: PaymentProvider.PAYPAL,
        match: { providerPaymentId: capturedBy(event.resource.links) ?? event.resource.id },
        status: 'REFUNDED',
        refundedMinor:
          event.event_type === 'PAYMENT.CAPTURE.REFUNDED' &&
          event.resource.seller_payable_breakdown?.total_refunded_amount
            ? fromDecimal(event.resource.seller_payable_breakdown.total_refunded_amount.value)
            : undefined,
      };
    default:
      return undefined;
  }
}

/** A refused charge: PayPal names the reason in the first detail's issue. */
function refusal(error: unknown): string | undefined {
  if (!(error instanceof sdk().ApiError) || error.statusCode !== 422) return undefined;
  const details = (error.result as { details?: { issue?: string }[] } | undefined)?.details;
  return details?.[0]?.issue ?? 'UNPROCESSABLE_ENTITY';
}

/** Our order as PayPal's purchase unit: our amount, and our order id to match its events. */
const purchaseUnit = (request: { currency: string; totalMinor: number; orderId: string; description: string }) => ({
  amount: { currencyCode: request.currency, value: toDecimal(request.totalMinor) },
  customId: request.orderId,
  description: request.description.slice(0, 127),
});

export function paypalGateway(account: PayPalAccount): PaymentGateway {
  return {
    async checkout(request) {
      const { result } = await paypalOrders(account).createOrder({
        body: {
          intent: sdk().CheckoutPaymentIntent.Capture,
          purchaseUnits: [purchaseUnit(request)],
          // P20: only with the buyer's consent is their PayPal vaulted for later charges.
          ...(request.recurring
            ? {
                paymentSource: {
                  paypal: {
                    experienceContext: { returnUrl: request.successUrl, cancelUrl: request.cancelUrl },
                    attributes: {
                      vault: {
                        storeInVault: sdk().StoreInVaultInstruction.OnSuccess,
                        usageType: sdk().PaypalPaymentTokenUsageType.Merchant,
                        customerType: sdk().PaypalPaymentTokenCustomerType.Consumer,
                      },
                    },
                  },
                },
              }
            : {}),
        },
        paypalRequestId: `checkout-${request.orderId}`,
        prefer: 'return=representation',
      });
      const approve = result.links?.find((l) => l.rel === 'approve' || l.rel === 'payer-action')?.href;
      if (!result.id || !approve) throw new Error('PayPal returned an order without an approval link');
      return { reference: result.id, redirectUrl: approve };
    },

    /** An order paid with the vault token: PayPal creates and captures it in one call. */
    async chargeMandate(request): Promise<ChargeResult> {
      try {
        const { result } = await paypalOrders(account).createOrder({
          body: {
            intent: sdk().CheckoutPaymentIntent.Capture,
            purchaseUnits: [purchaseUnit(request)],
            paymentSource: { paypal: { vaultId: request.mandate } },
          },
          paypalRequestId: request.idempotencyKey,
          prefer: 'return=representation',
        });
        const outcome = capturedOutcome(result);
        return {
          reference: result.id!,
          status: outcome.status === 'PAID' ? 'PAID' : result.status === 'COMPLETED' ? 'FAILED' : 'PENDING',
          amountMinor: outcome.amountMinor,
          currency: outcome.currency,
          providerPaymentId: outcome.providerPaymentId,
          method: 'paypal',
        };
      } catch (error) {
        const issue = refusal(error);
        if (issue) return { reference: `refused:${request.idempotencyKey}`, status: 'FAILED', failure: issue };
        throw error;
      }
    },

    /** A setup token the customer approves at PayPal; the return route turns it into a vault token. */
    async startMethodChange(request) {
      const { result } = await new (sdk().VaultController)(paypalClient(account)).createSetupToken({
        paypalRequestId: request.idempotencyKey,
        body: {
          paymentSource: {
            paypal: {
              usageType: sdk().PaypalPaymentTokenUsageType.Merchant,
              customerType: sdk().PaypalPaymentTokenCustomerType.Consumer,
              experienceContext: { returnUrl: request.returnUrl, cancelUrl: request.cancelUrl },
            },
          },
        },
      });
      const approve = result.links?.find((l) => l.rel === 'approve')?.href;
      if (!result.id || !approve) throw new Error('PayPal returned a setup token without an approval link');
      return { reference: result.id, redirectUrl: approve };
    },

    async refund(request) {
      if (!request.providerPaymentId) throw new Error('No PayPal capture to refund');
      const { result } = await new (sdk().PaymentsController)(paypalClient(account)).refundCapturedPayment({
        captureId: request.providerPaymentId,
        body: {
          amount: { currencyCode: request.currency, value: toDecimal(request.amountMinor) },
          ...(request.reason ? { noteToPayer: request.reason.slice(0, 255) } : {}),
        },
        paypalRequestId: request.idempotencyKey,
        prefer: 'return=representation',
      });
      if (!result.id) throw new Error('PayPal returned a refund without an id');
      return { reference: result.id, status: result.status === 'COMPLETED' ? 'SUCCEEDED' : 'PENDING' };
    },
  };
}

/** The approved setup token becomes a vault payment token: the new mandate. */
export async function paypalVaultToken(account: PayPalAccount, setupTokenId: string): Promise<string> {
  const { result } = await new (sdk().VaultController)(paypalClient(account)).createPaymentToken({
    paypalRequestId: `payment-token-${setupTokenId}`,
    body: { paymentSource: { token: { id: setupTokenId, type: sdk().VaultTokenRequestType.SetupToken } } },
  });
  if (!result.id) throw new Error('PayPal returned no payment token');
  return result.id;
}

export type { PayPalEvent };

/** A harmless call that only valid client credentials may make: an access token (nothing changes). */
export async function verifyPayPalAccount(account: PayPalAccount): Promise<void> {
  await accessToken(account);
}
