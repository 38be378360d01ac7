// Compiled reads (graphql/sql) of customers and their contacts: the same rows and order as
// customer.service.ts, customer.loaders.ts and the Contact field resolvers.
import { escapeLike } from '../../db/like';
import { readRelation, readRoot } from '../../graphql/sql/compile';

readRoot('Query.customers', {
  kind: 'list',
  entity: 'Customer',
  filters: {
    billingCountry: (value, t, params) => `${t}.billing_country = ${params.add(String(value).toUpperCase(), 'text')}`,
    q: (value, t, params) => {
      const like = params.add(`%${escapeLike(String(value))}%`, 'text');
      return `(${t}.name ilike ${like} or ${t}.organisation_number ilike ${like})`;
    },
  },
});

readRoot('Query.customer', { kind: 'one', entity: 'Customer' });

readRelation('Customer.contacts', {
  entity: 'Contact',
  many: true,
  on: (t, customer) => `${t}.customer_id = ${customer}.id`,
  orderBy: (t) => `${t}.name asc, ${t}.id asc`,
});

readRoot('Query.contacts', {
  kind: 'list',
  entity: 'Contact',
  filters: {
    customerId: (value, t, params) => `${t}.customer_id = ${params.add(value, 'uuid')}`,
    q: (value, t, params) => {
      const like = params.add(`%${escapeLike(String(value))}%`, 'text');
      return `(${t}.name ilike ${like} or ${t}.email ilike ${like})`;
    },
  },
});

// The customer a contact works for, by id, as the Contact.customer resolver loads it.
readRelation('Contact.customer', { entity: 'Customer', many: false, on: (t, c) => `${t}.id = ${c}.customer_id` });
