// P26/S25: erasure walks every personal-data source in reverse, inside the caller's transaction, then
// puts the address and phone numbers on the suppression list. No provider is called.
import type { RequestContext } from '../graphql/context';
import { suppress } from '../modules/suppression/suppression.service';
import { personalDataSources, type DataSubject, type ErasureReport } from './personal-data';
import { isAccountingKept } from './sources/commerce';

export interface ErasureResult {
  /** Per source: deleted / anonymised / kept (with the reason). */
  sections: Record<string, ErasureReport>;
  /** Accounting records kept without identity, and when the retention task deletes them. */
  accounting: { orderIds: string[]; keepUntil: string | null };
  suppressed: { email: boolean; phones: number };
}

export async function eraseSubject(ctx: RequestContext, subject: DataSubject, reason: string): Promise<ErasureResult> {
  const sections: Record<string, ErasureReport> = {};
  let accounting: ErasureResult['accounting'] = { orderIds: [], keepUntil: null };
  for (const source of [...personalDataSources()].reverse()) {
    const report = await source.erase(ctx, subject);
    if (isAccountingKept(report)) {
      accounting = report.accounting;
      const { accounting: _ids, ...rest } = report;
      sections[source.name] = rest;
    } else sections[source.name] = report;
  }
  await suppress(ctx, { email: subject.email }, reason);
  for (const phone of subject.phones) await suppress(ctx, { phone }, reason);
  // Anything the ORM holds in memory is stale now (the sources write with SQL).
  ctx.em.clear();
  return { sections, accounting, suppressed: { email: true, phones: subject.phones.length } };
}
