// Issue 19, pay by invoice: staff issue a waiting order as an OPEN invoice with a due date and an OCR
// reference; it is paid by bank (staff mark it paid, or a BgMax import matches it) or by card through
// the order's provider. Every path ends in `markOrderPaid` (invoice.service.ts), the one place an
// order becomes PAID. "Payable" and "overdue" are the SQL rules of invoice.sql.ts, never restated here.
import { DateTime } from 'luxon';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { enqueueMail } from '../mail/outbox.service';
import { formatMoney } from '../mail/templates';
import { startCheckout } from '../orders/checkout.service';
import { Order, OrderStatus } from '../orders/order.entity';
import { contactLanguage } from '../customers/contact.entity';
import { Tenant } from '../tenants/tenant.entity';
import { Invoice, InvoiceKind, InvoicePaidVia } from './invoice.entity';
import { issueInvoice, markOrderPaid } from './invoice.service';
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

/** Staff mark an open invoice paid on `paidOn` (YYYY-MM-DD, the agency's calendar); audited. */
export function markInvoicePaid(ctx: RequestContext, id: string, paidOn: string): Promise<Invoice> {
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
    const paidAt = DateTime.fromISO(paidOn, { zone }).set({ hour: 12 }).toJSDate();
    await markOrderPaid(ctx, invoice.order, paidAt, InvoicePaidVia.MANUAL);
    await audit(ctx, {
      action: 'invoice.mark_paid',
      entityType: 'Invoice',
      entityId: invoice.id,
      detail: { number: invoice.number, paidOn, totalMinor: invoice.totalMinor },
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
    const { redirectUrl } = await startCheckout(ctx, order, { email: contact.email, name: contact.name });
    await audit(ctx, {
      action: 'invoice.pay_start',
      entityType: 'Invoice',
      entityId: invoice.id,
      detail: { number: invoice.number, provider: order.provider },
    });
    return { redirectUrl };
  });
}
