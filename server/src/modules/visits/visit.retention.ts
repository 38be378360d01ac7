// P11: visit IPs are kept in full for VISIT_IP_RETENTION_DAYS, then truncated by sitecare_truncate_ip
// (migration visible_sessions; the session list shows the same): IPv4 to its /24 (the last octet
// zeroed: 203.0.113.57 → 203.0.113.0), IPv6 to its /48 (2001:db8:1:2::5 → 2001:db8:1::).
// Truncation rather than deletion keeps coarse network statistics while no longer pointing at one
// connection. Runs with the retention tasks (system path, every agency) and audits per agency.
import type { EntityManager } from '@mikro-orm/postgresql';
import { perAgency, type RetentionReport } from '../../system/tasks';

export const VISIT_IP_RETENTION_DAYS = 30;

export async function anonymiseVisitIps(
  em: EntityManager,
  now = new Date(),
  days = VISIT_IP_RETENTION_DAYS,
): Promise<RetentionReport> {
  return em.transactional((tx) =>
    perAgency(
      tx,
      'visit-ips',
      {
        sql: `with done as (
                update visits
                   set ip = sitecare_truncate_ip(ip),
                       ip_anonymised_at = ?
                 where ip_anonymised_at is null and created_at < ?::timestamptz - make_interval(days => ?)
                 returning tenant_id)
              select tenant_id, count(*) as n from done group by tenant_id`,
        params: [now, now, days],
      },
      { action: 'retention.visit_ips', entityType: 'Visit', detail: (anonymised) => ({ anonymised, days }) },
    ),
  );
}
