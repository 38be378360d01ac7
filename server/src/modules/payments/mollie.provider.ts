// Mollie through its official SDK. Its webhook carries only a payment id, so the status always comes
// from Mollie itself: a forged call can never mark an order paid (S22). Recurring: a `first` payment
// for a Mollie customer leaves a mandate; renewals are `recurring` payments on it, settled later.
import { createMollieClient, SequenceType, type MollieClient, type Payment as MolliePayment } from '@mollie/api-client';
import { PaymentProvider } from '../orders/order.entity';
import type { MollieAccount } from './accounts';
import type { PaymentGateway } from './provider.types';
import { fromDecimal, toDecimal } from './money';
import type { ProviderOutcome } from './provider.types';

export function mollieClient(account: MollieAccount): MollieClient {
  const { apiKey, apiBase } = account;
  return createMollieClient({
    apiKey,
    ...(apiBase ? { apiEndpoint: apiBase.endsWith('/') ? apiBase : `${apiBase}/` } : {}),
  });
}

/** A payment that only verifies a new payment method (and leaves a mandate); refunded once paid. */
export const METHOD_CHANGE_PURPOSE = 'payment-method';
/** Mollie has no zero-amount first payment for every method: the smallest amount, refunded at once. */
export const METHOD_CHANGE_MINOR = 100;

/** A Mollie mandate is the customer and the mandate: `cst_…/mdt_…`. */
const mandateOf = (payment: MolliePayment) =>
  payment.customerId && payment.mandateId ? `${payment.customerId}/${payment.mandateId}` : undefined;
function parseMandate(mandate: string): { customerId: string; mandateId: string } {
  const [customerId, mandateId] = mandate.split('/');
  if (!customerId?.startsWith('cst_') || !mandateId?.startsWith('mdt_'))
    throw new Error('Not a Mollie mandate reference');
  return { customerId, mandateId };
}

async function mollieCustomer(
  client: MollieClient,
  name: string,
  email: string,
  tenantId: string,
  idempotencyKey: string,
): Promise<string> {
  return (await client.customers.create({ name, email, metadata: { tenantId }, idempotencyKey })).id;
}

/** What Mollie's own record of the payment says; undefined while it is still open or pending. */
export function mollieOutcome(payment: MolliePayment): ProviderOutcome | undefined {
  const base = { provider: PaymentProvider.MOLLIE, match: { providerReference: payment.id } } as const;
  switch (payment.status) {
    case 'paid':
      if (Number(payment.amountRefunded?.value ?? 0) > 0)
        return { ...base, status: 'REFUNDED', refundedMinor: fromDecimal(payment.amountRefunded!.value) };
      return {
        ...base,
        status: 'PAID',
        amountMinor: fromDecimal(payment.amount.value),
        currency: payment.amount.currency,
        providerPaymentId: payment.id,
        method: payment.method ?? null,
        mandate: payment.sequenceType === SequenceType.first ? mandateOf(payment) : undefined,
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

/** A paid verification payment's new mandate; undefined for anything else. */
export function mollieMethodChange(payment: MolliePayment): string | undefined {
  const purpose = (payment.metadata as { purpose?: string } | null)?.purpose;
  return purpose === METHOD_CHANGE_PURPOSE && payment.status === 'paid' ? mandateOf(payment) : undefined;
}

export function mollieGateway(account: MollieAccount): PaymentGateway {
  return {
    async checkout(request) {
      const client = mollieClient(account);
      const customerId = request.recurring
        ? await mollieCustomer(
            client,
            request.customerName,
            request.customerEmail,
            request.tenantId,
            `customer:${request.orderId}`,
          )
        : undefined;
      const payment = await client.payments.create({
        amount: { currency: request.currency, value: toDecimal(request.totalMinor) },
        description: request.description.slice(0, 255),
        redirectUrl: request.successUrl,
        webhookUrl: request.webhookUrl,
        metadata: { orderId: request.orderId, tenantId: request.tenantId },
        ...(customerId ? { customerId, sequenceType: SequenceType.first } : {}),
      });
      const url = payment.getCheckoutUrl();
      if (!url) throw new Error('Mollie returned a payment without a checkout URL');
      return { reference: payment.id, redirectUrl: url };
    },

    async chargeMandate(request) {
      const { customerId, mandateId } = parseMandate(request.mandate);
      try {
        const payment = await mollieClient(account).payments.create({
          amount: { currency: request.currency, value: toDecimal(request.totalMinor) },
          description: request.description.slice(0, 255),
          customerId,
          mandateId,
          sequenceType: SequenceType.recurring,
          webhookUrl: request.webhookUrl,
          metadata: { orderId: request.orderId, tenantId: request.tenantId },
          idempotencyKey: request.idempotencyKey,
        });
        const outcome = mollieOutcome(payment);
        return {
          reference: payment.id,
          status: outcome?.status === 'PAID' ? 'PAID' : outcome ? 'FAILED' : 'PENDING',
          amountMinor: fromDecimal(payment.amount.value),
          currency: payment.amount.currency,
          providerPaymentId: payment.id,
          method: payment.method ?? null,
        };
      } catch (error) {
        // 422: the mandate is no longer valid (revoked, expired card): the customer must act.
        if ((error as { statusCode?: number }).statusCode === 422) {
          return {
            reference: `refused:${request.idempotencyKey}`,
            status: 'FAILED',
            failure: 'mandate_invalid',
          };
        }
        throw error;
      }
    },

    /** Mollie's way: a new `first` payment of the smallest amount, which leaves the new mandate. */
    async startMethodChange(request) {
      const client = mollieClient(account);
      const customerId = request.mandate
        ? parseMandate(request.mandate).customerId
        : await mollieCustomer(client, request.name, request.email, request.tenantId, `${request.idempotencyKey}:c`);
      const payment = await client.payments.create({
        amount: { currency: request.currency, value: toDecimal(METHOD_CHANGE_MINOR) },
        description: request.description.slice(0, 255),
        redirectUrl: request.returnUrl,
        webhookUrl: request.webhookUrl,
        customerId,
        sequenceType: SequenceType.first,
        metadata: {
          purpose: METHOD_CHANGE_PURPOSE,
          subscriptionId: request.subscriptionId,
          tenantId: request.tenantId,
        },
        idempotencyKey: request.idempotencyKey,
      });
      const url = payment.getCheckoutUrl();
      if (!url) throw new Error('Mollie returned a payment without a checkout URL');
      return { reference: payment.id, redirectUrl: url };
    },

    async refund(request) {
      const refund = await mollieClient(account).paymentRefunds.create({
        paymentId: request.providerPaymentId ?? request.providerReference,
        amount: { currency: request.currency, value: toDecimal(request.amountMinor) },
        description: request.reason?.slice(0, 140) ?? undefined,
        idempotencyKey: request.idempotencyKey,
      });
      return { reference: refund.id, status: refund.status === 'refunded' ? 'SUCCEEDED' : 'PENDING' };
    },
  };
}

/** A harmless call that only a valid API key may make: the payment methods enabled on the account. */
export async function verifyMollieAccount(account: MollieAccount): Promise<void> {
  await mollieClient(account).methods.list();
}
