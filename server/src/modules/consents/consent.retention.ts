// P26, P9, P15: retention of the consent module's leftovers. A sign-up never confirmed is deleted
// once its link expired (nothing was consented to); e-mail opens and clicks go when the agency's
// `email_tracking` purpose says (its retention period). The consent history itself is the proof
// of consent and stays until the person is erased.
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { RetentionReport } from '../../jobs/retention';

async function auditRemoved(
  tx: EntityManager,
  rows: { tenant_id: string; n: string }[],
  action: string,
  entity: string,
) {
  for (const row of rows) {
    await tx.execute(
      `insert into audit_events (id, created_at, updated_at, tenant_id, actor_type, action, entity_type, outcome, detail)
       values (?, now(), now(), ?, 'SYSTEM', ?, ?, 'ALLOWED', ?)`,
      [randomUUID(), row.tenant_id, action, entity, JSON.stringify({ removed: Number(row.n) })],
    );
  }
  return rows.reduce((sum, r) => sum + Number(r.n), 0);
}

export async function purgeConsentLeftovers(em: EntityManager, now = new Date()): Promise<RetentionReport> {
  return em.transactional(async (tx) => {
    const signups = await tx.execute<{ tenant_id: string; n: string }[]>(
      `with gone as (delete from newsletter_signups where confirmed_at is null and expires_at <= ? returning tenant_id)
       select tenant_id, count(*) as n from gone group by tenant_id`,
      [now],
    );
    const tracking = await tx.execute<{ tenant_id: string; n: string }[]>(
      `with gone as (
         delete from tracking_events t using processing_purposes p
          where p.tenant_id = t.tenant_id and p.key = 'email_tracking' and p.retention_days is not null
            and t.created_at <= ?::timestamptz - make_interval(days => p.retention_days)
         returning t.tenant_id)
       select tenant_id, count(*) as n from gone group by tenant_id`,
      [now],
    );
    const removed =
      (await auditRemoved(tx, signups, 'retention.newsletter_signups', 'NewsletterSignup')) +
      (await auditRemoved(tx, tracking, 'retention.tracking_events', 'TrackingEvent'));
    return { task: 'consents', removed };
  });
}
