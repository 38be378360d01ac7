// Compiled reads (graphql/sql) of invoices and credit notes: the same rows and order as
// invoice.service.ts and the Order.invoices field. The viewer's row rule is PostgreSQL's (migration invoices).
import { readComputed, readRelation, readRoot } from '../../graphql/sql/compile';

/**
 * THE overdue rule (issue 19), as SQL: the days invoice row `t` is overdue at `at` (a timestamptz
 * expression; the reminder job passes its clock), 0 unless it is an OPEN invoice past its due date in
 * the agency's calendar. PostgreSQL's `sitecare_invoice_days_overdue` (migration pay_by_invoice) holds
 * the rule; `Invoice.daysOverdue`/`overdue`, the list filter, the home page and the job all call it.
 */
export const daysOverdueSql = (t: string, at = 'now()') =>
  `sitecare_invoice_days_overdue(${t}.kind, ${t}.status, ${t}.due_date, ${t}.tenant_id, ${at})`;
export const overdueSql = (t: string, at?: string) => `(${daysOverdueSql(t, at)} > 0)`;

/** THE payable rule: an invoice the buyer can still pay (by card through the provider, or by bank with its OCR). */
export const payableSql = (t: string) => `(${t}.kind = 'INVOICE' and ${t}.status = 'OPEN')`;

/**
 * THE paid and remaining rules (issue 19): what the invoice's payments ledger (`invoice_payments`) has
 * applied to invoice row `t`, and what is left to pay: the total less that while it is payable (OPEN),
 * else nothing. An invoice is PAID when its remaining is zero (the service marks it so in the payment's
 * transaction). The fields, the list, the reminder mails, the home page and the portal read these.
 */
export const paidSql = (t: string) =>
  `coalesce((select sum(p.amount_minor) from invoice_payments p where p.invoice_id = ${t}.id), 0)::int`;
export const remainingSql = (t: string) =>
  `(case when ${payableSql(t)} then greatest(${t}.total_minor - ${paidSql(t)}, 0) else 0 end)`;
/** Paid beyond the invoice's amount: the customer's credit. */
export const surplusSql = (t: string) =>
  `coalesce((select sum(p.surplus_minor) from invoice_payments p where p.invoice_id = ${t}.id), 0)::int`;

const newestFirst = (t: string) => `${t}.issue_date desc, ${t}.kind asc, ${t}.number desc`;

readRoot('Query.invoices', {
  kind: 'list',
  entity: 'Invoice',
  filters: {
    kind: (value, t, params) => `${t}.kind = ${params.add(value, 'text')}`,
    customerId: (value, t, params) => `${t}.customer_id = ${params.add(value, 'uuid')}`,
    orderId: (value, t, params) => `${t}.order_id = ${params.add(value, 'uuid')}`,
    from: (value, t, params) => `${t}.issue_date >= ${params.add(value, 'date')}`,
    to: (value, t, params) => `${t}.issue_date <= ${params.add(value, 'date')}`,
    status: (value, t, params) => `${t}.status = ${params.add(value, 'text')}`,
    overdue: (value, t) => (value ? overdueSql(t) : `not ${overdueSql(t)}`),
  },
  orderBy: newestFirst,
});

readRoot('Query.invoice', { kind: 'one', entity: 'Invoice' });

// The order page: its invoice and credit notes, in the order they were issued.
readRelation('Order.invoices', {
  entity: 'Invoice',
  many: true,
  on: (t, order) => `${t}.order_id = ${order}.id`,
  orderBy: (t) => `${t}.created_at asc, ${t}.id asc`,
});

// Issue 25, the customer page: its newest invoices and credit notes.
readRelation('Customer.latestInvoices', {
  entity: 'Invoice',
  many: true,
  on: (t, customer) => `${t}.customer_id = ${customer}.id`,
  orderBy: newestFirst,
  limit: 10,
});

readComputed('Invoice.daysOverdue', (t) => daysOverdueSql(t));
readComputed('Invoice.overdue', (t) => overdueSql(t));
readComputed('Invoice.payable', payableSql);
readComputed('Invoice.paidMinor', paidSql);
readComputed('Invoice.remainingMinor', remainingSql);
readComputed('Invoice.surplusMinor', surplusSql);

// An invoice's payments ledger, in the order they arrived.
readRelation('Invoice.payments', {
  entity: 'InvoicePayment',
  many: true,
  on: (t, invoice) => `${t}.invoice_id = ${invoice}.id`,
  orderBy: (t) => `${t}.paid_at asc, ${t}.created_at asc, ${t}.id asc`,
});

// BgMax imports (staff only: row rule in PostgreSQL), newest first, each with its payments in file order
// (one import by id is the resolvers' alone: the demo has none for the differential test to read).
readRoot('Query.bgmaxImports', {
  kind: 'list',
  entity: 'BgMaxImport',
  orderBy: (t) => `${t}.created_at desc, ${t}.id asc`,
});
readRelation('BgMaxImport.rows', {
  entity: 'BgMaxImportRow',
  many: true,
  on: (t, run) => `${t}.import_id = ${run}.id`,
  orderBy: (t) => `${t}.line asc, ${t}.id asc`,
});
readRelation('BgMaxImportRow.invoice', {
  entity: 'Invoice',
  many: false,
  on: (t, row) => `${t}.id = ${row}.invoice_id`,
});
