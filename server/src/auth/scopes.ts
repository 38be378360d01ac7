// The viewer's row rules (P18, S39) are PostgreSQL's: restrictive policies read the viewer set with the
// tenant in the request's transaction (migration viewer_rules), for the ORM, the compiled SQL and raw
// SQL alike. Staff see their agency; contractors what their active assignments cover; customers their
// own. What is left here are facts about the viewer that services use to decide, not to filter.
import type { RequestContext } from '../graphql/context';
import { memo } from '../graphql/loaders';

export const isStaff = (ctx: RequestContext) => ctx.viewer?.role === 'ADMIN' || ctx.viewer?.role === 'EMPLOYEE';

/** The customer a CUSTOMER login is a contact of (none: sees nothing), as PostgreSQL's viewer has it. */
export function ownCustomerId(ctx: RequestContext): Promise<string | null> {
  return memo(ctx, 'ownCustomerId', async () => {
    const [row] = await ctx.em.execute<{ id: string | null }[]>('select sitecare_viewer_customer() as id');
    return row?.id ?? null;
  });
}

/** The contact a login is (a CUSTOMER's own person), as PostgreSQL's viewer has it. */
export function ownContactId(ctx: RequestContext): Promise<string | null> {
  return memo(ctx, 'ownContactId', async () => {
    const [row] = await ctx.em.execute<{ id: string | null }[]>('select sitecare_viewer_contact() as id');
    return row?.id ?? null;
  });
}
