// S26: the 72-hour watch. Runs with the retention tasks (system path, every agency): a reportable
// breach past its deadline without the authority notified is flagged once and audited, so the
// agency's audit log shows the lapse even if nobody opened the dashboard.
import type { EntityManager } from '@mikro-orm/postgresql';
import { auditSystemTask, type RetentionReport } from '../../system/tasks';
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
      await auditSystemTask(tx, {
        tenantId: row.tenant_id,
        action: 'breach.overdue',
        entityType: 'Breach',
        entityId: row.id,
        detail: { awareAt: row.aware_at, hours: NOTIFICATION_HOURS },
      });
    }
    return { task: 'breaches-overdue', removed: rows.length };
  });
}
