// Compiled reads (graphql/sql) of the audit log. The audience (admins) is the permission matrix's.
import { readRelation } from '../../graphql/sql/compile';

/**
 * Issue 25, the customer page's recent activity: the newest audit events about the customer or one of
 * its contacts, sites, orders, tickets, invoices or subscriptions.
 */
readRelation('Customer.recentActivity', {
  entity: 'AuditEvent',
  many: true,
  on: (t, customer) => `${t}.entity_id in (select ${customer}.id
      union all select x.id from contacts x where x.customer_id = ${customer}.id
      union all select x.id from sites x where x.customer_id = ${customer}.id
      union all select x.id from orders x where x.customer_id = ${customer}.id
      union all select x.id from support_tickets x where x.customer_id = ${customer}.id
      union all select x.id from invoices x where x.customer_id = ${customer}.id
      union all select x.id from subscriptions x where x.customer_id = ${customer}.id)`,
  orderBy: (t) => `${t}.created_at desc, ${t}.id desc`,
  limit: 15,
});
