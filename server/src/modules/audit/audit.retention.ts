// P26: an audit event keeps the IP address it came from for AUDIT_IP_RETENTION_DAYS, the window in
// which a security incident is investigated, and then loses it. The event itself (who did what,
// when, with what outcome) stays as the append-only record. Runs with the retention tasks on the
// system path (the application role may not change the trail) and audits per agency.
import type { EntityManager } from '@mikro-orm/postgresql';
import { perAgency, type RetentionReport } from '../../system/tasks';

export const AUDIT_IP_RETENTION_DAYS = 180;

export async function forgetAuditIps(
  em: EntityManager,
  now = new Date(),
  days = AUDIT_IP_RETENTION_DAYS,
): Promise<RetentionReport> {
  return em.transactional((tx) =>
    perAgency(
      tx,
      'audit-ips',
      {
        sql: `with done as (
                update audit_events set ip = null
                 where ip is not null and created_at < ?::timestamptz - make_interval(days => ?)
                 returning tenant_id)
              select tenant_id, count(*) as n from done group by tenant_id`,
        params: [now, days],
      },
      { action: 'retention.audit_ips', entityType: 'AuditEvent', detail: (removed) => ({ removed, days }) },
    ),
  );
}
