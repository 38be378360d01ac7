// Issue 19, pay by invoice: staff issue a waiting order as an OPEN invoice with a due date and an OCR
// reference; it is paid by bank (staff mark it paid, or a BgMax import matches it) or by card through
// the order's provider. Every path ends in `markOrderPaid` (invoice.service.ts), the one place an
// order becomes PAID. "Payable" and "overdue" are the SQL rules of invoice.sql.ts, never restated here.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DateTime } from 'luxon';
import { publicBaseUrl, type RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { enqueueMail } from '../mail/outbox.service';
import { formatMoney } from '../mail/templates';
import { startCheckout } from '../orders/checkout.service';
import { Order, OrderStatus } from '../orders/order.entity';
import { contactLanguage } from '../customers/contact.entity';
import { Tenant } from '../tenants/tenant.entity';
import { Invoice, InvoiceKind, InvoicePaidVia, InvoicePayment } from './invoice.entity';
import { issueInvoice, markOrderPaid, paidAndRemaining } from './invoice.service';
import { payableSql } from './invoice.sql';
import { BuyerType } from './vat';

/** How to pay an invoice by bank, as the mails say it: bankgiro, plusgiro or IBAN. */
export function payToText(invoice: Invoice): string {
  const s = invoice.seller;
  return [s.bankgiro && `Bankgiro ${s.bankgiro}`, s.plusgiro && `Plusgiro ${s.plusgiro}`, s.iban && `IBAN ${s.iban}`]
    .filter(Boolean)
    .join(', ');
}

/** The invoice `id` if the viewer sees it and it is payable (the one rule), locked for this transaction; else null. */
export async function lockPayableInvoice(ctx: RequestContext, id: string): Promise<Invoice | null> {
  const rows = await ctx.em.execute<{ id: string }[]>(
    `select i.id from invoices i where i.id = ? and ${payableSql('i')} for update`,
    [id],
  );
  if (!rows.length) return null;
  return ctx.em.findOne(Invoice, { id }, { refresh: true, populate: ['order', 'order.contact', 'tenant'] });
}

/** The pay link's token: the invoice id signed with the agency's secret salt (HMAC-SHA-256). */
const payToken = (tenant: Pick<Tenant, 'privacySalt'>, invoiceId: string) =>
  createHmac('sha256', tenant.privacySalt).update(`invoice.pay:${invoiceId}`).digest('base64url');

/**
 * The link a reminder carries: it starts a card payment of what is left of the invoice through the
 * agency's provider (`GET /invoices/<id>/pay`, invoice.routes.ts), without logging in; only the holder
 * of the mail has it, and it pays only that invoice.
 */
export function invoicePayLink(ctx: RequestContext, tenant: Pick<Tenant, 'privacySalt' | 'slug'>, invoiceId: string) {
  const query = new URLSearchParams({ agency: tenant.slug, t: payToken(tenant, invoiceId) });
  return `${publicBaseUrl(ctx)}/invoices/${invoiceId}/pay?${query.toString()}`;
}

/** Whether `token` is the pay link's token of the invoice at this agency. */
export function isPayToken(tenant: Pick<Tenant, 'privacySalt'>, invoiceId: string, token: string): boolean {
  const expected = Buffer.from(payToken(tenant, invoiceId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Mail to the order's contact about an invoice, in the invoice's language, with its PDF attached. */
export async function mailInvoice(
  ctx: RequestContext,
  invoice: Invoice,
  template: 'invoice.issued' | 'invoice.reminder',
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  await ctx.em.populate(invoice, ['order', 'order.contact', 'tenant']);
  const contact = invoice.order.contact;
  if (!contact) return false;
  const language = contactLanguage(contact);
  await enqueueMail(ctx, {
    tenantId: invoice.tenant.id,
    to: contact.email,
    template,
    language,
    payload: {
      agency: invoice.tenant.name,
      name: contact.name,
      number: invoice.number,
      total: formatMoney(invoice.totalMinor, invoice.currency, language),
      remaining: formatMoney((await paidAndRemaining(ctx, invoice.id)).remaining, invoice.currency, language),
      dueDate: invoice.dueDate,
      ocr: invoice.ocrReference ?? String(invoice.number),
      payTo: payToText(invoice) || invoice.seller.email || invoice.tenant.name,
      ...extra,
    },
    invoiceId: invoice.id,
  });
  return true;
}

/**
 * Staff issue a waiting order (B2B: a company buyer) as an OPEN invoice to pay later: due in
 * `dueDays` (the agency's setting by default), with its OCR reference; the buyer gets it by mail.
 */
export function issueOrderAsInvoice(ctx: RequestContext, orderId: string, dueDays?: number): Promise<Invoice> {
  return inTransaction(ctx, async () => {
    const order = await ctx.em.findOne(Order, { id: orderId });
    if (!order) throw notFound('Order');
    if (order.status !== OrderStatus.PENDING_PAYMENT)
      throw badInput('id', 'Only an order waiting for payment can be issued as an invoice');
    if (order.buyerType !== BuyerType.COMPANY) throw badInput('id', 'Pay by invoice is for company buyers');
    if (await ctx.em.count(Invoice, { order, kind: InvoiceKind.INVOICE }))
      throw badInput('id', 'This order already has its invoice');
    const tenant = await ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
    if (!tenant.bankgiro && !tenant.plusgiro && !tenant.iban)
      throw badInput('id', "Set the agency's bankgiro, plusgiro or IBAN (Agency settings) before invoicing");
    const invoice = await issueInvoice(ctx, order, { open: { dueDays: dueDays ?? tenant.invoiceDueDays } });
    await mailInvoice(ctx, invoice, 'invoice.issued');
    return invoice;
  });
}

export interface AppliedPayment {
  /** What the invoice still lacked before this payment. */
  remainingBefore: number;
  /** Applied to the invoice. */
  appliedMinor: number;
  /** Beyond what the invoice lacked: the customer's credit. */
  surplusMinor: number;
  /** Left to pay after it (0: the invoice and its order are PAID). */
  remainingAfter: number;
}

/**
 * THE way a bank payment (staff's manual payment, a BgMax row) reaches an open invoice, locked by the
 * caller (`lockPayableInvoice`): a row of its payments ledger with the amount applied (at most what is
 * left) and any surplus (the customer's credit); when nothing is left, the order and its invoice are
 * PAID through `markOrderPaid`. Less leaves the invoice OPEN with its remaining.
 */
export async function applyInvoicePayment(
  ctx: RequestContext,
  invoice: Invoice,
  payment: { amountMinor: number; paidAt: Date; via: InvoicePaidVia; bgmaxRowId?: string },
): Promise<AppliedPayment> {
  const { remaining } = await paidAndRemaining(ctx, invoice.id);
  const applied = Math.min(payment.amountMinor, remaining);
  const surplus = payment.amountMinor - applied;
  ctx.em.create(InvoicePayment, {
    tenant: invoice.tenant,
    invoice,
    amountMinor: applied,
    surplusMinor: surplus,
    paidAt: payment.paidAt,
    via: payment.via,
    bgmaxRowId: payment.bgmaxRowId ?? null,
  });
  await ctx.em.flush();
  if (applied === remaining) await markOrderPaid(ctx, invoice.order, payment.paidAt, payment.via);
  await audit(ctx, {
    action: 'invoice.payment',
    entityType: 'Invoice',
    entityId: invoice.id,
    detail: {
      number: invoice.number,
      via: payment.via,
      amountMinor: payment.amountMinor,
      appliedMinor: applied,
      surplusMinor: surplus,
      remainingMinor: remaining - applied,
    },
  });
  return {
    remainingBefore: remaining,
    appliedMinor: applied,
    surplusMinor: surplus,
    remainingAfter: remaining - applied,
  };
}

/**
 * Staff record a payment of an open invoice on `paidOn` (YYYY-MM-DD, the agency's calendar): `amountMinor`
 * (what is left by default); less leaves it open with the rest, more records the surplus as the
 * customer's credit. Audited.
 */
export function markInvoicePaid(
  ctx: RequestContext,
  id: string,
  paidOn: string,
  amountMinor?: number,
): Promise<Invoice> {
  return inTransaction(ctx, async () => {
    const invoice = await lockPayableInvoice(ctx, id);
    if (!invoice) {
      if (!(await ctx.em.count(Invoice, { id }))) throw notFound('Invoice');
      throw badInput('id', 'Only an open invoice can be marked paid');
    }
    const zone = invoice.tenant.timezone;
    const today = DateTime.now().setZone(zone).toISODate()!;
    if (paidOn > today) throw badInput('paidOn', 'The payment date cannot be in the future');
    if (paidOn < invoice.issueDate) throw badInput('paidOn', 'The payment date cannot be before the invoice date');
    if (amountMinor !== undefined && (!Number.isInteger(amountMinor) || amountMinor <= 0))
      throw badInput('amountMinor', 'The amount must be a positive whole number of minor units');
    const paidAt = DateTime.fromISO(paidOn, { zone }).set({ hour: 12 }).toJSDate();
    const { remaining } = await paidAndRemaining(ctx, invoice.id);
    const applied = await applyInvoicePayment(ctx, invoice, {
      amountMinor: amountMinor ?? remaining,
      paidAt,
      via: InvoicePaidVia.MANUAL,
    });
    await audit(ctx, {
      action: 'invoice.mark_paid',
      entityType: 'Invoice',
      entityId: invoice.id,
      detail: { number: invoice.number, paidOn, totalMinor: invoice.totalMinor, ...applied },
    });
    return invoice;
  });
}

/**
 * The buyer (or staff for them) pays an open invoice by card: the order's own checkout through the
 * agency's provider (startCheckout); the provider's event then marks the order, and so the invoice, paid.
 */
export function payInvoiceByCard(ctx: RequestContext, id: string): Promise<{ redirectUrl: string }> {
  return inTransaction(ctx, async () => {
    const invoice = await lockPayableInvoice(ctx, id);
    if (!invoice) {
      if (!(await ctx.em.count(Invoice, { id }))) throw notFound('Invoice');
      throw badInput('id', 'This invoice is not open for payment');
    }
    const order = invoice.order;
    const contact = order.contact;
    if (!contact) throw badInput('id', 'This invoice has no buyer to pay it');
    // The open amount: what the ledger has not received yet (the one rule).
    const { remaining } = await paidAndRemaining(ctx, invoice.id);
    const { redirectUrl } = await startCheckout(
      ctx,
      order,
      { email: contact.email, name: contact.name },
      { amountMinor: remaining },
    );
    await audit(ctx, {
      action: 'invoice.pay_start',
      entityType: 'Invoice',
      entityId: invoice.id,
      detail: { number: invoice.number, provider: order.provider, amountMinor: remaining },
    });
    return { redirectUrl };
  });
}
