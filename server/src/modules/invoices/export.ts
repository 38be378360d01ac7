// Issue 19: the accounting export of a period: SIE 4 (the Swedish standard file that Fortnox, Visma
// and other bookkeeping programs import) and a CSV of the invoices for spreadsheets. One voucher per
// invoice, credit note and payment (or refund), each balancing, in SEK (foreign currencies at the
// rate recorded on the invoice). The BAS accounts are the agency's (`Tenant.basAccounts`) over the defaults.
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { DateTime } from 'luxon';
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { audit } from '../audit/audit.service';
import { Tenant } from '../tenants/tenant.entity';
import { VatReason } from './vat';

/** The BAS chart accounts the export uses, by role. */
export const DEFAULT_BAS_ACCOUNTS = {
  /** Sales in Sweden (and to EU consumers at the Swedish rate), 25 %. */
  salesDomestic: 3001,
  /** Services to businesses in other EU countries, reverse charge. */
  salesEuReverseCharge: 3308,
  /** Services outside the EU. */
  salesOutsideEu: 3305,
  /** Sales to EU consumers at their country's rate (OSS): the accountant chooses; default as domestic. */
  salesOss: 3001,
  /** Output VAT (Swedish 25 %; OSS VAT goes here unless the agency maps it elsewhere). */
  outputVat: 2611,
  receivables: 1510,
  bank: 1930,
  /** An overpayment's surplus: the customer's credit (advances from customers). */
  customerAdvances: 2420,
} as const;
export type BasRole = keyof typeof DEFAULT_BAS_ACCOUNTS;
export type BasAccounts = Record<BasRole, number>;

const ACCOUNT_NAMES: Record<BasRole, string> = {
  salesDomestic: 'Försäljning tjänster Sverige, 25 % moms',
  salesEuReverseCharge: 'Försäljning tjänster till annat EU-land, omvänd skattskyldighet',
  salesOutsideEu: 'Försäljning tjänster utanför EU',
  salesOss: 'Försäljning tjänster till konsumenter i annat EU-land (OSS)',
  outputVat: 'Utgående moms',
  receivables: 'Kundfordringar',
  bank: 'Företagskonto / bank',
  customerAdvances: 'Förskott från kunder',
};

export function basAccountsOf(tenant: Pick<Tenant, 'basAccounts'>): BasAccounts {
  return { ...DEFAULT_BAS_ACCOUNTS, ...(tenant.basAccounts ?? {}) } as BasAccounts;
}

const SALES_ROLE: Record<VatReason, BasRole> = {
  [VatReason.DOMESTIC]: 'salesDomestic',
  [VatReason.EU_PRIVATE_SWEDISH]: 'salesDomestic',
  [VatReason.REVERSE_CHARGE]: 'salesEuReverseCharge',
  [VatReason.OUTSIDE_EU]: 'salesOutsideEu',
  [VatReason.EU_PRIVATE_DESTINATION]: 'salesOss',
};

interface DocumentRow {
  kind: 'INVOICE' | 'CREDIT_NOTE';
  number: number;
  issue_date: string;
  due_date: string;
  order_number: number;
  buyer_name: string;
  buyer_country: string;
  buyer_vat_number: string | null;
  currency: string;
  subtotal_minor: number;
  vat_minor: number;
  total_minor: number;
  vat_reason: VatReason;
  vat_totals: Array<{ rateBasisPoints: number; taxableMinor: number; vatMinor: number }>;
  exchange_rate: string | null;
  vat_sek_minor: number | null;
  status: string;
  credited_number: number | null;
}

interface PaymentRow {
  kind: 'PAYMENT' | 'REFUND';
  at: string;
  order_number: number;
  currency: string;
  amount_minor: number;
  provider: string;
}

/** One voucher: its date, text and lines (account, amount in öre; debit positive). */
export interface Voucher {
  series: 'F' | 'K' | 'B';
  date: string;
  text: string;
  lines: Array<{ account: number; amountOre: number }>;
}

export interface ExportPeriod {
  from: string;
  to: string;
}

function checkPeriod(period: ExportPeriod): void {
  const from = DateTime.fromISO(period.from);
  const to = DateTime.fromISO(period.to);
  if (!from.isValid) throw badInput('from', 'must be a date, YYYY-MM-DD');
  if (!to.isValid) throw badInput('to', 'must be a date, YYYY-MM-DD');
  if (to < from) throw badInput('to', 'must not be before from');
  if (to.diff(from, 'days').days > 366 * 2) throw badInput('to', 'A period is at most two years');
}

async function documentsOf(ctx: RequestContext, period: ExportPeriod): Promise<DocumentRow[]> {
  return ctx.em.execute<DocumentRow[]>(
    `select i.kind, i.number, i.issue_date::text, i.due_date::text, o.number as order_number, i.buyer_name,
            i.buyer_country, i.buyer_vat_number, i.currency, i.subtotal_minor, i.vat_minor, i.total_minor,
            i.vat_reason, i.vat_totals, i.exchange_rate::text, i.vat_sek_minor, i.status, c.number as credited_number
       from invoices i join orders o on o.id = i.order_id left join invoices c on c.id = i.credited_invoice_id
      where i.issue_date between ?::date and ?::date
      order by i.issue_date, i.kind, i.number`,
    [period.from, period.to],
  );
}

/** Payments received and refunded in the period (dates in the agency's time zone). */
async function paymentsOf(ctx: RequestContext, period: ExportPeriod, zone: string): Promise<PaymentRow[]> {
  return ctx.em.execute<PaymentRow[]>(
    `select * from (
       select 'PAYMENT' as kind, (p.paid_at at time zone ?)::date::text as at, o.number as order_number, p.currency,
              p.amount_minor, p.provider
         from payments p join orders o on o.id = p.order_id where p.paid_at is not null
       union all
       select 'REFUND', (p.refunded_at at time zone ?)::date::text, o.number, p.currency, p.amount_minor, p.provider
         from payments p join orders o on o.id = p.order_id where p.refunded_at is not null and p.paid_at is not null
     ) x where x.at::date between ?::date and ?::date order by x.at, x.order_number, x.kind`,
    [zone, zone, period.from, period.to],
  );
}

interface LedgerRow {
  at: string;
  number: number;
  order_number: number;
  currency: string;
  exchange_rate: string | null;
  amount_minor: number;
  surplus_minor: number;
  via: 'MANUAL' | 'BGMAX';
}

/**
 * Bank payments of invoices in the period (staff's manual payments, BgMax), from the invoices' payments
 * ledger; card payments are booked from `payments` (above), so they are not here.
 */
async function bankPaymentsOf(ctx: RequestContext, period: ExportPeriod, zone: string): Promise<LedgerRow[]> {
  return ctx.em.execute<LedgerRow[]>(
    `select * from (
       select (p.paid_at at time zone ?)::date::text as at, i.number, o.number as order_number, i.currency,
              i.exchange_rate::text, p.amount_minor, p.surplus_minor, p.via, p.created_at
         from invoice_payments p join invoices i on i.id = p.invoice_id join orders o on o.id = i.order_id
        where p.via in ('MANUAL', 'BGMAX') and p.payment_id is null
     ) x where x.at::date between ?::date and ?::date order by x.at, x.number, x.created_at`,
    [zone, period.from, period.to],
  );
}

/** SEK in öre: the document's own rate for a foreign currency (recorded on it), else the configured one. */
function toOre(ctx: RequestContext, minor: number, currency: string, recordedRate?: string | null): number {
  if (currency === 'SEK') return minor;
  const rate = recordedRate ? Number(recordedRate) : ctx.app.config.invoices.exchangeRates[currency];
  if (!rate) throw badInput('from', `No exchange rate for ${currency} (INVOICE_EXCHANGE_RATES)`);
  return Math.round(minor * rate);
}

/** The vouchers of a period: invoices (F), credit notes (K), payments and refunds (B); each balances. */
export async function vouchersOf(ctx: RequestContext, period: ExportPeriod): Promise<Voucher[]> {
  checkPeriod(period);
  const tenant = await ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
  const bas = basAccountsOf(tenant);
  const vouchers: Voucher[] = [];
  for (const d of await documentsOf(ctx, period)) {
    const credit = d.kind === 'CREDIT_NOTE';
    const vatOre = d.vat_sek_minor ?? toOre(ctx, d.vat_minor, d.currency, d.exchange_rate);
    const netOre = toOre(ctx, d.subtotal_minor, d.currency, d.exchange_rate);
    const lines = [
      { account: bas.receivables, amountOre: netOre + vatOre },
      { account: bas[SALES_ROLE[d.vat_reason]], amountOre: -netOre },
      ...(vatOre ? [{ account: bas.outputVat, amountOre: -vatOre }] : []),
    ];
    vouchers.push({
      series: credit ? 'K' : 'F',
      date: d.issue_date,
      text: `${credit ? 'Kreditfaktura' : 'Faktura'} ${d.number}, order ${d.order_number}, ${d.buyer_name}`,
      lines,
    });
  }
  for (const p of await paymentsOf(ctx, period, tenant.timezone)) {
    const ore = toOre(ctx, p.amount_minor, p.currency);
    const sign = p.kind === 'PAYMENT' ? 1 : -1;
    vouchers.push({
      series: 'B',
      date: p.at,
      text: `${p.kind === 'PAYMENT' ? 'Inbetalning' : 'Återbetalning'} order ${p.order_number} (${p.provider})`,
      lines: [
        { account: bas.bank, amountOre: sign * ore },
        { account: bas.receivables, amountOre: -sign * ore },
      ],
    });
  }
  for (const p of await bankPaymentsOf(ctx, period, tenant.timezone)) {
    // The surplus is converted on its own, and the bank takes the sum: the voucher balances to the öre.
    const applied = toOre(ctx, p.amount_minor, p.currency, p.exchange_rate);
    const surplus = toOre(ctx, p.surplus_minor, p.currency, p.exchange_rate);
    vouchers.push({
      series: 'B',
      date: p.at,
      text: `Inbetalning faktura ${p.number}, order ${p.order_number} (${p.via === 'BGMAX' ? 'bankgiro, BgMax' : 'manuell'})`,
      lines: [
        { account: bas.bank, amountOre: applied + surplus },
        { account: bas.receivables, amountOre: -applied },
        ...(surplus ? [{ account: bas.customerAdvances, amountOre: -surplus }] : []),
      ],
    });
  }
  return vouchers;
}

const quote = (text: string) =>
  `"${text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')}"`;
const sieAmount = (ore: number) => (ore / 100).toFixed(2);
const compactDate = (iso: string) => iso.replace(/-/g, '');

/** The SIE 4 file (type 4, PC8 = code page 437) of a period, as bytes. */
export async function sieExport(ctx: RequestContext, period: ExportPeriod): Promise<Buffer> {
  const vouchers = await vouchersOf(ctx, period);
  const tenant = await ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
  const bas = basAccountsOf(tenant);
  const year = DateTime.fromISO(period.from).year;
  const out = [
    '#FLAGGA 0',
    '#PROGRAM "Sitecare" 1.0',
    '#FORMAT PC8',
    `#GEN ${DateTime.now().setZone(tenant.timezone).toFormat('yyyyMMdd')}`,
    '#SIETYP 4',
    `#FNAMN ${quote(tenant.legalName ?? tenant.name)}`,
    ...(tenant.organisationNumber ? [`#ORGNR ${tenant.organisationNumber}`] : []),
    `#RAR 0 ${year}0101 ${year}1231`,
    '#VALUTA SEK',
  ];
  const accounts = new Map<number, string>();
  for (const role of Object.keys(ACCOUNT_NAMES) as BasRole[])
    if (!accounts.has(bas[role])) accounts.set(bas[role], ACCOUNT_NAMES[role]);
  for (const [account, name] of [...accounts.entries()].sort(([a], [b]) => a - b))
    out.push(`#KONTO ${account} ${quote(name)}`);
  const numbers = { F: 0, K: 0, B: 0 };
  for (const v of vouchers) {
    numbers[v.series] += 1;
    out.push(`#VER ${v.series} ${numbers[v.series]} ${compactDate(v.date)} ${quote(v.text)}`, '{');
    for (const l of v.lines) if (l.amountOre !== 0) out.push(`   #TRANS ${l.account} {} ${sieAmount(l.amountOre)}`);
    out.push('}');
  }
  await audit(ctx, {
    action: 'invoice.export',
    entityType: 'Invoice',
    detail: { format: 'SIE', ...period, vouchers: vouchers.length },
  });
  return iconv.encode(`${out.join('\r\n')}\r\n`, 'cp437');
}

/** The invoices and credit notes of a period as CSV (UTF-8 with a byte-order mark, for spreadsheets). */
export async function invoicesCsv(ctx: RequestContext, period: ExportPeriod): Promise<Buffer> {
  checkPeriod(period);
  const rows = await documentsOf(ctx, period);
  const csv = stringify(
    rows.map((d) => ({
      kind: d.kind,
      number: d.number,
      issueDate: d.issue_date,
      dueDate: d.due_date,
      creditsInvoice: d.credited_number ?? '',
      orderNumber: d.order_number,
      buyer: d.buyer_name,
      buyerCountry: d.buyer_country,
      buyerVatNumber: d.buyer_vat_number ?? '',
      currency: d.currency,
      subtotal: (d.subtotal_minor / 100).toFixed(2),
      vat: (d.vat_minor / 100).toFixed(2),
      total: (d.total_minor / 100).toFixed(2),
      vatRates: d.vat_totals.map((t) => `${t.rateBasisPoints / 100}%`).join(' '),
      vatReason: d.vat_reason,
      exchangeRate: d.exchange_rate ?? '',
      vatSek: d.vat_sek_minor === null ? '' : (d.vat_sek_minor / 100).toFixed(2),
      status: d.status,
    })),
    { header: true },
  );
  await audit(ctx, {
    action: 'invoice.export',
    entityType: 'Invoice',
    detail: { format: 'CSV', ...period, rows: rows.length },
  });
  return Buffer.concat([Buffer.from('\ufeff'), Buffer.from(csv)]);
}
