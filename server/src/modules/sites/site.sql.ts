// Compiled reads (graphql/sql) of sites: the same rows and order as site.service.ts, site.loaders.ts
// and the Site field resolvers.
import { escapeLike } from '../../db/like';
import { readComputed, readRelation, readRoot } from '../../graphql/sql/compile';

/**
 * Issue 22: the site's package promises backups and its newest backup is older than the package's
 * interval (or there is none). The one definition: the sites list filter `backupOverdue`.
 */
export const backupOverdueSql = (t: string) =>
  `exists (select 1 from service_packages p where p.id = ${t}.service_package_id and p.backups
     and not exists (select 1 from site_backups b where b.site_id = ${t}.id
                      and b.taken_at >= now() - make_interval(hours => p.backup_interval_hours)))`;

readRoot('Query.sites', {
  kind: 'list',
  entity: 'Site',
  filters: {
    status: (value, t, params) => `${t}.status = ${params.add(value, 'text')}`,
    customerId: (value, t, params) => `${t}.customer_id = ${params.add(value, 'uuid')}`,
    backupOverdue: (value, t) => (value ? backupOverdueSql(t) : `not ${backupOverdueSql(t)}`),
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
