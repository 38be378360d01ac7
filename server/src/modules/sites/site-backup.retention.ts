import type { EntityManager } from '@mikro-orm/postgresql';
import { perAgency, type RetentionReport } from '../../system/tasks';

/** P10: backup records past their expiry are purged. */
export async function purgeExpiredBackups(em: EntityManager, now = new Date()): Promise<RetentionReport> {
  return em.transactional((tx) =>
    perAgency(
      tx,
      'backups',
      {
        sql: `with gone as (delete from site_backups where expires_at <= ? returning tenant_id)
              select tenant_id, count(*) as n from gone group by tenant_id`,
        params: [now],
      },
      { action: 'retention.backups', entityType: 'SiteBackup', detail: (removed) => ({ removed }) },
    ),
  );
}
