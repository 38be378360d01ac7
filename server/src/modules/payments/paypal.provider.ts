// PayPal through its official server SDK (Orders v2). Its webhooks count only after PayPal's own
// verification endpoint answers SUCCESS, and amount, currency and order must match ours (S22).
import {
  CheckoutPaymentIntent,
  Client,
  Environment,
  OrdersController,
  type Order as PayPalOrder,
} from '@paypal/paypal-server-sdk';
import type { Config } from '../../config';
import { badInput } from '../../graphql/errors';
import { PaymentProvider } from '../orders/order.entity';
import type { ProviderOutcome } from './payment.service';
import { paypalAdapterFor } from './paypal-adapter';
import type { CheckoutRequest, CheckoutSession } from './stripe.provider';

const LIVE = 'https://api-m.paypal.com';
const SANDBOX = 'https://api-m.sandbox.paypal.com';

function credentials(config: Config) {
  const { clientId, clientSecret } = config.payments.paypal;
  if (!clientId || !clientSecret) throw badInput('provider', 'PayPal is not configured for this agency');
  return { clientId, clientSecret };
}

/** The base the SDK's calls and our own (token, verification) go to. */
export const paypalBase = (config: Config) =>
  config.payments.paypal.apiBase?.replace(/\/+$/, '') ?? (config.payments.paypal.live ? LIVE : SANDBOX);

export function paypalOrders(config: Config): OrdersController {
  const { clientId, clientSecret } = credentials(config);
  const { apiBase, live } = config.payments.paypal;
  const client = new Client({
    clientCredentialsAuthCredentials: { oAuthClientId: clientId, oAuthClientSecret: clientSecret },
    environment: live ? Environment.Production : Environment.Sandbox,
    // The SDK has no base-URL option: a configured base (a local fake in tests) is reached through an adapter.
    ...(apiBase
      ? { httpClientOptions: { timeout: 15_000 }, unstable_httpClientOptions: { adapter: paypalAdapterFor(apiBase) } }
      : {}),
  });
  return new OrdersController(client);
}

const toValue = (minor: number) => (minor / 100).toFixed(2);
const fromValue = (value: string | undefined) => Math.round(Number(value ?? 'NaN') * 100);

export async function createPayPalCheckout(config: Config, request: CheckoutRequest): Promise<CheckoutSession> {
  const { result } = await paypalOrders(config).createOrder({
    body: {
      intent: CheckoutPaymentIntent.Capture,
      purchaseUnits: [
        {
          amount: { currencyCode: request.currency, value: toValue(request.totalMinor) },
          customId: request.orderId,
          description: request.description.slice(0, 127),
        },
      ],
    },
    prefer: 'return=representation',
  });
  const approve = result.links?.find((l) => l.rel === 'approve' || l.rel === 'payer-action')?.href;
  if (!result.id || !approve) throw new Error('PayPal returned an order without an approval link');
  return { reference: result.id, redirectUrl: approve };
}

async function accessToken(config: Config): Promise<string> {
  const { clientId, clientSecret } = credentials(config);
  const res = await fetch(`${paypalBase(config)}/v1/oauth2/token`, {
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
  config: Config,
  headers: Record<string, string | undefined>,
  event: unknown,
): Promise<boolean> {
  const webhookId = config.payments.paypal.webhookId;
  if (!webhookId) return false;
  const res = await fetch(`${paypalBase(config)}/v1/notifications/verify-webhook-signature`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await accessToken(config)}`, 'content-type': 'application/json' },
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
  };
}

/**
 * An approved order is captured now; what the capture returns is the outcome. If it was captured
 * already (a retried delivery after a crash), PayPal's current record of the order decides.
 */
async function captureApproved(config: Config, orderId: string): Promise<ProviderOutcome> {
  const orders = paypalOrders(config);
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
    amountMinor: fromValue(capture.amount?.value),
    currency: capture.amount?.currencyCode,
    providerPaymentId: capture.id,
    method: 'paypal',
  };
}

export async function paypalOutcome(config: Config, event: PayPalEvent): Promise<ProviderOutcome | undefined> {
  const orderId = event.resource.supplementary_data?.related_ids?.order_id;
  switch (event.event_type) {
    case 'CHECKOUT.ORDER.APPROVED':
      return captureApproved(config, event.resource.id);
    case 'PAYMENT.CAPTURE.COMPLETED':
      return orderId
        ? {
            provider: PaymentProvider.PAYPAL,
            match: { providerReference: orderId },
            status: 'PAID',
            amountMinor: fromValue(event.resource.amount?.value),
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
      return { provider: PaymentProvider.PAYPAL, match: { providerPaymentId: event.resource.id }, status: 'REFUNDED' };
    default:
      return undefined;
  }
}

export type { PayPalEvent };
