// Demo data: each demo order's payment, as its provider reported it (the cancelled order's card was
// declined), the refunded order's refunds (issue 19), and the agency's own (fake) payment accounts,
// sealed as its agency secrets (issue 17).
import { demoPaymentAccounts } from '@sitecare/seeds';
import type { DemoSeeder } from '../../system/demo-seed';
import { sealAgencySecret } from '../agency-secrets/agency-secret.service';
import { AgencySecret } from '../agency-secrets/agency-secret.entity';
import { OrderStatus, PaymentProvider } from '../orders/order.entity';
import { DEMO_ORDERS } from '../orders/order.seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { PAYMENT_SECRETS } from './accounts';
import { Payment, PaymentStatus } from './payment.entity';
import { Refund } from './refund.entity';

const DAY = 24 * 3600_000;

const paymentStatus = {
  PAID: PaymentStatus.PAID,
  PENDING_PAYMENT: PaymentStatus.PENDING,
  CANCELLED: PaymentStatus.FAILED,
  PARTIALLY_REFUNDED: PaymentStatus.PAID,
  REFUNDED: PaymentStatus.REFUNDED,
} as const;

export const paymentSeed: DemoSeeder = {
  after: ['tenants', 'orders'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    ctx.get(DEMO_ORDERS).forEach(({ order }, i) => {
      const { provider, status } = order;
      const created = order.createdAt;
      const payment = ctx.em.create(Payment, {
        tenant,
        order,
        provider,
        providerReference: `demo_${provider.toLowerCase()}_${tenant.slug}_${i + 1}`,
        method: provider === PaymentProvider.PAYPAL ? 'paypal' : 'card',
        amountMinor: order.totalMinor,
        currency: 'SEK',
        status: paymentStatus[status],
        paidAt: order.paidAt,
        refundedAt: status === OrderStatus.REFUNDED ? new Date(created.getTime() + 3 * DAY) : null,
        // The failed one was refused by the card's bank, as Stripe reports it (issue 25).
        failureReason: paymentStatus[status] === PaymentStatus.FAILED ? 'card_declined' : null,
      });
      if (status !== OrderStatus.REFUNDED) return;
      // The refund ledger (issue 19): a part first (one month's support hours not used), then the rest.
      // PostgreSQL adds them up on the payment and the order.
      const part = Math.round(order.totalMinor * 0.4);
      const refunds: [number, string][] = [
        [part, 'Support hours not used this month'],
        [order.totalMinor - part, 'The customer moved the site in-house'],
      ];
      refunds.forEach(([amountMinor, reason], n) =>
        ctx.em.create(Refund, {
          tenant,
          payment,
          order,
          amountMinor,
          currency: 'SEK',
          reason,
          providerRefundId: `demo_refund_${tenant.slug}_${n + 1}`,
          idempotencyKey: `demo-${n + 1}`,
          createdAt: new Date(created.getTime() + (n + 2) * DAY),
        }),
      );
      order.refundReason = refunds[1][1];
      order.refundedAt = payment.refundedAt;
    });

    const accounts = demoPaymentAccounts[tenant.slug as keyof typeof demoPaymentAccounts];
    if (!accounts) return;
    const values = {
      [PaymentProvider.STRIPE]: accounts.stripe,
      [PaymentProvider.MOLLIE]: accounts.mollie,
      [PaymentProvider.PAYPAL]: accounts.paypal,
    };
    for (const provider of Object.values(PaymentProvider)) {
      for (const [field, name] of Object.entries(PAYMENT_SECRETS[provider] as Record<string, string>)) {
        const secret = (values[provider] as Record<string, string>)[field];
        ctx.em.create(AgencySecret, {
          tenant,
          name,
          ...sealAgencySecret(ctx.keyring, tenant.id, name, secret),
          verifiedAt: null,
        });
      }
    }
    tenant.paypalEnvironment = 'sandbox';
  },
};
