// Small helpers shared by the personal-data sources.
import type { RequestContext } from '../../graphql/context';

export const rows = <T = Record<string, unknown>>(ctx: RequestContext, sql: string, params: unknown[]) =>
  ctx.em.execute<T[]>(sql, params);

/** Runs a write and answers how many rows it touched. */
export async function affected(ctx: RequestContext, sql: string, params: unknown[]): Promise<number> {
  const res = await ctx.em.execute(sql, params, 'run');
  return (res as { affectedRows?: number }).affectedRows ?? 0;
}

export { uuidArray as ids } from '../subject';
