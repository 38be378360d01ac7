// P26 (issue 23): every processing purpose's retention period is used. The modules declare what
// they keep under which purpose (`purposeData` in their index.ts); this one task deletes, per agency,
// the rows older than that agency's period for the purpose (a purpose without a period, such as
// service delivery under the contract, keeps its data by other rules), audited per agency.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PurposeHolding } from './module';
import { perAgency, type RetentionReport } from './tasks';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export async function expirePurposeData(
  em: EntityManager,
  holdings: PurposeHolding[],
  now = new Date(),
): Promise<RetentionReport> {
  let removed = 0;
  await em.transactional(async (tx) => {
    for (const h of holdings) {
      // Declared in code, never input; checked anyway since they are spliced into the statement.
      if (!IDENTIFIER.test(h.table) || !IDENTIFIER.test(h.timestamp)) throw new Error(`bad holding ${h.table}`);
      const report = await perAgency(
        tx,
        `purpose:${h.purpose}:${h.table}`,
        {
          sql: `with gone as (
                  delete from "${h.table}" t using processing_purposes p
                   where p.tenant_id = t.tenant_id and p.key = ? and p.retention_days is not null
                     and t."${h.timestamp}" <= ?::timestamptz - make_interval(days => p.retention_days)
                  returning t.tenant_id)
                select tenant_id, count(*) as n from gone group by tenant_id`,
          params: [h.purpose, now],
        },
        {
          action: 'retention.purpose',
          entityType: h.entityType,
          detail: (n) => ({ purpose: h.purpose, removed: n }),
        },
      );
      removed += report.removed;
    }
  });
  return { task: 'purposes', removed };
}
