// Compiled reads (graphql/sql) of customers and their contacts: the same rows and order as
// customer.service.ts and customer.loaders.ts.
import { customerRule } from '../../auth/scopes';
import { escapeLike } from '../../db/like';
import { readRelation, readRoot } from '../../graphql/sql/compile';

readRoot('Query.customers', {
  kind: 'list',
  entity: 'Customer',
  rule: customerRule,
  filters: {
    billingCountry: (value, t, params) => `${t}.billing_country = ${params.add(String(value).toUpperCase(), 'text')}`,
    q: (value, t, params) => {
      const like = params.add(`%${escapeLike(String(value))}%`, 'text');
      return `(${t}.name ilike ${like} or ${t}.organisation_number ilike ${like})`;
    },
  },
});

readRoot('Query.customer', { kind: 'one', entity: 'Customer', rule: customerRule });

readRelation('Customer.contacts', {
  entity: 'Contact',
  many: true,
  on: (t, customer) => `${t}.customer_id = ${customer}.id`,
  orderBy: (t) => `${t}.name asc, ${t}.id asc`,
});
