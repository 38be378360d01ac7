// Compiled reads (graphql/sql) of sites: the same rows and order as site.service.ts, site.loaders.ts
// and the Site field resolvers.
import { escapeLike } from '../../db/like';
import { readComputed, readRelation, readRoot } from '../../graphql/sql/compile';

readRoot('Query.sites', {
  kind: 'list',
  entity: 'Site',
  filters: {
    status: (value, t, params) => `${t}.status = ${params.add(value, 'text')}`,
    customerId: (value, t, params) => `${t}.customer_id = ${params.add(value, 'uuid')}`,
    q: (value, t, params) => `${t}.domain ilike ${params.add(`%${escapeLike(String(value).toLowerCase())}%`, 'text')}`,
  },
});

readRoot('Query.site', { kind: 'one', entity: 'Site' });

readRelation('Customer.sites', {
  entity: 'Site',
  many: true,
  on: (t, customer) => `${t}.customer_id = ${customer}.id`,
  orderBy: (t) => `${t}.domain asc`,
});

readRelation('Site.customer', { entity: 'Customer', many: false, on: (t, site) => `${t}.id = ${site}.customer_id` });

readRelation('Site.backups', {
  entity: 'SiteBackup',
  many: true,
  on: (t, site) => `${t}.site_id = ${site}.id`,
  orderBy: (t) => `${t}.taken_at desc, ${t}.id desc`,
});

readRelation('Site.servicePackage', {
  entity: 'ServicePackage',
  many: false,
  on: (t, site) => `${t}.id = ${site}.service_package_id`,
});

// Who is and was assigned (staff only), newest first, each with their user.
readRelation('Site.assignments', {
  entity: 'SiteAssignment',
  many: true,
  on: (t, site) => `${t}.site_id = ${site}.id`,
  orderBy: (t) => `${t}.starts_at desc, ${t}.id desc`,
});
readRelation('SiteAssignment.user', { entity: 'User', many: false, on: (t, a) => `${t}.id = ${a}.user_id` });
readComputed(
  'SiteAssignment.active',
  (t) => `(${t}.starts_at <= now() and (${t}.ends_at is null or ${t}.ends_at > now()))`,
);
