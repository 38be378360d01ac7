// Compiled reads (graphql/sql) of invoices and credit notes: the same rows and order as
// invoice.service.ts and the Order.invoices field. The viewer's row rule is PostgreSQL's (migration invoices).
import { readRelation, readRoot } from '../../graphql/sql/compile';

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
