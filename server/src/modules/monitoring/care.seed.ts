// Issue 22, demo data: a month of care on the demo's monitored sites (seeds' `demoCareHistory`).
// The checks are written with a few set-based statements (generate_series), so seeding stays fast:
// raw HTTP checks for the last days, rolled up by the retention's own roll-up (rollups.ts), and daily
// roll-ups made directly for the older days; one past outage on each agency's first monitored site
// (a closed incident with its closed ticket, its failed checks in that day's roll-up); the updates
// its agent reported.
import type { EntityManager } from '@mikro-orm/postgresql';
import { demoCareHistory as care } from '@sitecare/seeds';
import { SupportTicket, TicketChannel, TicketStatus } from '../tickets/support-ticket.entity';
import { TicketMessage } from '../tickets/ticket-message.entity';
import type { Site } from '../sites/site.entity';
import type { Tenant } from '../tenants/tenant.entity';
import type { User } from '../users/user.entity';
import { monitoredSql } from './checks';
import { rollUpChecks } from './rollups';
import { IncidentKind, SiteIncident } from './site-check.entity';
import { SiteUpdate } from './site-update.entity';
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_SITES } from '../sites/site.seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { DEMO_STAFF } from '../users/user.seed';

const DAY = 86_400_000;
const fill = (text: string, domain: string) => text.replace('%{domain}', domain);

/** A site's pseudo-random but repeatable response time around the typical one (same in every run). */
const jitter = (seed: string) => `(abs(hashtext(${seed})) % ${care.typicalMs})`;

/** The outage's start and end (UTC), `daysAgo` days before `now`. */
export function demoOutage(now: Date): { start: Date; end: Date } {
  const [h, m] = care.outage.at.split(':').map(Number);
  const start = new Date(now.getTime() - care.outage.daysAgo * DAY);
  start.setUTCHours(h, m, 0, 0);
  return { start, end: new Date(start.getTime() + care.outage.minutes * 60_000) };
}

/** The ORM part, before the flush: the outage's incident and ticket, and the updates. */
export function seedCareRecords(em: EntityManager, tenant: Tenant, sites: Site[], staff: User, now = new Date()) {
  const monitored = sites.filter((s) => s.status === 'ACTIVE' && s.servicePackage?.uptimeMonitoring);
  monitored.forEach((site, i) => {
    for (const u of care.updates)
      em.create(SiteUpdate, {
        tenant,
        site,
        component: u.component,
        fromVersion: u.from,
        toVersion: u.to,
        appliedAt: new Date(now.getTime() - (u.daysAgo + i) * DAY),
      });
  });
  const site = monitored[0];
  if (!site) return;
  const { start, end } = demoOutage(now);
  const sv = tenant.defaultLanguage !== 'en';
  const ticket = em.create(SupportTicket, {
    tenant,
    subject: fill(sv ? care.outage.subjectSv : care.outage.subjectEn, site.domain),
    customer: site.customer,
    site,
    status: TicketStatus.CLOSED,
    channel: TicketChannel.MONITORING,
    assignee: staff,
    createdAt: start,
    firstResponseDueAt: new Date(start.getTime() + (site.servicePackage?.responseTimeHours ?? 24) * 3600_000),
    firstRespondedAt: end,
  });
  const messages = [
    [sv ? care.outage.bodySv : care.outage.bodyEn, start],
    [sv ? care.outage.noteSv : care.outage.noteEn, end],
  ] as const;
  for (const [body, at] of messages)
    em.create(TicketMessage, {
      tenant,
      ticket,
      authorUser: null,
      authorName: 'Sitecare',
      body: fill(body, site.domain),
      internal: false,
      passwordHints: [],
      createdAt: at,
    });
  em.create(SiteIncident, {
    tenant,
    site,
    kind: IncidentKind.DOWN,
    openedAt: start,
    closedAt: end,
    detail: fill(sv ? care.outage.bodySv : care.outage.bodyEn, site.domain),
    ticket,
  });
}

/**
 * The SQL part, after the flush (every agency at once): raw checks every interval for the last
 * `rawDays` (rolled up by rollups.ts), daily roll-ups for the days before, the outage's failures in
 * both. Response times vary per site and check; a check in the outage failed with 502.
 */
export async function seedCheckHistory(em: EntityManager, now = new Date()): Promise<void> {
  const { start } = demoOutage(now);
  await em.execute(
    `insert into site_check_results (id, created_at, updated_at, tenant_id, site_id, kind, checked_at, ok, status_code, response_ms, error)
     select gen_random_uuid(), t, t, s.tenant_id, s.id, 'HTTP', t, true, 200,
            ${care.typicalMs / 2} + ${jitter(`s.id::text || t::text`)}, null
       from sites s, service_packages p,
            generate_series(?::timestamptz - interval '${care.rawDays} days', ?::timestamptz, make_interval(mins => p.check_interval_minutes)) t
      where ${monitoredSql('s', 'p')}`,
    [now, now],
  );
  await rollUpChecks(em, now);
  // Older days: one roll-up a day; the outage's day lost its checks while the site was down.
  await em.execute(
    `insert into site_check_rollups (id, created_at, updated_at, tenant_id, site_id, period, period_start, checks, ok_checks, p50_ms, p95_ms)
     select gen_random_uuid(), now(), now(), s.tenant_id, s.id, 'DAY', d,
            1440 / p.check_interval_minutes,
            1440 / p.check_interval_minutes - case when d = date_trunc('day', ?::timestamptz, 'UTC') and
              s.id = (select i.site_id from site_incidents i where i.tenant_id = s.tenant_id and i.opened_at = ? limit 1)
              then ceil(?::numeric / p.check_interval_minutes)::int else 0 end,
            ${care.typicalMs / 2} + ${jitter(`s.id::text || d::text`)} / 2,
            ${care.typicalMs} + ${jitter(`s.id::text || d::text`)} * 2
       from sites s, service_packages p,
            generate_series(date_trunc('day', ?::timestamptz - interval '${care.days} days', 'UTC'),
                            date_trunc('day', ?::timestamptz - interval '${care.rawDays + 1} days', 'UTC'), interval '1 day') d
      where ${monitoredSql('s', 'p')}
     on conflict (tenant_id, site_id, period, period_start) do nothing`,
    [start, start, care.outage.minutes, now, now],
  );
}

export const careSeed: DemoSeeder = {
  // After the tickets: the outage's ticket takes the agency's next ticket number.
  after: ['tenants', 'users', 'sites', 'tickets'],
  perAgency: (ctx) => seedCareRecords(ctx.em, ctx.get(DEMO_TENANT), ctx.get(DEMO_SITES).flat(), ctx.get(DEMO_STAFF)),
  afterFlush: (em) => seedCheckHistory(em), // a month of checks on every agency's monitored sites, set-based
};
