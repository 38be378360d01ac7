import type { SitecareModule } from '../../system/module';
import { DocumentCounter, Invoice } from './invoice.entity';
import { InvoiceExportResolver, InvoiceResolver, OrderInvoicesResolver } from './invoice.resolver';
import { invoiceRouter } from './invoice.routes';
import { invoicesSource } from './invoice.source';
import './invoice.sql'; // its read definitions

/** Issue 19: invoices and credit notes (VAT by buyer, PDFs, gap-free numbers). */
export const invoicesModule: SitecareModule = {
  name: 'invoices',
  entities: [Invoice, DocumentCounter],
  resolvers: [InvoiceResolver, OrderInvoicesResolver, InvoiceExportResolver],
  personalData: [invoicesSource],
  routes: ({ orm, services }) => invoiceRouter(orm, services), // the PDF download
};
