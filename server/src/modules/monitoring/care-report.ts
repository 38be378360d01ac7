// Issue 22: the monthly care report of a site under care. Its figures are one statement over the
// month in the agency's time zone (FIGURES_SQL): uptime and response time (daily roll-ups, and raw
// checks for days not rolled up yet), incidents, backups, updates, the site's tickets and the support
// minutes logged on them, against the package's hours. A report is made once per site and month
// (unique key: the monthly job is idempotent) and mailed, with its PDF attached (care-report.pdf.ts,
// rendered when the mail leaves), to the customer's portal users in their language. Staff preview
// the PDF and resend it from the site page.
import type { EntityManager } from '@mikro-orm/postgresql';
import { isStaff } from '../../auth/scopes';
import { systemContext, useTenant, type AppServices, type RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { enqueueMail } from '../mail/outbox.service';
import { positional } from './checks';
import { customerRecipients } from './incidents';

export interface CareReportFigures {
  domain: string;
  customer: string;
  agency: string;
  month: string;
  timezone: string;
  uptimePercent: number | null;
  checks: number;
  medianMs: number | null;
  incidents: { kind: string; openedAt: string; closedAt: string | null; minutes: number | null }[];
  backups: { count: number; latestAt: string | null; totalBytes: number };
  updates: { component: string; from: string | null; to: string; appliedAt: string }[];
  tickets: { opened: number; closed: number };
  minutesUsed: number;
  hoursIncluded: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month before the one `now` falls in, in time zone `tz` (YYYY-MM). */
export function previousMonth(now: Date, tz: string): { month: string; localDay: number; localHour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const year = Number(parts.year);
  const month = Number(parts.month);
  const prev = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return { month: prev, localDay: Number(parts.day), localHour: Number(parts.hour) };
}

/** The report's figures: $1 the site, $2 the month (YYYY-MM), in its agency's time zone. */
const FIGURES_SQL = `with m as (
    select s.id as site_id, s.domain, c.name as customer, t.name as agency, t.timezone,
           (($2::text || '-01')::timestamp at time zone t.timezone) as start,
           ((($2::text || '-01')::timestamp + interval '1 month') at time zone t.timezone) as stop,
           coalesce(p.support_hours_per_month, 0) as hours
      from sites s join customers c on c.id = s.customer_id join tenants t on t.id = s.tenant_id
      left join service_packages p on p.id = s.service_package_id
     where s.id = $1::uuid),
  days as (
    select r.checks, r.ok_checks, r.p50_ms from site_check_rollups r, m
     where r.site_id = m.site_id and r.period = 'DAY' and r.period_start >= m.start and r.period_start < m.stop
    union all
    select 1, case when c.ok then 1 else 0 end, c.response_ms from site_check_results c, m
     where c.site_id = m.site_id and c.kind = 'HTTP' and c.checked_at >= m.start and c.checked_at < m.stop
       and not exists (select 1 from site_check_rollups r where r.site_id = c.site_id and r.period = 'DAY'
                        and r.period_start = date_trunc('day', c.checked_at, 'UTC')))
  select m.domain, m.customer, m.agency, m.timezone, $2::text as month,
         (select round(100.0 * sum(ok_checks) / nullif(sum(checks), 0), 2)::float8 from days) as "uptimePercent",
         (select coalesce(sum(checks), 0)::int from days) as checks,
         (select round(percentile_cont(0.5) within group (order by p50_ms))::int from days where p50_ms is not null) as "medianMs",
         (select coalesce(json_agg(json_build_object('kind', i.kind, 'openedAt', i.opened_at, 'closedAt', i.closed_at,
                   'minutes', (floor(extract(epoch from (i.closed_at - i.opened_at)) / 60))::int) order by i.opened_at), '[]')
            from site_incidents i where i.site_id = m.site_id and i.opened_at >= m.start and i.opened_at < m.stop) as incidents,
         (select json_build_object('count', count(*), 'latestAt', max(b.taken_at), 'totalBytes', coalesce(sum(b.size_bytes), 0))
            from site_backups b where b.site_id = m.site_id and b.taken_at >= m.start and b.taken_at < m.stop) as backups,
         (select coalesce(json_agg(json_build_object('component', u.component, 'from', u.from_version, 'to', u.to_version,
                   'appliedAt', u.applied_at) order by u.applied_at), '[]')
            from site_updates u where u.site_id = m.site_id and u.applied_at >= m.start and u.applied_at < m.stop) as updates,
         (select json_build_object('opened', count(*) filter (where k.created_at >= m.start and k.created_at < m.stop),
                                   'closed', count(*) filter (where k.status in ('RESOLVED', 'CLOSED') and k.updated_at >= m.start and k.updated_at < m.stop))
            from support_tickets k where k.site_id = m.site_id) as tickets,
         (select coalesce(sum(u.minutes), 0)::int from sitecare_support_minutes_by_site_of(null, m.site_id, m.start) u
           where u.month = $2::text) as "minutesUsed",
         m.hours::int as "hoursIncluded"
    from m`;

/** The figures of `siteId` over `month`, as the viewer of `em` may read them. */
export async function careReportFigures(
  em: EntityManager,
  siteId: string,
  month: string,
): Promise<CareReportFigures | null> {
  const [row] = await em.execute<(CareReportFigures & { backups: { totalBytes: number | string } })[]>(
    ...positional(FIGURES_SQL, [siteId, month]),
  );
  if (!row) return null;
  return { ...row, backups: { ...row.backups, totalBytes: Number(row.backups.totalBytes) } };
}

/** Sites that get a report: active, under a care package, created before the month ended. */
const REPORTED_SITES_SQL = `select s.id, s.tenant_id from sites s join tenants t on t.id = s.tenant_id
   where s.status = 'ACTIVE' and s.service_package_id is not null
     and s.created_at < ((? || '-01')::timestamp + interval '1 month') at time zone t.timezone
     and s.tenant_id = ?`;

/** Makes the report of one site and month if it does not exist yet; answers its id and whether it was made now. */
async function makeReport(
  ctx: RequestContext,
  siteId: string,
  month: string,
): Promise<{ id: string; made: boolean } | null> {
  const figures = await careReportFigures(ctx.em, siteId, month);
  if (!figures) return null;
  const [made] = await ctx.em.execute<{ id: string }[]>(
    `insert into site_care_reports (id, created_at, updated_at, tenant_id, site_id, month, figures)
     select gen_random_uuid(), now(), now(), s.tenant_id, s.id, ?, ?::jsonb from sites s where s.id = ?
     on conflict (tenant_id, site_id, month) do nothing returning id`,
    [month, JSON.stringify(figures), siteId],
  );
  if (made) return { id: made.id, made: true };
  const [existing] = await ctx.em.execute<{ id: string }[]>(
    `select id from site_care_reports where site_id = ? and month = ?`,
    [siteId, month],
  );
  return existing ? { id: existing.id, made: false } : null;
}

/** Mails report `reportId` of `siteId` to the customer's portal users, each in their language. */
async function mailReport(ctx: RequestContext, tenantId: string, siteId: string, reportId: string, month: string) {
  const [report] = await ctx.em.execute<{ figures: CareReportFigures }[]>(
    `select figures from site_care_reports where id = ?`,
    [reportId],
  );
  const f = report.figures;
  const people = await customerRecipients(ctx, siteId, false);
  for (const person of people) {
    const language = person.language === 'en' ? 'en' : 'sv';
    await enqueueMail(ctx, {
      tenantId,
      to: person.email,
      template: 'care.report',
      language,
      payload: {
        name: person.name,
        domain: f.domain,
        month: monthName(month, language),
        reportId,
        uptime:
          f.uptimePercent === null ? '–' : `${f.uptimePercent.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB')} %`,
        incidents: f.incidents.length,
        backups: f.backups.count,
        updates: f.updates.length,
        tickets: f.tickets.opened,
        hours: hoursText(f.minutesUsed),
      },
    });
  }
  await ctx.em.execute(`update site_care_reports set sent_at = now(), updated_at = now() where id = ?`, [reportId]);
  return people.length;
}

export const monthName = (month: string, language: 'sv' | 'en') =>
  new Date(`${month}-01T12:00:00Z`).toLocaleDateString(language === 'sv' ? 'sv-SE' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export const hoursText = (minutes: number) => `${Math.floor(minutes / 60)} h ${minutes % 60} min`;

export interface CareReportRun {
  made: number;
  mailed: number;
}

/**
 * The monthly job (hourly; acts in each agency on the first of its month, in its time zone, from
 * 06:00): every site under care gets last month's report once, mailed once.
 */
export async function sendMonthlyCareReports(
  em: EntityManager,
  app: AppServices,
  now = new Date(),
): Promise<CareReportRun> {
  const run: CareReportRun = { made: 0, mailed: 0 };
  const tenants = await em.fork().execute<{ id: string; timezone: string }[]>(`select id, timezone from tenants`);
  for (const tenant of tenants) {
    const { month, localDay, localHour } = previousMonth(now, tenant.timezone);
    if (localDay !== 1 || localHour < 6) continue;
    const sites = await em.fork().execute<{ id: string }[]>(REPORTED_SITES_SQL, [month, tenant.id]);
    for (const site of sites) {
      await em.fork().transactional(async (tx) => {
        const ctx = systemContext(tx, app, 'care-report');
        await useTenant(ctx, tenant.id);
        const report = await makeReport(ctx, site.id, month);
        if (!report?.made) return; // made (and mailed) before: once per site and month
        run.made++;
        run.mailed += await mailReport(ctx, tenant.id, site.id, report.id, month);
        await audit(ctx, { action: 'site.careReport.send', entityType: 'Site', entityId: site.id, detail: { month } });
      });
    }
  }
  return run;
}

function checkMonth(month: string): void {
  if (!MONTH.test(month)) throw badInput('month', 'Must be a month as YYYY-MM');
}

/** Staff: mails the site's report of `month` again (made first if there is none yet). */
export function resendCareReport(ctx: RequestContext, siteId: string, month: string): Promise<number> {
  checkMonth(month);
  return inTransaction(ctx, async () => {
    const report = await makeReport(ctx, siteId, month);
    if (!report) throw notFound('Site');
    const [site] = await ctx.em.execute<{ tenant_id: string }[]>(`select tenant_id from sites where id = ?`, [siteId]);
    const mailed = await mailReport(ctx, site.tenant_id, siteId, report.id, month);
    await audit(ctx, {
      action: 'site.careReport.resend',
      entityType: 'Site',
      entityId: siteId,
      detail: { month, mailed },
    });
    return mailed;
  });
}

/**
 * The report's figures for a PDF: the report as made; staff may also preview a month not reported
 * yet (figures as of now). A customer reads only its own sites' reports (the table's viewer rule).
 */
export async function reportFiguresFor(ctx: RequestContext, siteId: string, month: string): Promise<CareReportFigures> {
  checkMonth(month);
  const [stored] = await ctx.em.execute<{ figures: CareReportFigures }[]>(
    `select figures from site_care_reports where site_id = ? and month = ?`,
    [siteId, month],
  );
  if (stored) return stored.figures;
  const figures = isStaff(ctx) ? await careReportFigures(ctx.em, siteId, month) : null;
  if (!figures) throw notFound('SiteCareReport');
  return figures;
}
