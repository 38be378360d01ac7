// Issue 19 (P26, S25): invoices and credit notes are accounting records. The person's export lists
// them (and holds their PDFs); erasure keeps them intact (bokföringslagen: seven years after the
// fiscal year), stating the legal hold and the keep-until date. The retention task that deletes the
// kept orders after that date deletes their invoices with them (foreign key on delete cascade).
import { keepAccountingUntil } from '../../privacy/sources/commerce';
import { ids, rows } from '../../privacy/sources/util';
import type { DataSubject, ErasureReport, PersonalDataSource } from '../../privacy/personal-data';

const theirs = `i.tenant_id = ? and i.customer_id = any(?::uuid[])`;
const params = (s: DataSubject) => [s.tenantId, ids(s.soleCustomerIds)];

/** What erasure keeps, and until when. */
export interface InvoicesKept extends ErasureReport {
  legalHold: { invoiceIds: string[]; keepUntil: string | null; reason: string };
}

export const LEGAL_HOLD_REASON =
  'Invoices and credit notes are accounting records: kept unchanged until the end of the seventh year after the financial year (Swedish Bookkeeping Act, bokföringslagen 7 kap. 2 §; GDPR Art. 17(3)(b)).';

export const invoicesSource: PersonalDataSource = {
  name: 'invoices',
  description: {
    sv: 'Dina fakturor och kreditfakturor (nummer, datum, belopp, moms) och deras PDF-filer.',
    en: 'Your invoices and credit notes (number, dates, amounts, VAT) and their PDF files.',
  },
  export: (ctx, s) =>
    rows(
      ctx,
      `select i.kind, i.number, i.issue_date as "issueDate", i.due_date as "dueDate", i.currency,
              i.subtotal_minor as "subtotalMinor", i.vat_minor as "vatMinor", i.total_minor as "totalMinor",
              i.vat_reason as "vatReason", i.buyer_name as "buyerName", i.buyer_address as "buyerAddress",
              i.buyer_vat_number as "buyerVatNumber", i.lines, i.status
         from invoices i where ${theirs} order by i.issue_date, i.kind, i.number`,
      params(s),
    ),
  async files(ctx, s) {
    const found = await rows<{ kind: string; number: number; pdf: Buffer | null }>(
      ctx,
      `select i.kind, i.number, i.pdf from invoices i where ${theirs} and i.pdf is not null`,
      params(s),
    );
    return Object.fromEntries(
      found.map((f) => [`invoices/${f.kind === 'CREDIT_NOTE' ? 'credit-note' : 'invoice'}-${f.number}.pdf`, f.pdf!]),
    );
  },
  async erase(ctx, s): Promise<InvoicesKept> {
    const kept = await rows<{ id: string; issue_date: string }>(
      ctx,
      `select i.id, i.issue_date::text from invoices i where ${theirs}`,
      params(s),
    );
    const [tenant] = await rows<{ timezone: string }>(ctx, 'select timezone from tenants where id = ?', [s.tenantId]);
    const latest = kept.map((k) => Date.parse(`${k.issue_date}T12:00:00Z`));
    const keepUntil = latest.length ? keepAccountingUntil(new Date(Math.max(...latest)), tenant.timezone) : null;
    return {
      deleted: 0,
      anonymised: 0,
      kept: { count: kept.length, reason: LEGAL_HOLD_REASON },
      legalHold: {
        invoiceIds: kept.map((k) => k.id),
        keepUntil: keepUntil?.toISOString() ?? null,
        reason: LEGAL_HOLD_REASON,
      },
    };
  },
};
