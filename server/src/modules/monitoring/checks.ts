// Issue 22: the check schedule and its runner, on the system path (the tables' owner, every agency).
// Each monitored site has one due time; a worker takes due rows with FOR UPDATE SKIP LOCKED and moves
// them on by the package's interval in the same statement, so several processes never run the same
// check. New sites start at an offset within their interval (from their id), which spreads the
// checks evenly over it.
import type { EntityManager } from '@mikro-orm/postgresql';
import { probeDomainExpiry, probeHttp, probeTls, type ProbeOptions } from './probe';

/** The one rule of "this site is monitored": active, under a package with uptime monitoring. */
export const monitoredSql = (site: string, pkg: string) =>
  `${site}.status = 'ACTIVE' and ${pkg}.uptime_monitoring and ${pkg}.id = ${site}.service_package_id`;

/** Adds a due time for every newly monitored site, removes those of sites no longer monitored. */
export const SYNC_SCHEDULES_SQL = `with added as (
    insert into site_check_schedules (id, created_at, updated_at, tenant_id, site_id, due_at)
    select gen_random_uuid(), now(), now(), s.tenant_id, s.id,
           now() + make_interval(secs => (abs(hashtext(s.id::text)) % (p.check_interval_minutes * 60)))
      from sites s, service_packages p
     where ${monitoredSql('s', 'p')}
    on conflict (tenant_id, site_id) do nothing
    returning 1),
  removed as (
    delete from site_check_schedules c
     where not exists (select 1 from sites s, service_packages p where s.id = c.site_id and ${monitoredSql('s', 'p')})
    returning 1)
  select (select count(*) from added)::int as added, (select count(*) from removed)::int as removed`;

/** How often the certificate and the domain's registration are looked at (they change slowly). */
const TLS_EVERY = '1 hour';
const DOMAIN_EVERY = '1 day';

/**
 * Takes up to $2 checks due at $1 and moves each on by whole intervals past $1 (a check that was
 * missed while nobody ran is not run twice), returning what to check.
 */
export const CLAIM_DUE_SQL = `with due as (
    select c.id from site_check_schedules c, sites s, service_packages p
     where c.due_at <= $1 and s.id = c.site_id and ${monitoredSql('s', 'p')}
     order by c.due_at limit $2
       for update of c skip locked)
  update site_check_schedules c
     set due_at = c.due_at + make_interval(mins => p.check_interval_minutes)
           * (floor(extract(epoch from ($1::timestamptz - c.due_at)) / (p.check_interval_minutes * 60))::int + 1),
         updated_at = now()
    from due, sites s, service_packages p
   where c.id = due.id and s.id = c.site_id and ${monitoredSql('s', 'p')}
  returning c.tenant_id, c.site_id, s.domain, s.production_url, c.expected_text,
            c.tls_checked_at is null or c.tls_checked_at <= $1::timestamptz - interval '${TLS_EVERY}' as tls_due,
            c.domain_checked_at is null or c.domain_checked_at <= $1::timestamptz - interval '${DOMAIN_EVERY}' as domain_due`;

interface Due {
  tenant_id: string;
  site_id: string;
  domain: string;
  production_url: string;
  expected_text: string | null;
  tls_due: boolean;
  domain_due: boolean;
}

export interface CheckRunOptions extends ProbeOptions {
  /** At most this many checks taken per run. */
  batch: number;
  /** At most this many probes at once in this process. */
  concurrency: number;
  /** RDAP base URL: domain expiry is looked up only when set. */
  rdapUrl?: string;
  now?: Date;
}

export interface CheckRunReport {
  checked: number;
  failed: number;
  /** The sites checked (their incidents are reviewed next: incidents.ts). */
  sites: string[];
}

interface ResultRow {
  tenantId: string;
  siteId: string;
  kind: 'HTTP' | 'TLS' | 'DOMAIN';
  checkedAt: Date;
  ok: boolean;
  statusCode: number | null;
  responseMs: number | null;
  error: string | null;
  expiresAt: Date | null;
}

/** Writes results and, for HTTP checks, the schedule's count of failures in a row, in one statement. */
const RECORD_SQL = `with rows as (
    select * from jsonb_to_recordset($1::jsonb) as r(
      "tenantId" uuid, "siteId" uuid, kind text, "checkedAt" timestamptz, ok boolean,
      "statusCode" int, "responseMs" int, error text, "expiresAt" timestamptz)),
  inserted as (
    insert into site_check_results (id, created_at, updated_at, tenant_id, site_id, kind, checked_at, ok,
                                    status_code, response_ms, error, expires_at)
    select gen_random_uuid(), now(), now(), r."tenantId", r."siteId", r.kind, r."checkedAt", r.ok,
           r."statusCode", r."responseMs", r.error, r."expiresAt" from rows r
    returning 1)
  update site_check_schedules c
     set consecutive_failures = case when h.ok then 0 else c.consecutive_failures + 1 end,
         tls_checked_at = coalesce(t."checkedAt", c.tls_checked_at),
         domain_checked_at = coalesce(d."checkedAt", c.domain_checked_at)
    from rows h
    left join rows t on t."siteId" = h."siteId" and t.kind = 'TLS'
    left join rows d on d."siteId" = h."siteId" and d.kind = 'DOMAIN'
   where h.kind = 'HTTP' and c.site_id = h."siteId"`;

/** `$n` placeholders as the ORM's `?` ones, with their values in order. */
export function positional(sql: string, values: unknown[]): [string, unknown[]] {
  const params: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => (params.push(values[Number(n) - 1]), '?'));
  return [text, params];
}

/** Runs `work` over `items`, at most `limit` at once. */
async function pooled<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

export async function syncCheckSchedules(em: EntityManager): Promise<{ added: number; removed: number }> {
  const [row] = await em.fork().execute<{ added: number; removed: number }[]>(SYNC_SCHEDULES_SQL);
  return row;
}

/** Takes the due checks, probes them (bounded), and records the results. */
export async function runDueChecks(em: EntityManager, options: CheckRunOptions): Promise<CheckRunReport> {
  const now = options.now ?? new Date();
  const due = await em.fork().execute<Due[]>(...positional(CLAIM_DUE_SQL, [now, options.batch]));
  if (!due.length) return { checked: 0, failed: 0, sites: [] };
  const results: ResultRow[] = [];
  await pooled(due, options.concurrency, async (site) => {
    const base = { tenantId: site.tenant_id, siteId: site.site_id, checkedAt: new Date() };
    const http = await probeHttp(site.production_url, site.expected_text, options);
    results.push({ ...base, kind: 'HTTP', ...http, expiresAt: null });
    if (site.tls_due && site.production_url.startsWith('https:')) {
      const tls = await probeTls(site.production_url, options);
      results.push({ ...base, kind: 'TLS', ...tls, statusCode: null });
    }
    if (site.domain_due && options.rdapUrl) {
      try {
        const expiresAt = await probeDomainExpiry(site.domain, options.rdapUrl, options.timeoutMs);
        results.push({ ...base, kind: 'DOMAIN', ok: true, statusCode: null, responseMs: null, error: null, expiresAt });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.push({
          ...base,
          kind: 'DOMAIN',
          ok: false,
          statusCode: null,
          responseMs: null,
          error: message,
          expiresAt: null,
        });
      }
    }
  });
  await em.fork().execute(...positional(RECORD_SQL, [JSON.stringify(results)]));
  return {
    checked: due.length,
    failed: results.filter((r) => r.kind === 'HTTP' && !r.ok).length,
    sites: due.map((d) => d.site_id),
  };
}
