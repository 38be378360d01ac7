import type { SitecareModule } from '../../system/module';
import { registerMailAttachments } from '../mail/attachments';
import { invoiceFileName } from './pdf';
import { BgMaxImport, BgMaxImportRow } from './bgmax-import.entity';
import { DocumentCounter, Invoice, InvoicePayment, InvoiceReminder } from './invoice.entity';
import {
  BgMaxImportResolver,
  BgMaxImportRowResolver,
  InvoiceExportResolver,
  InvoiceResolver,
  OrderInvoicesResolver,
  CustomerInvoicesResolver,
} from './invoice.resolver';
import { invoiceRouter } from './invoice.routes';
import { invoicesSource } from './invoice.source';
import './invoice.sql'; // its read definitions
import { invoiceSeed } from './invoice.seed';

// A receipt or renewal mail tied to an invoice (the outbox row's invoice_id) carries its stored PDF.
registerMailAttachments(async (em, message) => {
  if (!message.invoiceId) return [];
  const [row] = await em.execute<{ kind: string; number: number; language: string; pdf: Buffer | null }[]>(
    'select kind, number, language, pdf from invoices where id = ?',
    [message.invoiceId],
  );
  if (!row?.pdf) return [];
  return [{ filename: invoiceFileName(row as never), content: row.pdf, contentType: 'application/pdf' }];
});

/** Issue 19: invoices and credit notes (VAT by buyer, PDFs, gap-free numbers). */
export const invoicesModule: SitecareModule = {
  name: 'invoices',
  entities: [Invoice, DocumentCounter, InvoiceReminder, InvoicePayment, BgMaxImport, BgMaxImportRow],
  resolvers: [
    InvoiceResolver,
    OrderInvoicesResolver,
    CustomerInvoicesResolver,
    InvoiceExportResolver,
    BgMaxImportResolver,
    BgMaxImportRowResolver,
  ],
  personalData: [invoicesSource],
  routes: ({ orm, services }) => invoiceRouter(orm, services), // the PDF download
  seed: invoiceSeed, // its part of the demo data
};
