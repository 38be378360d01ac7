// Retention tasks of the privacy engine (P2, P26, P30). Each is idempotent, runs on the system path
// agency by agency, and audits what it did.
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext, useTenant, type AppServices, type RequestContext } from '../../graphql/context';
import type { RetentionReport } from '../../system/tasks';
import { audit } from '../audit/audit.service';
import { enqueueMail } from '../mail/outbox.service';
import { Tenant } from '../tenants/tenant.entity';
import { OPEN_STATUSES, PrivacyRequest } from './privacy-request.entity';
import { eraseOverdueMinor } from './minors.service';

/** Runs `work` once per agency that has matching rows, each in its own transaction as SYSTEM. */
async function perTenant(
  em: EntityManager,
  app: AppServices,
  actor: string,
  tenantIds: string[],
  work: (ctx: RequestContext, tenantId: string) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (const tenantId of new Set(tenantIds)) {
    total += await em.fork().transactional(async (tx) => {
      const ctx = systemContext(tx as EntityManager, app, actor);
      await useTenant(ctx, tenantId);
      return work(ctx, tenantId);
    });
  }
  return total;
}

/** P30: open requests past their due date are flagged once, and the agency's privacy contact is told. */
export async function flagOverdueRequests(
  em: EntityManager,
  app: AppServices,
  now = new Date(),
): Promise<RetentionReport> {
  const due = await em.execute<{ tenant_id: string }[]>(
    `select distinct tenant_id from privacy_requests where status in (?, ?, ?) and due_at < ? and overdue_notified_at is null`,
    [...OPEN_STATUSES, now],
  );
  const flagged = await perTenant(
    em,
    app,
    'retention',
    due.map((r) => r.tenant_id),
    async (ctx, tenantId) => {
      const overdue = await ctx.em.find(PrivacyRequest, {
        status: { $in: OPEN_STATUSES },
        dueAt: { $lt: now },
        overdueNotifiedAt: null,
      });
      for (const request of overdue) request.overdueNotifiedAt = now;
      await ctx.em.flush();
      const tenant = await ctx.em.findOneOrFail(Tenant, tenantId);
      await enqueueMail(ctx, {
        tenantId,
        to: tenant.privacyContactEmail,
        template: 'privacy.overdue',
        language: tenant.defaultLanguage,
        payload: { agency: tenant.name, count: overdue.length },
      });
      await audit(ctx, {
        action: 'retention.privacy_overdue',
        entityType: 'PrivacyRequest',
        detail: { flagged: overdue.map((r) => r.id) },
      });
      return overdue.length;
    },
  );
  return { task: 'privacy-overdue', removed: flagged };
}

/** P28: built exports are deleted at expiry, downloaded or not. */
export async function purgeExpiredExports(
  em: EntityManager,
  app: AppServices,
  now = new Date(),
): Promise<RetentionReport> {
  const rows = await em.execute<{ tenant_id: string }[]>(
    'select distinct tenant_id from privacy_exports where expires_at <= ? or downloaded_at is not null',
    [now],
  );
  const removed = await perTenant(
    em,
    app,
    'retention',
    rows.map((r) => r.tenant_id),
    async (ctx, tenantId) => {
      const res = await ctx.em.execute(
        'delete from privacy_exports where tenant_id = ? and (expires_at <= ? or downloaded_at is not null)',
        [tenantId, now],
        'run',
      );
      const n = (res as { affectedRows?: number }).affectedRows ?? 0;
      await audit(ctx, { action: 'retention.privacy_exports', entityType: 'PrivacyExport', detail: { removed: n } });
      return n;
    },
  );
  return { task: 'privacy-exports', removed };
}

/** P2: suspected minors without a parent's consent are erased (and suppressed) after the deadline. */
export async function eraseOverdueMinors(
  em: EntityManager,
  app: AppServices,
  now = new Date(),
): Promise<RetentionReport> {
  const rows = await em.execute<{ tenant_id: string; id: string }[]>(
    `select tenant_id, id from contacts where minor_status = 'SUSPECTED' and minor_erasure_due_at <= ? and erased_at is null`,
    [now],
  );
  let erased = 0;
  for (const row of rows) {
    erased += await perTenant(em, app, 'retention', [row.tenant_id], async (ctx) =>
      (await eraseOverdueMinor(ctx, row.id, now)) ? 1 : 0,
    );
  }
  return { task: 'minors', removed: erased };
}

/** P26/S25: accounting records kept after an erasure are deleted after their keep-until date. */
export async function purgeKeptAccounting(
  em: EntityManager,
  app: AppServices,
  now = new Date(),
): Promise<RetentionReport> {
  const rows = await em.execute<{ tenant_id: string; id: string; order_ids: string[] }[]>(
    `select tenant_id, id, result->'accounting'->'orderIds' as order_ids from privacy_requests
      where (result->'accounting'->>'keepUntil')::timestamptz <= ? and result->'accounting'->>'deletedAt' is null`,
    [now],
  );
  let removed = 0;
  for (const row of rows) {
    removed += await perTenant(em, app, 'retention', [row.tenant_id], async (ctx, tenantId) => {
      const ids = `{${row.order_ids.join(',')}}`;
      // A subscription's first order is one of them: the subscription (ended at erasure) goes first.
      await ctx.em.execute('delete from subscriptions where tenant_id = ? and first_order_id = any(?::uuid[])', [
        tenantId,
        ids,
      ]);
      const res = await ctx.em.execute(
        'delete from orders where tenant_id = ? and id = any(?::uuid[])',
        [tenantId, ids],
        'run',
      );
      const n = (res as { affectedRows?: number }).affectedRows ?? 0;
      await ctx.em.execute(
        `update privacy_requests set result = jsonb_set(result, '{accounting,deletedAt}', to_jsonb(?::text)) where id = ?`,
        [now.toISOString(), row.id],
      );
      await audit(ctx, {
        action: 'retention.accounting',
        entityType: 'PrivacyRequest',
        entityId: row.id,
        detail: { ordersDeleted: n },
      });
      return n;
    });
  }
  return { task: 'accounting-after-erasure', removed };
}

export async function runPrivacyRetention(em: EntityManager, app: AppServices, now = new Date()) {
  return [
    await flagOverdueRequests(em, app, now),
    await purgeExpiredExports(em, app, now),
    await eraseOverdueMinors(em, app, now),
    await purgeKeptAccounting(em, app, now),
  ];
}
