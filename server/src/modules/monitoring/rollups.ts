// Issue 22: raw check results are kept 7 days; before they go, each complete hour and day of HTTP
// checks becomes a roll-up (checks, successful checks, p50/p95 response time of the successful ones).
// Only periods that start inside the raw window are (re)computed, so a roll-up is never remade from
// a period whose raw rows were already pruned: the task is idempotent. Hourly roll-ups are kept 90
// days, daily ones 400 days (a year's care report and a month's chart).
import type { EntityManager } from '@mikro-orm/postgresql';
import { perAgency, type RetentionReport } from '../../system/tasks';

export const RAW_DAYS = 7;
export const HOURLY_DAYS = 90;
export const DAILY_DAYS = 400;

const UNITS = { HOUR: 'hour', DAY: 'day' } as const;

/** Upserts the roll-ups of `period` for every complete period that started at or after `from`. */
const rollupSql = (period: keyof typeof UNITS) => {
  const unit = UNITS[period];
  return `with made as (
    insert into site_check_rollups (id, created_at, updated_at, tenant_id, site_id, period, period_start,
                                    checks, ok_checks, p50_ms, p95_ms)
    select gen_random_uuid(), now(), now(), r.tenant_id, r.site_id, '${period}', date_trunc('${unit}', r.checked_at, 'UTC'),
           count(*), count(*) filter (where r.ok),
           round(percentile_cont(0.5) within group (order by r.response_ms) filter (where r.ok)),
           round(percentile_cont(0.95) within group (order by r.response_ms) filter (where r.ok))
      from site_check_results r
     where r.kind = 'HTTP' and r.checked_at >= ? and r.checked_at < date_trunc('${unit}', ?::timestamptz, 'UTC')
       and date_trunc('${unit}', r.checked_at, 'UTC') >= ?
     group by r.tenant_id, r.site_id, date_trunc('${unit}', r.checked_at, 'UTC')
    on conflict (tenant_id, site_id, period, period_start) do update
       set checks = excluded.checks, ok_checks = excluded.ok_checks, p50_ms = excluded.p50_ms,
           p95_ms = excluded.p95_ms, updated_at = now()
    returning tenant_id)
  select tenant_id, count(*) as n from made group by tenant_id`;
};

const days = (now: Date, n: number) => new Date(now.getTime() - n * 86_400_000);

/** Rolls up the complete hours and days still in the raw window (idempotent). */
export async function rollUpChecks(em: EntityManager, now = new Date()): Promise<RetentionReport[]> {
  const from = days(now, RAW_DAYS);
  return em.transactional(async (tx) => [
    await perAgency(
      tx,
      'check roll-ups (hourly)',
      { sql: rollupSql('HOUR'), params: [from, now, from] },
      { action: 'retention.checkRollups', entityType: 'SiteCheckRollup', detail: (n) => ({ period: 'HOUR', made: n }) },
    ),
    await perAgency(
      tx,
      'check roll-ups (daily)',
      { sql: rollupSql('DAY'), params: [from, now, from] },
      { action: 'retention.checkRollups', entityType: 'SiteCheckRollup', detail: (n) => ({ period: 'DAY', made: n }) },
    ),
  ]);
}

/** The nightly task: roll up first, then prune raw results past 7 days and roll-ups past theirs. */
export async function pruneChecks(em: EntityManager, now = new Date()): Promise<RetentionReport[]> {
  const made = await rollUpChecks(em, now);
  const pruned = await em.transactional(async (tx) => [
    await perAgency(
      tx,
      'check results',
      {
        sql: `with gone as (delete from site_check_results where checked_at < ? returning tenant_id)
              select tenant_id, count(*) as n from gone group by tenant_id`,
        params: [days(now, RAW_DAYS)],
      },
      { action: 'retention.checkResults', entityType: 'SiteCheckResult', detail: (removed) => ({ removed }) },
    ),
    await perAgency(
      tx,
      'check roll-ups',
      {
        sql: `with gone as (delete from site_check_rollups
                             where (period = 'HOUR' and period_start < ?) or (period = 'DAY' and period_start < ?)
                            returning tenant_id)
              select tenant_id, count(*) as n from gone group by tenant_id`,
        params: [days(now, HOURLY_DAYS), days(now, DAILY_DAYS)],
      },
      { action: 'retention.checkRollups', entityType: 'SiteCheckRollup', detail: (removed) => ({ removed }) },
    ),
  ]);
  return [...made, ...pruned];
}
