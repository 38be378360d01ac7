// P26, P15: retention of the consent module's leftovers. A sign-up never confirmed is deleted once
// its link expired (nothing was consented to). E-mail opens and clicks (P9) are the
// `email_tracking` purpose's data: they go after its retention period with every purpose's data
// (index.ts declares them; system/purpose-retention.ts). The consent history itself is the proof
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
    return { task: 'consents', removed: signups.removed };
  });
}
