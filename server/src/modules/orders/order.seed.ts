// Demo data: one order in every status from the agency's first customers and packages (paid, paid,
// waiting for payment, cancelled, refunded), priced and taxed as a checkout prices them, and the mail
// each would have caused, already sent (the relay never sends demo mail).
import type { EntityManager } from '@mikro-orm/postgresql';
import { asSupportedLanguage, type SupportedLanguage } from '@sitecare/schema';
import { demoSeedKey, type DemoSeeder } from '../../system/demo-seed';
import { DEMO_CUSTOMERS } from '../customers/customer.seed';
import { decideVat, vatOf } from '../invoices/vat';
import { OutboxMessage, OutboxStatus } from '../mail/outbox-message.entity';
import { formatMoney, renderSubject, type MailTemplate } from '../mail/templates';
import { DEMO_PACKAGES } from '../packages/package.seed';
import { BillingInterval, type ServicePackage } from '../packages/service-package.entity';
import type { Tenant } from '../tenants/tenant.entity';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { lineDescription } from './checkout.service';
import { Order, OrderLine, OrderStatus, PaymentProvider } from './order.entity';

const DAY = 24 * 3600_000;

export interface SeededOrder {
  order: Order;
  /** Its one line's package. */
  servicePackage: ServicePackage;
}

/** The agency's demo orders, by number. */
export const DEMO_ORDERS = demoSeedKey<SeededOrder[]>('orders', 'orders');

/** The order's contact's mail in the contact's language, sent when the order was paid (or made). */
export function seedOrderMail(
  em: EntityManager,
  tenant: Tenant,
  order: Order,
  mails: (language: SupportedLanguage) => Array<[MailTemplate, Record<string, unknown>]>,
): void {
  const contact = order.contact;
  if (!contact) return;
  const language = asSupportedLanguage(contact.preferredLanguage);
  for (const [template, payload] of mails(language))
    em.create(OutboxMessage, {
      tenant,
      recipient: contact.email,
      template,
      language,
      subject: renderSubject(template, language, payload),
      payload,
      status: OutboxStatus.SENT,
      attempts: 1,
      sentAt: order.paidAt ?? order.createdAt,
      createdAt: order.paidAt ?? order.createdAt,
    });
}

/** What a mail about the order says of it: the agency, the buyer's name, the order's number. */
export const orderMailBase = (tenant: Tenant, order: Order) => ({
  agency: tenant.name,
  name: order.contact?.name,
  number: order.number,
});

/** The mail the order's status caused. */
function statusMail(tenant: Tenant, order: Order, pkg: ServicePackage, language: SupportedLanguage) {
  const money = (minor: number) => formatMoney(minor, order.currency, language);
  const base = orderMailBase(tenant, order);
  const receipt = {
    ...base,
    lines: `${lineDescription(pkg, BillingInterval.MONTHLY, language)}: ${money(order.subtotalMinor)}`,
    total: money(order.totalMinor),
    vat: money(order.vatMinor),
  };
  type Mail = [MailTemplate, Record<string, unknown>];
  const byStatus: Record<OrderStatus, Mail[]> = {
    [OrderStatus.PAID]: [['order.receipt', receipt]],
    [OrderStatus.PENDING_PAYMENT]: [],
    [OrderStatus.CANCELLED]: [['order.payment_failed', base]],
    [OrderStatus.PARTIALLY_REFUNDED]: [['order.receipt', receipt]],
    [OrderStatus.REFUNDED]: [
      ['order.receipt', receipt],
      ['order.refunded', { ...base, total: money(order.totalMinor) }],
    ],
  };
  return byStatus[order.status];
}

export const orderSeed: DemoSeeder = {
  after: ['tenants', 'packages', 'customers'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    const customers = ctx.get(DEMO_CUSTOMERS);
    const packages = ctx.get(DEMO_PACKAGES);
    const statuses = [
      OrderStatus.PAID,
      OrderStatus.PAID,
      OrderStatus.PENDING_PAYMENT,
      OrderStatus.CANCELLED,
      OrderStatus.REFUNDED,
    ];
    const providers = [PaymentProvider.STRIPE, PaymentProvider.MOLLIE, PaymentProvider.PAYPAL];
    const orders = statuses.map((status, i): SeededOrder => {
      const { customer, contacts } = customers[i % customers.length];
      const pkg = packages[i % packages.length];
      const price = pkg.prices.find((p) => p.currency === 'SEK' && p.interval === BillingInterval.MONTHLY)!;
      const decision = decideVat(
        { country: tenant.country, rateBasisPoints: tenant.vatRateBasisPoints, euPrivateVat: tenant.euPrivateVat },
        { type: customer.buyerType, country: customer.billingCountry, vatNumber: customer.vatNumber },
      );
      const vat = vatOf(price.amountMinor, decision.rateBasisPoints);
      const created = new Date(Date.now() - (40 - i * 7) * DAY);
      const order = ctx.em.create(Order, {
        tenant,
        number: i + 1,
        customer,
        contact: contacts[0] ?? null,
        status,
        provider: providers[i % providers.length],
        currency: 'SEK',
        subtotalMinor: price.amountMinor,
        vatRateBasisPoints: decision.rateBasisPoints,
        vatReason: decision.reason,
        buyerType: customer.buyerType,
        buyerCountry: customer.billingCountry,
        buyerVatNumber: customer.vatNumber,
        vatMinor: vat,
        totalMinor: price.amountMinor + vat,
        createdAt: created,
        paidAt:
          status === OrderStatus.PAID || status === OrderStatus.REFUNDED ? new Date(created.getTime() + 60_000) : null,
      });
      ctx.em.create(OrderLine, {
        tenant,
        order,
        servicePackage: pkg,
        description: lineDescription(pkg, BillingInterval.MONTHLY, contacts[0]?.preferredLanguage ?? 'sv'),
        interval: BillingInterval.MONTHLY,
        quantity: 1,
        unitPriceMinor: price.amountMinor,
        totalMinor: price.amountMinor,
      });
      seedOrderMail(ctx.em, tenant, order, (language) => statusMail(tenant, order, pkg, language));
      return { order, servicePackage: pkg };
    });
    ctx.set(DEMO_ORDERS, orders);
  },
};
