// Retention: data kept only as long as needed (P26). Each task is idempotent, runs on the system path
// (the owner's connection, every agency), and audits what it removed per agency (`system/tasks.ts`).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppServices } from '../graphql/context';
import type { RetentionReport } from '../system/tasks';
import { purgeExpiredBackups } from '../modules/sites/site-backup.retention';
import { forgetAuditIps } from '../modules/audit/audit.retention';
import { flagOverdueBreaches } from '../modules/breaches/breach.deadline';
import { purgeConsentLeftovers } from '../modules/consents/consent.retention';
import { runPrivacyRetention } from '../modules/privacy-requests/privacy-request.retention';
import { anonymiseVisitIps } from '../modules/visits/visit.retention';

/** Every retention task, in order; the scheduler and `pnpm sitecare retention:run` call this. */
export async function runRetention(em: EntityManager, app: AppServices, now = new Date()): Promise<RetentionReport[]> {
  return [
    await purgeExpiredBackups(em.fork(), now),
    await purgeConsentLeftovers(em.fork(), now),
    await flagOverdueBreaches(em.fork(), now),
    await anonymiseVisitIps(em.fork(), now),
    await forgetAuditIps(em.fork(), now),
    ...(await runPrivacyRetention(em, app, now)),
  ];
}
