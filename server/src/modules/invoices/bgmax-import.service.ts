// Issue 19: a BgMax file of incoming payments to the agency's bankgiro (parsed by payments/bgmax.ts)
// is matched by OCR reference against the agency's OPEN invoices (the ORM's tenant filter and
// PostgreSQL's row-level security: another agency's invoices are never candidates). A payment of the
// whole amount or more marks its invoice paid through `markOrderPaid`, on the deposit's payment date;
// less stays open for staff. The import and each payment's result are stored and audited; the same
// file (by SHA-256) again answers the first import and changes nothing.
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import type { Page, PageInput } from '../../graphql/pagination';
import { readList } from '../../graphql/sql/reads';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { BgMaxError, parseBgMax, referencesOf, type BgMaxFile, type BgMaxPayment } from '../payments/bgmax';
import { isValidOcr } from '../payments/ocr';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { BgMaxImport, BgMaxImportRow, BgMaxRowResult } from './bgmax-import.entity';
import { Invoice, InvoiceKind, InvoicePaidVia } from './invoice.entity';
import { paidAndRemaining } from './invoice.service';
import { applyInvoicePayment, lockPayableInvoice } from './pay-by-invoice.service';

export const BGMAX_MAX_BYTES = 5 * 1024 * 1024;

const digits = (giro: string | null) => (giro ?? '').replace(/\D/g, '').replace(/^0+/, '');

function parse(bytes: Buffer): BgMaxFile {
  try {
    return parseBgMax(bytes);
  } catch (error) {
    if (error instanceof BgMaxError) throw badInput('contentBase64', error.message);
    throw error;
  }
}

/** Imports a BgMax file for the viewer's agency (staff); idempotent on the file's hash. */
export async function importBgMax(
  ctx: RequestContext,
  input: { fileName: string; contentBase64: string },
): Promise<BgMaxImport> {
  const base64 = input.contentBase64.replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw badInput('contentBase64', 'must be base64');
  const bytes = Buffer.from(base64, 'base64');
  if (!bytes.length) throw badInput('contentBase64', 'The file is empty');
  if (bytes.length > BGMAX_MAX_BYTES) throw badInput('contentBase64', 'The file is larger than 5 MB');
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  return inTransaction(ctx, async () => {
    // One import per file and agency: a second upload (or a concurrent one, after this lock) finds the first.
    await ctx.em.execute('select pg_advisory_xact_lock(hashtext(?))', [`bgmax:${ctx.tenantId}:${fileHash}`]);
    const earlier = await ctx.em.findOne(BgMaxImport, { fileHash });
    if (earlier) return earlier;
    const file = parse(bytes);
    const tenant = await ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
    const ours = digits(tenant.bankgiro);
    if (!ours) throw badInput('contentBase64', 'The agency has no bankgiro (Agency settings) to import payments to');
    const foreign = file.deposits.find((d) => digits(d.receivingBankgiro) !== ours);
    if (foreign)
      throw badInput(
        'contentBase64',
        `The file has payments to bankgiro ${foreign.receivingBankgiro}, not the agency's ${tenant.bankgiro}`,
      );
    const run = ctx.em.create(BgMaxImport, {
      tenant,
      fileName: input.fileName,
      fileHash,
      importedBy: ctx.viewer ? ctx.em.getReference(User, ctx.viewer.userId) : null,
      fileCreatedAt: file.createdAt,
      test: file.test,
      payments: 0,
      matched: 0,
      overpaid: 0,
      underpaid: 0,
      notOpen: 0,
      unmatched: 0,
      totalMinor: 0,
      creditMinor: 0,
    });
    const rows: BgMaxImportRow[] = [];
    const counts: Record<BgMaxRowResult, number> = {
      MATCHED: 0,
      OVERPAID: 0,
      UNDERPAID: 0,
      NOT_OPEN: 0,
      UNMATCHED: 0,
    };
    const paidAtOf = (date: string) => DateTime.fromISO(date, { zone: tenant.timezone }).set({ hour: 12 }).toJSDate();
    const addRow = (
      payment: BgMaxPayment,
      result: BgMaxRowResult,
      fields: { reference?: string; amountMinor?: number; invoice?: Invoice | null; differenceMinor?: number } = {},
    ) => {
      counts[result]++;
      const row = ctx.em.create(BgMaxImportRow, {
        tenant,
        import: run,
        line: payment.line,
        reference: fields.reference ?? payment.reference,
        amountMinor: fields.amountMinor ?? payment.amountMinor,
        paymentDate: payment.date,
        serialNumber: payment.serialNumber,
        result,
        invoice: fields.invoice ?? null,
        differenceMinor: fields.differenceMinor ?? 0,
      });
      rows.push(row);
      return row;
    };
    /** This agency's invoice with OCR reference `reference` (never another agency's: the tenant filter and RLS). */
    const invoiceOf = async (reference: string, currency: string) => {
      const found = await ctx.em.findOne(Invoice, { ocrReference: reference, kind: InvoiceKind.INVOICE });
      return found && found.currency === currency ? found : null;
    };
    for (const payment of file.payments) {
      // A deduction (21) gives money back; it settles nothing: staff see it.
      const references = payment.kind === 'payment' ? referencesOf(payment).filter((r) => isValidOcr(r)) : [];
      if (references.length > 1) {
        // One payment for several invoices: settled only when each is this agency's, open, and they add up.
        const open: Array<Invoice | null> = [];
        for (const reference of references) {
          const found = await invoiceOf(reference, payment.currency);
          open.push(found && (await lockPayableInvoice(ctx, found.id)));
        }
        // What each still lacks (the one rule: a partly paid invoice is settled by its remaining).
        const remaining: number[] = [];
        for (const i of open) remaining.push(i ? (await paidAndRemaining(ctx, i.id)).remaining : 0);
        const sum = remaining.reduce((n, r) => n + r, 0);
        if (open.length && open.every(Boolean) && sum === payment.amountMinor) {
          for (const [index, invoice] of (open as Invoice[]).entries()) {
            const row = addRow(payment, BgMaxRowResult.MATCHED, {
              reference: invoice.ocrReference!,
              amountMinor: remaining[index],
              invoice,
            });
            await applyInvoicePayment(ctx, invoice, {
              amountMinor: remaining[index],
              paidAt: paidAtOf(payment.date),
              via: InvoicePaidVia.BGMAX,
              bgmaxRowId: row.id,
            });
          }
        } else addRow(payment, BgMaxRowResult.UNMATCHED, { reference: references.join(' ') });
        continue;
      }
      const candidate = references.length ? await invoiceOf(references[0], payment.currency) : null;
      if (!candidate) {
        addRow(payment, BgMaxRowResult.UNMATCHED);
        continue;
      }
      const invoice = await lockPayableInvoice(ctx, candidate.id);
      if (!invoice) {
        addRow(payment, BgMaxRowResult.NOT_OPEN, { reference: references[0], invoice: candidate });
        continue;
      }
      // Against what the invoice still lacks: all of it settles the invoice, more also records the surplus
      // as the customer's credit, less is a part payment (the invoice stays open with the rest).
      const { remaining } = await paidAndRemaining(ctx, invoice.id);
      const difference = payment.amountMinor - remaining;
      const result =
        difference === 0 ? BgMaxRowResult.MATCHED : difference > 0 ? BgMaxRowResult.OVERPAID : BgMaxRowResult.UNDERPAID;
      const row = addRow(payment, result, { reference: references[0], invoice, differenceMinor: difference });
      await applyInvoicePayment(ctx, invoice, {
        amountMinor: payment.amountMinor,
        paidAt: paidAtOf(payment.date),
        via: InvoicePaidVia.BGMAX,
        bgmaxRowId: row.id,
      });
    }
    Object.assign(run, {
      payments: file.payments.length,
      matched: counts.MATCHED,
      overpaid: counts.OVERPAID,
      underpaid: counts.UNDERPAID,
      notOpen: counts.NOT_OPEN,
      unmatched: counts.UNMATCHED,
      totalMinor: file.payments.reduce((n, p) => n + p.amountMinor, 0),
      creditMinor: rows.reduce((n, r) => n + (r.result === BgMaxRowResult.OVERPAID ? r.differenceMinor : 0), 0),
    });
    await ctx.em.flush();
    await audit(ctx, {
      action: 'bgmax.import',
      entityType: 'BgMaxImport',
      entityId: run.id,
      detail: { fileName: input.fileName, fileHash, test: file.test, payments: file.payments.length, ...counts },
    });
    return run;
  });
}

export function listBgMaxImports(ctx: RequestContext, page: PageInput): Promise<Page<BgMaxImport>> {
  return readList(ctx, 'Query.bgmaxImports', { page });
}
