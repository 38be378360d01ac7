// Compiled reads (graphql/sql) of subscriptions: as subscription.resolver.ts (customers: their own).
import { readComputed, readRelation, readRoot } from '../../graphql/sql/compile';

readRoot('Query.subscriptions', {
  kind: 'list',
  entity: 'Subscription',
  filters: { status: (value, t, params) => `${t}.status = ${params.add(value, 'text')}` },
  orderBy: (t) => `${t}.next_renewal_at asc, ${t}.id asc`,
});

readComputed('PackageSubscription.paymentMethodOnFile', (t) => `(${t}.provider_reference is not null)`);

readRelation('PackageSubscription.customer', {
  entity: 'Customer',
  many: false,
  on: (t, s) => `${t}.id = ${s}.customer_id`,
});

readRelation('PackageSubscription.servicePackage', {
  entity: 'ServicePackage',
  many: false,
  on: (t, s) => `${t}.id = ${s}.service_package_id`,
});

// Issue 25, the customer page: all its subscriptions (active first, then by next renewal).
readRelation('Customer.subscriptions', {
  entity: 'Subscription',
  many: true,
  on: (t, customer) => `${t}.customer_id = ${customer}.id`,
  orderBy: (t) => `(${t}.status = 'ACTIVE') desc, ${t}.next_renewal_at asc, ${t}.id asc`,
  limit: 50,
});
