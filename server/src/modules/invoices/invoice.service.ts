// Issue 19: invoices and credit notes. `markOrderPaid` is the ONE place an order becomes PAID (every
// path calls it: the providers' webhooks, renewals paid through a stored mandate or a payment page,
// and staff marking an order paid), and it issues the order's invoice in the same transaction.
// `issueCreditNote` is the ONE function a refund calls. Both write the document once, with its PDF.
import { DateTime } from 'luxon';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import type { Page, PageInput } from '../../graphql/pagination';
import { readList } from '../../graphql/sql/reads';
import { audit } from '../audit/audit.service';
import { OrderStatus, type Order } from '../orders/order.entity';
import { periodEndAfter } from '../subscriptions/periods';
import { Tenant } from '../tenants/tenant.entity';
import { Payment, PaymentStatus } from '../payments/payment.entity';
import { createOcr } from '../payments/ocr';
import {
  Invoice,
  InvoiceKind,
  InvoicePaidVia,
  InvoicePayment,
  InvoiceStatus,
  type InvoiceLineData,
  type SellerSnapshot,
  type VatRateTotal,
} from './invoice.entity';
import { paidSql, remainingSql } from './invoice.sql';
import { nextDocumentNumber } from './numbering';
import { renderInvoicePdf } from './pdf';
import { BuyerType, vatOf } from './vat';

/** Where a foreign currency's rate comes from (printed on the invoice). */
export const EXCHANGE_RATE_SOURCE = {
  sv: 'fastställd av byrån (INVOICE_EXCHANGE_RATES)',
  en: 'set by the agency (INVOICE_EXCHANGE_RATES)',
} as const;

const isoDate = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toISODate()!;

/** Per VAT rate: the lines' taxable amounts and the VAT on each sum (minor units, signs kept). */
export function vatTotalsOf(lines: InvoiceLineData[]): VatRateTotal[] {
  const byRate = new Map<number, number>();
  for (const l of lines) byRate.set(l.vatRateBasisPoints, (byRate.get(l.vatRateBasisPoints) ?? 0) + l.totalMinor);
  return [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBasisPoints, taxableMinor]) => ({
      rateBasisPoints,
      taxableMinor,
      vatMinor: vatOf(taxableMinor, rateBasisPoints),
    }));
}

/** The seller as printed on the document, its country named in the document's language. */
function sellerOf(tenant: Tenant, language: string): SellerSnapshot {
  const place = [tenant.postalCode, tenant.city].filter(Boolean).join(' ');
  return {
    name: tenant.name,
    legalName: tenant.legalName,
    organisationNumber: tenant.organisationNumber,
    vatNumber: tenant.vatNumber,
    address: [tenant.addressLine1, tenant.addressLine2, place || null, countryName(tenant.country, language)].filter(
      (x): x is string => !!x,
    ),
    country: tenant.country,
    fSkatt: tenant.fSkatt,
    bankgiro: tenant.bankgiro,
    plusgiro: tenant.plusgiro,
    iban: tenant.iban,
    bic: tenant.bic,
    email: tenant.supportEmail,
  };
}

const countryName = (code: string, language: string) =>
  new Intl.DisplayNames([language === 'sv' ? 'sv' : 'en'], { type: 'region' }).of(code.toUpperCase()) ?? code;

async function logoOf(ctx: RequestContext, tenantId: string) {
  const [row] = await ctx.em.execute<{ logo: Buffer | null; logo_content_type: string | null }[]>(
    'select logo, logo_content_type from tenants where id = ?',
    [tenantId],
  );
  return row?.logo && row.logo_content_type ? { bytes: row.logo, contentType: row.logo_content_type } : null;
}

/** A foreign currency's configured rate (SEK per unit) and the VAT in SEK; nothing for SEK. */
function inSek(ctx: RequestContext, currency: string, vatMinor: number, language: 'sv' | 'en') {
  if (currency === 'SEK') return {};
  const rate = ctx.app.config.invoices.exchangeRates[currency];
  if (!rate) return {};
  return {
    exchangeRate: rate.toFixed(6),
    exchangeRateSource: EXCHANGE_RATE_SOURCE[language],
    vatSekMinor: Math.round(vatMinor * rate),
  };
}

async function storePdf(ctx: RequestContext, doc: Invoice, orderNumber: number, creditedNumber?: number) {
  doc.pdf = await renderInvoicePdf(doc, {
    orderNumber,
    creditedNumber: creditedNumber ?? null,
    logo: await logoOf(ctx, doc.tenant.id),
  });
  await ctx.em.flush();
}

/**
 * The order becomes PAID (once) and gets its invoice, in the caller's transaction. Every path that
 * learns an order is paid calls this (the providers' webhooks, staff marking an invoice paid, a BgMax
 * import); it returns the invoice (the existing one if already issued: an OPEN invoice becomes PAID,
 * with when and how). The order's other payment pages can no longer be used.
 */
export async function markOrderPaid(
  ctx: RequestContext,
  order: Order,
  paidAt: Date,
  via: InvoicePaidVia = InvoicePaidVia.PROVIDER,
  exceptPaymentId?: string,
): Promise<Invoice> {
  order.status = OrderStatus.PAID;
  order.paidAt ??= paidAt;
  await ctx.em.nativeUpdate(
    Payment,
    { order, status: PaymentStatus.PENDING, ...(exceptPaymentId ? { id: { $ne: exceptPaymentId } } : {}) },
    { status: PaymentStatus.FAILED, failureReason: 'superseded' },
  );
  await ctx.em.flush();
  const invoice = await issueInvoice(ctx, order, { paidVia: via, paymentId: exceptPaymentId });
  if (invoice.status === InvoiceStatus.OPEN) {
    // The payment that settles an open invoice goes into its ledger: whatever it still lacked (a new
    // invoice, issued paid, has its row already). A card payment beyond that is the customer's credit.
    const { paid } = await paidAndRemaining(ctx, invoice.id);
    const rest = Math.max(invoice.totalMinor - paid, 0);
    const payment = exceptPaymentId ? await ctx.em.findOne(Payment, { id: exceptPaymentId }) : null;
    const surplus = payment ? Math.max(payment.amountMinor - rest, 0) : 0;
    if (rest + surplus > 0)
      ctx.em.create(InvoicePayment, {
        tenant: invoice.tenant,
        invoice,
        amountMinor: rest,
        surplusMinor: surplus,
        paidAt,
        via,
        paymentId: exceptPaymentId ?? null,
      });
    invoice.status = InvoiceStatus.PAID;
    invoice.paidAt = paidAt;
    invoice.paidVia = via;
    await ctx.em.flush();
    await audit(ctx, {
      action: 'invoice.paid',
      entityType: 'Invoice',
      entityId: invoice.id,
      detail: { number: invoice.number, orderId: order.id, via, paidAt: paidAt.toISOString() },
    });
  }
  return invoice;
}

/** What the ledger has applied to an invoice and what is left to pay: the one SQL rule (invoice.sql.ts). */
export async function paidAndRemaining(
  ctx: RequestContext,
  invoiceId: string,
): Promise<{ paid: number; remaining: number }> {
  await ctx.em.flush();
  const [row] = await ctx.em.execute<{ paid: number; remaining: number }[]>(
    `select ${paidSql('i')} as paid, ${remainingSql('i')} as remaining from invoices i where i.id = ?`,
    [invoiceId],
  );
  return { paid: Number(row?.paid ?? 0), remaining: Number(row?.remaining ?? 0) };
}

/**
 * How an invoice is issued: paid (the default, with how), or OPEN to pay later with `dueDays` to its
 * due date (issued now; the demo data issues some earlier).
 */
export type IssueOptions =
  { paidVia?: InvoicePaidVia; paymentId?: string } | { open: { dueDays: number; issuedAt?: Date } };

/** The invoice of a paid order (issue 19): numbered, with its PDF; idempotent per order. */
export async function issueInvoice(ctx: RequestContext, order: Order, options: IssueOptions = {}): Promise<Invoice> {
  const existing = await ctx.em.findOne(Invoice, { order, kind: InvoiceKind.INVOICE });
  if (existing) return existing;
  await ctx.em.populate(order, ['tenant', 'customer', 'contact', 'lines', 'subscription']);
  const tenant = order.tenant;
  const customer = order.customer;
  const language = (order.contact?.preferredLanguage ?? tenant.defaultLanguage) === 'en' ? 'en' : 'sv';
  const open = 'open' in options ? options.open : null;
  const paidAt = open ? (open.issuedAt ?? new Date()) : (order.paidAt ?? new Date());
  const start = order.periodStart ?? paidAt;
  // A renewal's period follows its subscription's anchor (the start day, clamped to the month's end);
  // a first order's period starts when it does.
  const anchor = order.subscription?.periodAnchor ?? start;
  const lines: InvoiceLineData[] = order.lines.getItems().map((l) => ({
    description: l.description,
    quantity: l.quantity,
    unitPriceMinor: l.unitPriceMinor,
    totalMinor: l.totalMinor,
    vatRateBasisPoints: order.vatRateBasisPoints,
    supplyFrom: isoDate(start, tenant.timezone),
    // The period paid for, its last day included.
    supplyTo: DateTime.fromJSDate(periodEndAfter(anchor, l.interval, tenant.timezone, start), { zone: tenant.timezone })
      .minus({ days: 1 })
      .toISODate()!,
  }));
  const vatTotals = vatTotalsOf(lines);
  const subtotal = lines.reduce((sum, l) => sum + l.totalMinor, 0);
  const vat = vatTotals.reduce((sum, t) => sum + t.vatMinor, 0);
  const issueDate = isoDate(paidAt, tenant.timezone);
  const place = [customer.postalCode, customer.city].filter(Boolean).join(' ');
  const number = await nextDocumentNumber(ctx, tenant.id, InvoiceKind.INVOICE);
  const invoice = ctx.em.create(Invoice, {
    tenant,
    kind: InvoiceKind.INVOICE,
    number,
    order,
    customer,
    status: open ? InvoiceStatus.OPEN : InvoiceStatus.PAID,
    issueDate,
    dueDate: open ? DateTime.fromISO(issueDate).plus({ days: open.dueDays }).toISODate()! : issueDate,
    // Bankgirot's OCR reference (length digit and mod-10 check digit) of the invoice number.
    ocrReference: createOcr(number),
    paidAt: open ? null : paidAt,
    paidVia: open ? null : ('paidVia' in options && options.paidVia) || InvoicePaidVia.PROVIDER,
    currency: order.currency,
    subtotalMinor: subtotal,
    vatMinor: vat,
    totalMinor: subtotal + vat,
    vatReason: order.vatReason,
    language,
    buyerName: customer.name,
    buyerAddress: [customer.addressLine1, place || null, countryName(order.buyerCountry, language)].filter(
      (x): x is string => !!x,
    ),
    buyerCountry: order.buyerCountry,
    buyerType: order.buyerType,
    buyerVatNumber: order.buyerVatNumber,
    buyerOrganisationNumber: order.buyerType === BuyerType.COMPANY ? customer.organisationNumber : null,
    seller: sellerOf(tenant, language),
    lines,
    vatTotals,
    ...inSek(ctx, order.currency, vat, language),
  });
  // Issued paid: its payment is the ledger's first row (the whole amount).
  if (!open && invoice.totalMinor > 0)
    ctx.em.create(InvoicePayment, {
      tenant,
      invoice,
      amountMinor: invoice.totalMinor,
      paidAt,
      via: invoice.paidVia ?? InvoicePaidVia.PROVIDER,
      paymentId: ('paymentId' in options && options.paymentId) || null,
    });
  await ctx.em.flush();
  await storePdf(ctx, invoice, order.number);
  await audit(ctx, {
    action: 'invoice.issue',
    entityType: 'Invoice',
    entityId: invoice.id,
    detail: {
      number: invoice.number,
      orderId: order.id,
      totalMinor: invoice.totalMinor,
      vatReason: invoice.vatReason,
      ...(open ? { open: true, dueDate: invoice.dueDate } : {}),
    },
  });
  return invoice;
}

/** What a credit note credits: the whole invoice, an amount including VAT, or lines (by index, optionally fewer units). */
export type CreditSpec =
  { full: true } | { amountMinor: number } | { lines: Array<{ lineIndex: number; quantity?: number }> };

const CREDIT_WORDS = { sv: 'Kreditering av faktura', en: 'Credit of invoice' } as const;

/**
 * Issue 19: a credit note for (part of) `invoice`, with its own gap-free series, negative amounts and
 * VAT per rate, referencing the invoice; the ONE function a refund calls, in the refund's transaction.
 * Refuses (BAD_USER_INPUT naming the field) a credit beyond what the invoice has left.
 */
export async function issueCreditNote(
  ctx: RequestContext,
  invoiceOrId: Invoice | string,
  spec: CreditSpec,
  reason: string,
): Promise<Invoice> {
  const invoice = typeof invoiceOrId === 'string' ? await ctx.em.findOne(Invoice, { id: invoiceOrId }) : invoiceOrId;
  if (!invoice || invoice.kind !== InvoiceKind.INVOICE) throw notFound('Invoice');
  await ctx.em.populate(invoice, ['tenant', 'order', 'customer']);
  const language = invoice.language;
  const earlier = await ctx.em.find(Invoice, { creditedInvoice: invoice, kind: InvoiceKind.CREDIT_NOTE });
  const creditedSoFar = -earlier.reduce((sum, c) => sum + c.totalMinor, 0);
  const left = invoice.totalMinor - creditedSoFar;

  let lines: InvoiceLineData[];
  if ('full' in spec) {
    if (creditedSoFar > 0) return issueCreditNote(ctx, invoice, { amountMinor: left }, reason);
    lines = invoice.lines.map((l) => ({ ...l, unitPriceMinor: -l.unitPriceMinor, totalMinor: -l.totalMinor }));
  } else if ('lines' in spec) {
    if (!spec.lines.length) throw badInput('lines', 'Name at least one line to credit');
    lines = spec.lines.map(({ lineIndex, quantity }) => {
      const line = invoice.lines[lineIndex];
      if (!line) throw badInput('lines', `The invoice has no line ${lineIndex}`);
      const units = quantity ?? line.quantity;
      if (!Number.isInteger(units) || units < 1 || units > line.quantity)
        throw badInput('lines', `Credit 1 to ${line.quantity} of line ${lineIndex}`);
      return {
        ...line,
        quantity: units,
        unitPriceMinor: -line.unitPriceMinor,
        totalMinor: -line.unitPriceMinor * units,
      };
    });
  } else {
    const gross = spec.amountMinor;
    if (!Number.isInteger(gross) || gross <= 0)
      throw badInput('amountMinor', 'The amount must be a positive whole number of minor units');
    // Spread over the invoice's rates in proportion to their gross amounts; the last rate takes the rounding.
    const groups = invoice.vatTotals.filter((t) => t.taxableMinor + t.vatMinor !== 0);
    let remaining = gross;
    lines = groups.map((t, i) => {
      const share =
        i === groups.length - 1 ? remaining : Math.round((gross * (t.taxableMinor + t.vatMinor)) / invoice.totalMinor);
      remaining -= share;
      const net = Math.round((share * 10_000) / (10_000 + t.rateBasisPoints));
      const first = invoice.lines.find((l) => l.vatRateBasisPoints === t.rateBasisPoints) ?? invoice.lines[0];
      return {
        description: `${CREDIT_WORDS[language]} ${invoice.number}`,
        quantity: 1,
        unitPriceMinor: -net,
        totalMinor: -net,
        vatRateBasisPoints: t.rateBasisPoints,
        supplyFrom: first.supplyFrom,
        supplyTo: first.supplyTo,
      };
    });
  }
  const vatTotals = vatTotalsOf(lines);
  const subtotal = lines.reduce((sum, l) => sum + l.totalMinor, 0);
  let vat = vatTotals.reduce((sum, t) => sum + t.vatMinor, 0);
  // An amount credit gives back exactly that amount: the VAT takes the cent that net rounding moved.
  if ('amountMinor' in spec && subtotal + vat !== -spec.amountMinor && vatTotals.length) {
    const diff = -spec.amountMinor - (subtotal + vat);
    vatTotals[vatTotals.length - 1].vatMinor += diff;
    vat += diff;
  }
  if (-(subtotal + vat) > left)
    throw badInput(
      'amountMinor' in spec ? 'amountMinor' : 'lines',
      `The invoice has ${left} minor units left to credit; this credit is ${-(subtotal + vat)}`,
    );
  const tenant = invoice.tenant;
  const issueDate = isoDate(new Date(), tenant.timezone);
  const note = ctx.em.create(Invoice, {
    tenant,
    kind: InvoiceKind.CREDIT_NOTE,
    number: await nextDocumentNumber(ctx, tenant.id, InvoiceKind.CREDIT_NOTE),
    order: invoice.order,
    customer: invoice.customer,
    creditedInvoice: invoice,
    status: InvoiceStatus.ISSUED,
    issueDate,
    dueDate: issueDate,
    currency: invoice.currency,
    subtotalMinor: subtotal,
    vatMinor: vat,
    totalMinor: subtotal + vat,
    vatReason: invoice.vatReason,
    language,
    buyerName: invoice.buyerName,
    buyerAddress: invoice.buyerAddress,
    buyerCountry: invoice.buyerCountry,
    buyerType: invoice.buyerType,
    buyerVatNumber: invoice.buyerVatNumber,
    buyerOrganisationNumber: invoice.buyerOrganisationNumber,
    seller: invoice.seller,
    lines,
    vatTotals,
    ...(invoice.exchangeRate
      ? {
          exchangeRate: invoice.exchangeRate,
          exchangeRateSource: invoice.exchangeRateSource,
          vatSekMinor: Math.round(vat * Number(invoice.exchangeRate)),
        }
      : {}),
  });
  if (creditedSoFar - (subtotal + vat) >= invoice.totalMinor) invoice.status = InvoiceStatus.CREDITED;
  await ctx.em.flush();
  await storePdf(ctx, note, invoice.order.number, invoice.number);
  await audit(ctx, {
    action: 'invoice.credit',
    entityType: 'Invoice',
    entityId: note.id,
    detail: {
      number: note.number,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      totalMinor: note.totalMinor,
      reason,
    },
  });
  return note;
}

export interface InvoiceFilter {
  kind?: InvoiceKind;
  status?: InvoiceStatus;
  /** Overdue (the one rule: invoice.sql.ts) or not. */
  overdue?: boolean;
  customerId?: string;
  orderId?: string;
  /** Issue dates from and to (inclusive), YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export function listInvoices(ctx: RequestContext, filter: InvoiceFilter, page: PageInput): Promise<Page<Invoice>> {
  return readList(ctx, 'Query.invoices', { filter: { ...filter }, page });
}

/** Out of the viewer's rows answers exactly like absent (the row rule is PostgreSQL's). */
export async function getInvoice(ctx: RequestContext, id: string): Promise<Invoice> {
  const invoice = await ctx.em.findOne(Invoice, { id });
  if (!invoice) throw notFound('Invoice');
  return invoice;
}

/** The stored PDF and its file name, for the download route and mail; null when the viewer cannot see it. */
export async function readInvoicePdf(
  ctx: RequestContext,
  id: string,
): Promise<{ invoice: Invoice; pdf: Buffer } | null> {
  const invoice = await ctx.em.findOne(Invoice, { id }, { populate: ['pdf'] });
  if (!invoice?.pdf) return null;
  return { invoice, pdf: invoice.pdf };
}

/**
 * A full refund (staff's orderRefund, or the provider's refund event): a credit note for what the
 * order's invoice has left, if it has an invoice and anything left. The partial refunds call
 * `issueCreditNote` with their lines or amount.
 */
export async function creditOrderInFull(ctx: RequestContext, order: Order, reason: string): Promise<Invoice | null> {
  const invoice = await ctx.em.findOne(Invoice, { order, kind: InvoiceKind.INVOICE });
  if (!invoice || invoice.status === InvoiceStatus.CREDITED) return null;
  return issueCreditNote(ctx, invoice, { full: true }, reason);
}

/** A partial refund of `amountMinor` (VAT included): a credit note of that amount on the order's invoice. */
export async function creditOrderAmount(
  ctx: RequestContext,
  order: Order,
  amountMinor: number,
  reason: string,
): Promise<Invoice | null> {
  const invoice = await ctx.em.findOne(Invoice, { order, kind: InvoiceKind.INVOICE });
  if (!invoice || invoice.status === InvoiceStatus.CREDITED) return null;
  return issueCreditNote(ctx, invoice, { amountMinor }, reason);
}
