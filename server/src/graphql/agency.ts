// Public endpoints name the agency by its slug (no login): run `work` scoped to that agency, then
// put the request's own tenant back (a logged-in caller keeps theirs for the rest of the request).
import { useTenant, type RequestContext } from './context';

/** `work(tenantId)` in the agency's scope; `undefined` without calling it when no agency has the slug. */
export async function inAgency<T>(
  ctx: RequestContext,
  slug: string,
  work: (tenantId: string) => Promise<T>,
): Promise<T | undefined> {
  const [row] = await ctx.em.execute<{ id: string | null }[]>('select sitecare_tenant_by_slug(?) as id', [slug]);
  if (!row?.id) return undefined;
  const previous = ctx.tenantId;
  await useTenant(ctx, row.id);
  try {
    return await work(row.id);
  } finally {
    await useTenant(ctx, previous);
  }
}
