// Issue 22: the compiled reads (graphql/sql) of a site's care: its incidents, updates applied and the
// daily roll-ups of its checks over the last 30 days (uptime and response times), for staff, the
// assigned contractor and the customer alike (the tables' viewer rules decide who sees which site's).
import { readComputed, readRelation } from '../../graphql/sql/compile';

/** Days of daily roll-ups a site shows (the portal's uptime over 30 days). */
export const UPTIME_DAYS = 30;

readRelation('Site.incidents', {
  entity: 'SiteIncident',
  many: true,
  on: (t, site) => `${t}.site_id = ${site}.id`,
  orderBy: (t) => `${t}.opened_at desc, ${t}.id desc`,
  limit: 20,
});

readRelation('Site.updates', {
  entity: 'SiteUpdate',
  many: true,
  on: (t, site) => `${t}.site_id = ${site}.id`,
  orderBy: (t) => `${t}.applied_at desc, ${t}.id desc`,
  limit: 50,
});

readRelation('Site.uptimeDays', {
  entity: 'SiteCheckRollup',
  many: true,
  on: (t, site) => `${t}.site_id = ${site}.id`,
  where: (t) =>
    `${t}.period = 'DAY' and ${t}.period_start >= date_trunc('day', now() - interval '${UPTIME_DAYS} days')`,
  orderBy: (t) => `${t}.period_start asc`,
  limit: UPTIME_DAYS + 1,
});

/** Uptime in percent of a roll-up (two decimals; null without checks). The resolver computes the same. */
readComputed(
  'SiteCheckRollup.uptimePercent',
  (t) => `round(100.0 * ${t}.ok_checks / nullif(${t}.checks, 0), 2)::float8`,
);
readComputed(
  'SiteIncident.durationMinutes',
  (t) => `(floor(extract(epoch from (${t}.closed_at - ${t}.opened_at)) / 60))::int`,
);
