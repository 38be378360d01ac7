import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Customer } from '../customers/customer.entity';
import { Order } from '../orders/order.entity';
import { BuyerType, VatReason } from './vat';

export enum InvoiceKind {
  INVOICE = 'INVOICE',
  CREDIT_NOTE = 'CREDIT_NOTE',
}
registerEnumType(InvoiceKind, { name: 'InvoiceKind' });

export enum InvoiceStatus {
  /** Issued, not yet paid (pay by invoice). */
  OPEN = 'OPEN',
  PAID = 'PAID',
  /** Credited in full by credit notes. */
  CREDITED = 'CREDITED',
  /** A credit note (it is issued; the refund is the payment's). */
  ISSUED = 'ISSUED',
}
registerEnumType(InvoiceStatus, { name: 'InvoiceStatus' });

export enum InvoicePaidVia {
  /** Through the order's payment provider (checkout, or "Pay" on an open invoice). */
  PROVIDER = 'PROVIDER',
  /** Staff marked it paid. */
  MANUAL = 'MANUAL',
  /** Matched in a BgMax file of the agency's bankgiro. */
  BGMAX = 'BGMAX',
}
registerEnumType(InvoicePaidVia, { name: 'InvoicePaidVia' });

/** A line as printed: amounts in minor units without VAT (negative on a credit note). */
export interface InvoiceLineData {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  totalMinor: number;
  vatRateBasisPoints: number;
  /** The supply date or period (ISO dates, the agency's calendar). */
  supplyFrom: string;
  supplyTo: string;
}

/** Per VAT rate: the taxable amount and the VAT (minor units). */
export interface VatRateTotal {
  rateBasisPoints: number;
  taxableMinor: number;
  vatMinor: number;
}

/** The agency as it was when the document was issued (the document never changes afterwards). */
export interface SellerSnapshot {
  name: string;
  legalName: string | null;
  organisationNumber: string | null;
  vatNumber: string | null;
  address: string[];
  country: string;
  fSkatt: boolean;
  bankgiro: string | null;
  plusgiro: string | null;
  iban: string | null;
  bic: string | null;
  email: string | null;
}

/**
 * Issue 19: an invoice or a credit note: an accounting record, written once when issued (with its
 * PDF) and never edited; its number comes from the agency's gap-free series of its kind
 * (numbering.ts). A customer reads only their own (row rule `viewer_rule`, migration invoices).
 */
@ObjectType({ description: 'An invoice or a credit note (issue 19).' })
@Entity({ tableName: 'invoices' })
@Unique({ properties: ['tenant', 'kind', 'number'] })
@Index({ properties: ['tenant', 'issueDate'] })
@Index({ properties: ['tenant', 'customer', 'issueDate'] })
@Index({ properties: ['order'] })
@Unique({ properties: ['tenant', 'ocrReference'] })
export class Invoice extends TenantOwned<
  | 'status'
  | 'creditedInvoice'
  | 'exchangeRate'
  | 'exchangeRateSource'
  | 'vatSekMinor'
  | 'pdf'
  | 'pdfUrl'
  | 'ocrReference'
  | 'paidAt'
  | 'paidVia'
> {
  @Field(() => InvoiceKind)
  @Enum({ items: () => InvoiceKind })
  kind!: InvoiceKind;

  @Field(() => Int, { description: 'Gap-free per agency and kind.' })
  @Property({ type: 'integer' })
  number!: number;

  @ManyToOne(() => Order, { deleteRule: 'cascade' })
  order!: Rel<Order>;

  @ManyToOne(() => Customer, { deleteRule: 'restrict' })
  customer!: Rel<Customer>;

  /** A credit note: the invoice it credits. */
  @ManyToOne(() => Invoice, { nullable: true, deleteRule: 'cascade' })
  creditedInvoice: Rel<Invoice> | null = null;

  @Field(() => InvoiceStatus)
  @Enum({ items: () => InvoiceStatus })
  status: InvoiceStatus = InvoiceStatus.PAID;

  @Field({ description: 'YYYY-MM-DD in the agency time zone.' })
  @Property({ type: 'date' })
  issueDate!: string;

  @Field()
  @Property({ type: 'date' })
  dueDate!: string;

  @Field({ description: 'ISO 4217.' })
  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Field(() => Int, { description: 'Without VAT (negative on a credit note).' })
  @Property({ type: 'integer' })
  subtotalMinor!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  vatMinor!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  totalMinor!: number;

  @Field(() => VatReason)
  @Enum({ items: () => VatReason })
  vatReason!: VatReason;

  @Field(() => String, { description: 'sv or en: the language of the document.' })
  @Property({ type: 'text' })
  language!: 'sv' | 'en';

  @Field({ description: "The buyer's name as invoiced." })
  @Property({ type: 'text' })
  buyerName!: string;

  /** The buyer's address lines as invoiced. */
  @Property({ type: 'json' })
  buyerAddress!: string[];

  @Field()
  @Property({ type: 'character', length: 2 })
  buyerCountry!: string;

  @Field(() => BuyerType)
  @Enum({ items: () => BuyerType })
  buyerType!: BuyerType;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  buyerVatNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  buyerOrganisationNumber: string | null = null;

  @Property({ type: 'json' })
  seller!: SellerSnapshot;

  @Property({ type: 'json' })
  lines!: InvoiceLineData[];

  @Property({ type: 'json' })
  vatTotals!: VatRateTotal[];

  /** Foreign currency: SEK per unit, where it came from, and the VAT in SEK (öre). */
  @Field(() => String, { nullable: true, description: 'SEK per unit of a foreign currency, as recorded.' })
  @Property({ type: 'decimal', precision: 12, scale: 6, nullable: true })
  exchangeRate: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  exchangeRateSource: string | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  vatSekMinor: number | null = null;

  /** Where the PDF is downloaded (GET, with the session cookie; authorised like the invoice). A generated column. */
  @Field({ description: 'Where the PDF is downloaded (authorised like the invoice itself).' })
  @Property({ type: 'text', generated: `('/invoices/' || id::text || '/pdf') stored` })
  pdfUrl!: string;

  /**
   * Issue 19 (pay by invoice): the OCR reference the buyer pays with (the invoice number, Bankgirot's
   * length digit and mod-10 check digit; payments/ocr.ts). Unique per agency; a BgMax import matches
   * payments by it, within the agency only.
   */
  @Field(() => String, { nullable: true, description: 'The OCR reference to pay with (invoices only).' })
  @Property({ type: 'text', nullable: true })
  ocrReference: string | null = null;

  /** When the money arrived (a card payment, staff's date, or the BgMax deposit's payment date). */
  @Field(() => Date, { nullable: true, description: 'When it was paid.' })
  @Property({ type: 'datetime', nullable: true })
  paidAt: Date | null = null;

  @Field(() => InvoicePaidVia, { nullable: true, description: 'How it was paid.' })
  @Enum({ items: () => InvoicePaidVia, nullable: true })
  paidVia: InvoicePaidVia | null = null;

  /** The PDF as issued (PDF/A-2b), loaded only when served or mailed. */
  @Property({ type: 'blob', nullable: true, lazy: true })
  pdf: Buffer | null = null;
}

/** One row per agency and series (INVOICE, CREDIT_NOTE): the last number given (numbering.ts). */
@Entity({ tableName: 'document_counters' })
@Unique({ properties: ['tenant', 'series'] })
export class DocumentCounter extends TenantOwned {
  @Property({ type: 'text' })
  series!: string;

  @Property({ type: 'integer' })
  lastNumber!: number;
}

/**
 * Issue 19: a reminder of an overdue invoice, one row per invoice and step (days after the due date,
 * `REMINDER_STEPS`): the job writes it with its mail, so each step is sent once.
 */
@Entity({ tableName: 'invoice_reminders' })
@Unique({ properties: ['tenant', 'invoice', 'step'] })
export class InvoiceReminder extends TenantOwned {
  @ManyToOne(() => Invoice, { deleteRule: 'cascade' })
  invoice!: Rel<Invoice>;

  /** Days after the due date this step is for (7, 14). */
  @Property({ type: 'integer' })
  step!: number;

  @Property({ type: 'integer' })
  daysOverdue!: number;
}

/**
 * Issue 19: the payments ledger of an invoice: one row per payment applied to it (a card payment, staff's
 * manual payment, a BgMax payment), the amount applied (never more than what was left) and any surplus,
 * which is the customer's credit. "Paid" and "remaining" are the one SQL rule of invoice.sql.ts over it.
 */
@ObjectType({ description: 'A payment applied to an invoice (its ledger).' })
@Entity({ tableName: 'invoice_payments' })
@Index({ properties: ['invoice'] })
@Check({
  name: 'invoice_payments_amounts_check',
  expression: 'amount_minor >= 0 and surplus_minor >= 0 and amount_minor + surplus_minor > 0',
})
export class InvoicePayment extends TenantOwned<'surplusMinor' | 'paymentId' | 'bgmaxRowId'> {
  @ManyToOne(() => Invoice, { deleteRule: 'cascade' })
  invoice!: Rel<Invoice>;

  @Field(() => Int, { description: 'Applied to the invoice (minor units).' })
  @Property({ type: 'integer' })
  amountMinor!: number;

  @Field(() => Int, { description: "Paid beyond what was left: the customer's credit (minor units)." })
  @Property({ type: 'integer', default: 0 })
  surplusMinor: number = 0;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  paidAt!: Date;

  @Field(() => InvoicePaidVia)
  @Enum({ items: () => InvoicePaidVia })
  via!: InvoicePaidVia;

  /** The provider's payment (booked from `payments` in the SIE export), when paid by card. */
  @Property({ type: 'uuid', nullable: true })
  paymentId: string | null = null;

  /** The BgMax payment it came from. */
  @Property({ type: 'uuid', nullable: true })
  bgmaxRowId: string | null = null;
}
