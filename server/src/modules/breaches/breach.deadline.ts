// S26: the 72-hour watch. Runs with the retention tasks (system path, every agency): a reportable
// breach past its deadline without the authority notified is flagged once and audited, so the
// agency's audit log shows the lapse even if nobody opened the dashboard.
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { RetentionReport } from '../../jobs/retention';
import { NOTIFICATION_HOURS } from './breach.entity';

export async function flagOverdueBreaches(em: EntityManager, now = new Date()): Promise<RetentionReport> {
  return em.transactional(async (tx) => {
    const rows = await tx.execute<{ id: string; tenant_id: string; aware_at: Date }[]>(
      `update breaches set overdue_flagged_at = ?
        where reportable and authority_notified_at is null and overdue_flagged_at is null
          and aware_at + make_interval(hours => ?) < ?
        returning id, tenant_id, aware_at`,
      [now, NOTIFICATION_HOURS, now],
    );
    for (const row of rows) {
      await tx.execute(
        `insert into audit_events (id, created_at, updated_at, tenant_id, actor_type, action, entity_type, entity_id, outcome, detail)
         values (?, now(), now(), ?, 'SYSTEM', 'breach.overdue', 'Breach', ?, 'ALLOWED', ?)`,
        [randomUUID(), row.tenant_id, row.id, JSON.stringify({ awareAt: row.aware_at, hours: NOTIFICATION_HOURS })],
      );
    }
    return { task: 'breaches-overdue', removed: rows.length };
  });
}
