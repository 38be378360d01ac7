// Checkout (P16, P20): an order in PENDING_PAYMENT with our amounts, and a hosted payment page
// created through the provider's SDK. A first purchase creates the buyer's customer profile.
import { publicBaseUrl, useTenant, type RequestContext } from '../../graphql/context';
import { AppError, ErrorCode, badInput, notFound } from '../../graphql/errors';
import { escapeLike } from '../../db/like';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { Contact } from '../customers/contact.entity';
import { assertMayProcess, processingRefusal } from '../customers/processing.guard';
import { Customer } from '../customers/customer.entity';
import { BillingInterval, ServicePackage } from '../packages/service-package.entity';
import type { Subscription } from '../subscriptions/subscription.entity';
import { gateway, providerCall, webhookUrl, type ChargeResult, type CheckoutSession } from '../payments/gateway';
import { Payment, PaymentStatus } from '../payments/payment.entity';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { BuyerType, decideVat, normaliseVatNumber, vatOf } from '../invoices/vat';
import { checkWithVies } from '../invoices/vies';
import type { CheckoutInput, CheckoutResult } from './checkout.inputs';
import { Order, OrderLine, PaymentProvider } from './order.entity';

async function resolveTenant(ctx: RequestContext, agency: string | undefined): Promise<Tenant> {
  if (!ctx.viewer) {
    if (!agency) throw badInput('agency', 'Name the agency you are buying from');
    const [row] = await ctx.em.execute<{ id: string | null }[]>('select sitecare_tenant_by_slug(?) as id', [agency]);
    if (!row?.id) throw notFound('Agency');
    await useTenant(ctx, row.id);
  }
  return ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
}

/** The buyer's customer and contact: the viewer's own, an existing contact with the e-mail, or new ones. */
async function resolveBuyer(
  ctx: RequestContext,
  tenant: Tenant,
  input: CheckoutInput,
): Promise<{ customer: Customer; contact: Contact; email: string }> {
  if (ctx.viewer) {
    if (ctx.viewer.role !== 'CUSTOMER')
      throw badInput('buyer', 'Staff place orders for a customer from the customer page');
    const user = await ctx.em.findOneOrFail(User, ctx.viewer.userId, { populate: ['contact', 'contact.customer'] });
    if (!user.contact) throw badInput('buyer', 'Your login is not linked to a customer');
    return { customer: user.contact.customer, contact: user.contact, email: user.email };
  }
  const buyer = input.buyer;
  if (!buyer) throw badInput('buyer', 'Tell us who is buying');
  const email = buyer.email.trim();
  const known = await ctx.em.findOne(Contact, { email: { $ilike: escapeLike(email) } }, { populate: ['customer'] });
  if (known) return { customer: known.customer, contact: known, email };
  const vatNumber = normaliseVatNumber(buyer.vatNumber, 'buyer.vatNumber');
  if (vatNumber) await checkWithVies(ctx, vatNumber, 'buyer.vatNumber');
  const customer = ctx.em.create(Customer, {
    tenant,
    name: buyer.company?.trim() || buyer.name.trim(),
    billingCountry: buyer.country.toUpperCase(),
    buyerType: buyer.buyerType ?? (buyer.company?.trim() ? BuyerType.COMPANY : BuyerType.PRIVATE),
    vatNumber,
    addressLine1: buyer.addressLine1?.trim() || null,
    postalCode: buyer.postalCode?.trim() || null,
    city: buyer.city?.trim() || null,
  });
  const language = buyer.preferredLanguage ?? tenant.defaultLanguage;
  const contact = ctx.em.create(Contact, {
    tenant,
    customer,
    name: buyer.name.trim(),
    email,
    country: buyer.country.toUpperCase(),
    preferredLanguage: language,
  });
  // P16: the virtual profile, invited (no password chosen by anyone else) once the order is paid.
  if (!(await ctx.em.count(User, { email: { $ilike: escapeLike(email) } }))) {
    ctx.em.create(User, {
      tenant,
      email,
      name: buyer.name.trim(),
      role: 'CUSTOMER',
      preferredLanguage: language,
      contact,
    });
  }
  return { customer, contact, email };
}

/**
 * The agency's next order number, under the agency's lock. Read by `sitecare_next_order_number` as
 * the owner: the viewer's row rule would hide other customers' orders from a logged-in customer.
 */
async function nextOrderNumber(ctx: RequestContext, tenantId: string): Promise<number> {
  await ctx.em.execute("select pg_advisory_xact_lock(hashtext('orders:' || ?))", [tenantId]);
  const [{ next }] = await ctx.em.execute<{ next: number }[]>('select sitecare_next_order_number() as next');
  return Number(next);
}

export interface PlaceOrder {
  tenant: Tenant;
  customer: Customer;
  contact: Contact;
  email: string;
  pkg: ServicePackage;
  interval: BillingInterval;
  currency: string;
  provider: PaymentProvider;
  siteDomain?: string | null;
  recurringConsentText?: string | null;
  /** A renewal: the subscription and the period it pays for. */
  renewal?: { subscription: Subscription; periodStart: Date };
}

const INTERVAL_WORDS = {
  sv: { MONTHLY: 'månadsvis', YEARLY: 'årsvis' },
  en: { MONTHLY: 'monthly', YEARLY: 'yearly' },
} as const;

/** What the receipt says was bought, in the buyer's language: "Plus (månadsvis) – example.com". */
export function lineDescription(
  pkg: ServicePackage,
  interval: BillingInterval,
  language: string,
  siteDomain?: string | null,
): string {
  const en = language === 'en';
  const words = INTERVAL_WORDS[en ? 'en' : 'sv'];
  return `${en ? pkg.nameEn : pkg.nameSv} (${words[interval]})${siteDomain ? ` – ${siteDomain}` : ''}`;
}

/** A new order processes the buyer's data for service delivery (the processing guard's purpose). */
const ORDER_USE = { purpose: 'service_delivery' };

/**
 * The answer to an anonymous checkout the agency must not take online: it names the field, and
 * nothing about the person whose e-mail was given (issue 23).
 */
function orderNotTakenOnline(tenant: Tenant): AppError {
  const contact = tenant.supportEmail ?? tenant.privacyContactEmail;
  return new AppError(
    ErrorCode.BAD_USER_INPUT,
    `This order cannot be placed online. Contact ${tenant.name} (${contact}) and we will help you.`,
    { field: 'buyer' },
  );
}

/** An order in PENDING_PAYMENT at our own prices and VAT, with its line. Call inside a transaction. */
export async function createOrder(ctx: RequestContext, p: PlaceOrder): Promise<Order> {
  const price = p.pkg.prices.find((x) => x.interval === p.interval && x.currency === p.currency);
  if (!price) throw badInput('currency', `This package has no ${p.interval.toLowerCase()} price in ${p.currency}`);
  // Issue 23: no new order in the name of a person whose processing is restricted (Art. 18).
  await assertMayProcess(ctx, { contactIds: [p.contact.id], email: p.email }, ORDER_USE, 'buyer');
  const { tenant } = p;
  const subtotal = price.amountMinor;
  // Issue 19: the rate and its reason come from the buyer (the one rule: invoices/vat.ts).
  const buyer = { type: p.customer.buyerType, country: p.customer.billingCountry, vatNumber: p.customer.vatNumber };
  const decision = decideVat(
    { country: tenant.country, rateBasisPoints: tenant.vatRateBasisPoints, euPrivateVat: tenant.euPrivateVat },
    buyer,
  );
  const vat = vatOf(subtotal, decision.rateBasisPoints);
  const order = ctx.em.create(Order, {
    tenant,
    number: await nextOrderNumber(ctx, tenant.id),
    customer: p.customer,
    contact: p.contact,
    provider: p.provider,
    currency: p.currency,
    subtotalMinor: subtotal,
    vatRateBasisPoints: decision.rateBasisPoints,
    vatReason: decision.reason,
    buyerType: buyer.type,
    buyerCountry: buyer.country,
    buyerVatNumber: buyer.vatNumber,
    vatMinor: vat,
    totalMinor: subtotal + vat,
    placedBy: ctx.viewer ? ctx.em.getReference(User, ctx.viewer.userId) : null,
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    recurringConsentText: p.recurringConsentText ?? null,
    subscription: p.renewal?.subscription ?? null,
    periodStart: p.renewal?.periodStart ?? null,
  });
  const description = lineDescription(p.pkg, p.interval, p.contact.preferredLanguage, p.siteDomain);
  ctx.em.create(OrderLine, {
    tenant,
    order,
    servicePackage: p.pkg,
    description,
    interval: p.interval,
    quantity: 1,
    unitPriceMinor: subtotal,
    totalMinor: subtotal,
  });
  await ctx.em.flush();
  await audit(ctx, {
    action: 'order.create',
    entityType: 'Order',
    entityId: order.id,
    detail: { number: order.number, provider: p.provider, totalMinor: order.totalMinor, renewal: !!p.renewal },
  });
  return order;
}

const orderDescription = async (ctx: RequestContext, order: Order) => {
  await ctx.em.populate(order, ['tenant', 'lines']);
  return `${order.tenant.name} #${order.number}: ${order.lines[0]?.description ?? ''}`;
};

/** A hosted payment page of the order's provider, and the pending payment that waits for it. */
export async function startCheckout(
  ctx: RequestContext,
  order: Order,
  buyer: { email: string; name: string },
  options: { amountMinor?: number } = {},
): Promise<CheckoutSession> {
  const base = publicBaseUrl(ctx);
  // An open invoice paid in part is paid by card for what is left (issue 19); else the order's total.
  const amountMinor = options.amountMinor ?? order.totalMinor;
  const session = await providerCall(ctx, order.provider, async () =>
    (await gateway(ctx, order.tenant.id, order.provider)).checkout({
      orderId: order.id,
      tenantId: order.tenant.id,
      description: await orderDescription(ctx, order),
      currency: order.currency,
      totalMinor: amountMinor,
      customerEmail: buyer.email,
      customerName: buyer.name,
      recurring: !!order.recurringConsentText,
      successUrl: `${base}/#/orders/${order.id}/show?paid=1`,
      cancelUrl: `${base}/#/orders/${order.id}/show?cancelled=1`,
      webhookUrl: webhookUrl(base, PaymentProvider.MOLLIE, order.tenant.slug),
    }),
  );
  ctx.em.create(Payment, {
    tenant: order.tenant,
    order,
    provider: order.provider,
    providerReference: session.reference,
    amountMinor,
    currency: order.currency,
  });
  await ctx.em.flush();
  return session;
}

/**
 * A charge through the stored mandate (renewals, P20): no page, no buyer present. The payment is
 * recorded whatever the answer; a refusal is an answer (FAILED), an outage throws and rolls back.
 */
export async function chargeMandate(
  ctx: RequestContext,
  order: Order,
  mandate: string,
  idempotencyKey: string,
): Promise<{ payment: Payment; result: ChargeResult }> {
  const result = await providerCall(ctx, order.provider, async () =>
    (await gateway(ctx, order.tenant.id, order.provider)).chargeMandate({
      orderId: order.id,
      tenantId: order.tenant.id,
      description: await orderDescription(ctx, order),
      currency: order.currency,
      totalMinor: order.totalMinor,
      mandate,
      idempotencyKey,
      webhookUrl: webhookUrl(publicBaseUrl(ctx), PaymentProvider.MOLLIE, order.tenant.slug),
    }),
  );
  const payment = ctx.em.create(Payment, {
    tenant: order.tenant,
    order,
    provider: order.provider,
    providerReference: result.reference,
    amountMinor: order.totalMinor,
    currency: order.currency,
    viaMandate: true,
    status: result.status === 'FAILED' ? PaymentStatus.FAILED : PaymentStatus.PENDING,
    failureReason: result.failure ?? null,
  });
  await ctx.em.flush();
  return { payment, result };
}

export async function checkout(ctx: RequestContext, input: CheckoutInput): Promise<CheckoutResult> {
  const tenant = await resolveTenant(ctx, input.agency);
  return inTransaction(ctx, async () => {
    if (input.recurring && !input.recurringConsentText) {
      throw badInput('recurringConsentText', 'Recurring payments need the consent the buyer agreed to');
    }
    const pkg = await ctx.em.findOne(ServicePackage, { id: input.packageId, active: true });
    if (!pkg) throw badInput('packageId', 'No such care package');
    if (!pkg.prices.some((x) => x.interval === input.interval && x.currency === input.currency)) {
      throw badInput('currency', `This package has no ${input.interval.toLowerCase()} price in ${input.currency}`);
    }
    const { customer, contact, email } = await resolveBuyer(ctx, tenant, input);
    // Issue 23: an anonymous stranger may type anyone's e-mail. The restriction is honoured (no order
    // in the person's name) without telling them anything about that person: the refusal names no
    // restriction. A logged-in buyer (their own contact) gets the typed error from createOrder.
    if (!ctx.viewer && (await processingRefusal(ctx, { contactIds: [contact.id], email }, ORDER_USE)))
      throw orderNotTakenOnline(tenant);
    const order = await createOrder(ctx, {
      tenant,
      customer,
      contact,
      email,
      pkg,
      interval: input.interval,
      currency: input.currency,
      provider: input.provider,
      siteDomain: input.siteDomain,
      recurringConsentText: input.recurring ? input.recurringConsentText : null,
    });
    const { redirectUrl } = await startCheckout(ctx, order, { email, name: contact.name });
    return { orderId: order.id, orderNumber: order.number, redirectUrl };
  });
}
