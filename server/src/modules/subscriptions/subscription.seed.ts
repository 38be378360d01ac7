// Demo data (P20): the two paid demo orders renew. The first one's subscription is active, renewed
// five days ago and keeping the card it was bought with (issue 25); the second one's was cancelled and
// ran out, and its buyer got the cancellation mail.
import { demoSavedCards, RECURRING_CONSENT_TEXT } from '@sitecare/seeds';
import type { DemoSeeder } from '../../system/demo-seed';
import { PaymentProvider } from '../orders/order.entity';
import { DEMO_ORDERS, orderMailBase, seedOrderMail } from '../orders/order.seed';
import { BillingInterval } from '../packages/service-package.entity';
import type { Tenant } from '../tenants/tenant.entity';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { nthPeriodEnd } from './periods';
import { Subscription, SubscriptionStatus } from './subscription.entity';

const DAY = 24 * 3600_000;

/** The demo's saved card for a Stripe subscription of this agency (`cus_…/pm_…`), as a checkout keeps it. */
function savedCardOf(tenant: Tenant, provider: PaymentProvider): string | null {
  const card = demoSavedCards[tenant.slug as keyof typeof demoSavedCards];
  return card && provider === PaymentProvider.STRIPE ? `${card.customer}/${card.paymentMethod}` : null;
}

export const subscriptionSeed: DemoSeeder = {
  after: ['tenants', 'orders'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    ctx
      .get(DEMO_ORDERS)
      .slice(0, 2)
      .forEach(({ order, servicePackage }, i) => {
        const active = i === 0;
        order.recurringConsentText = RECURRING_CONSENT_TEXT;
        const start = active ? new Date(Date.now() - 5 * DAY) : order.paidAt!;
        ctx.em.create(Subscription, {
          tenant,
          customer: order.customer,
          servicePackage,
          firstOrder: order,
          interval: BillingInterval.MONTHLY,
          currency: 'SEK',
          provider: order.provider,
          status: active ? SubscriptionStatus.ACTIVE : SubscriptionStatus.CANCELLED,
          providerReference: active ? savedCardOf(tenant, order.provider) : null,
          periodAnchor: start,
          currentPeriodStart: start,
          currentPeriodEnd: nthPeriodEnd(start, BillingInterval.MONTHLY, tenant.timezone, 1),
          nextRenewalAt: nthPeriodEnd(start, BillingInterval.MONTHLY, tenant.timezone, 1),
          recurringConsent: {
            givenAt: order.createdAt,
            wording: RECURRING_CONSENT_TEXT,
            ip: '203.0.113.20',
            userAgent: 'Mozilla/5.0 (demo)',
          },
          cancelledAt: active ? null : new Date(Date.now() - 2 * DAY),
          cancelReason: active ? null : 'Moving the site in-house',
        });
        if (active) return;
        const until = nthPeriodEnd(order.paidAt!, BillingInterval.MONTHLY, tenant.timezone, 1)
          .toISOString()
          .slice(0, 10);
        seedOrderMail(ctx.em, tenant, order, (language) => [
          [
            'subscription.cancelled',
            {
              ...orderMailBase(tenant, order),
              package: language === 'en' ? servicePackage.nameEn : servicePackage.nameSv,
              until,
            },
          ],
        ]);
      });
  },
};
