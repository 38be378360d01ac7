// Retention: data kept only as long as needed (P26). Each task is idempotent, runs on the system path
// (the owner's connection, every agency), and audits what it removed per agency.
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { AppServices } from '../graphql/context';
import { forgetAuditIps } from '../modules/audit/audit.retention';
import { flagOverdueBreaches } from '../modules/breaches/breach.deadline';
import { purgeConsentLeftovers } from '../modules/consents/consent.retention';
import { runPrivacyRetention } from '../modules/privacy-requests/privacy-request.retention';
import { anonymiseVisitIps } from '../modules/visits/visit.retention';

export interface RetentionReport {
  task: string;
  removed: number;
}

/** An audit event of a system task, written with the task's own transaction (tx: the owner's connection). */
export async function auditSystemTask(
  tx: EntityManager,
  event: { tenantId: string; action: string; entityType: string; entityId?: string; detail: Record<string, unknown> },
): Promise<void> {
  await tx.execute(
    `insert into audit_events (id, created_at, updated_at, tenant_id, actor_type, action, entity_type, entity_id, outcome, detail)
     values (?, now(), now(), ?, 'SYSTEM', ?, ?, ?, 'ALLOWED', ?)`,
    [
      randomUUID(),
      event.tenantId,
      event.action,
      event.entityType,
      event.entityId ?? null,
      JSON.stringify(event.detail),
    ],
  );
}

/**
 * A retention statement that returns one row per agency (`tenant_id`, `n`: rows it changed), then one
 * audit event per agency with `detail(n)`, in the caller's transaction.
 */
export async function perAgency(
  tx: EntityManager,
  task: string,
  statement: { sql: string; params: unknown[] },
  event: { action: string; entityType: string; detail: (n: number) => Record<string, unknown> },
): Promise<RetentionReport> {
  const rows = await tx.execute<{ tenant_id: string; n: string }[]>(statement.sql, statement.params);
  for (const row of rows) {
    await auditSystemTask(tx, {
      tenantId: row.tenant_id,
      action: event.action,
      entityType: event.entityType,
      detail: event.detail(Number(row.n)),
    });
  }
  return { task, removed: rows.reduce((sum, r) => sum + Number(r.n), 0) };
}

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
