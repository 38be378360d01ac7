// Issue 19: one gap-free number series per agency and kind. The counter row is updated in the
// caller's transaction (`insert … on conflict do update … returning`): its row lock makes a second
// transaction (another request, another server process) wait until the first commits or rolls back,
// so a number is never given twice, and a rolled-back transaction takes its number back with it (no gap).
import type { RequestContext } from '../../graphql/context';
import type { InvoiceKind } from './invoice.entity';

export async function nextDocumentNumber(ctx: RequestContext, tenantId: string, series: InvoiceKind): Promise<number> {
  const [row] = await ctx.em.execute<{ last_number: number }[]>(
    `insert into document_counters (id, tenant_id, series, last_number) values (gen_random_uuid(), ?, ?, 1)
       on conflict (tenant_id, series) do update set last_number = document_counters.last_number + 1, updated_at = now()
     returning last_number`,
    [tenantId, series],
  );
  return Number(row.last_number);
}
