// System tasks (retention, deadlines): the helpers they share, below the modules. They run on the
// system path (the owner's connection, every agency) and audit what they did per agency.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditAction } from '@sitecare/schema';
import { randomUUID } from 'node:crypto';

export interface RetentionReport {
  task: string;
  removed: number;
}

/** An audit event of a system task, written with the task's own transaction (tx: the owner's connection). */
export async function auditSystemTask(
  tx: EntityManager,
  event: {
    tenantId: string;
    action: AuditAction;
    entityType: string;
    entityId?: string;
    detail: Record<string, unknown>;
  },
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
  event: { action: AuditAction; entityType: string; detail: (n: number) => Record<string, unknown> },
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
