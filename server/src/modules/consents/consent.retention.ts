// P26, P9, P15: retention of the consent module's leftovers. A sign-up never confirmed is deleted
// once its link expired (nothing was consented to); e-mail opens and clicks go when the agency's
// `email_tracking` purpose says (its retention period). The consent history itself is the proof
// of consent and stays until the person is erased.
import type { EntityManager } from '@mikro-orm/postgresql';
import { perAgency, type RetentionReport } from '../../system/tasks';

export async function purgeConsentLeftovers(em: EntityManager, now = new Date()): Promise<RetentionReport> {
  return em.transactional(async (tx) => {
    const signups = await perAgency(
      tx,
      'newsletter-signups',
      {
        sql: `with gone as (delete from newsletter_signups where confirmed_at is null and expires_at <= ? returning tenant_id)
              select tenant_id, count(*) as n from gone group by tenant_id`,
        params: [now],
      },
      { action: 'retention.newsletter_signups', entityType: 'NewsletterSignup', detail: (removed) => ({ removed }) },
    );
    const tracking = await perAgency(
      tx,
      'tracking-events',
      {
        sql: `with gone as (
                delete from tracking_events t using processing_purposes p
                 where p.tenant_id = t.tenant_id and p.key = 'email_tracking' and p.retention_days is not null
                   and t.created_at <= ?::timestamptz - make_interval(days => p.retention_days)
                returning t.tenant_id)
              select tenant_id, count(*) as n from gone group by tenant_id`,
        params: [now],
      },
      { action: 'retention.tracking_events', entityType: 'TrackingEvent', detail: (removed) => ({ removed }) },
    );
    return { task: 'consents', removed: signups.removed + tracking.removed };
  });
}
