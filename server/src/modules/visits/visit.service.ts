// P11: the visit log. The agency's sites and dashboard report page views here (public, rate-limited,
// bounded input); staff read them; retention truncates the IPs (visit.retention.ts).
import type { FilterQuery } from '@mikro-orm/core';
import { escapeLike } from '../../db/like';
import { inAgency } from '../../graphql/agency';
import type { RequestContext } from '../../graphql/context';
import { PageInput, type Page } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { normaliseIp, parseUserAgent } from '../../net/client';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { Visit } from './visit.entity';
import type { VisitFilter, VisitInput } from './visit.inputs';

/** Records a page view. */
export async function recordVisit(ctx: RequestContext, input: VisitInput): Promise<boolean> {
  await ctx.app.throttle.consumeVisit(ctx.ip);
  // An unknown agency answers like a known one (nothing to probe).
  await inAgency(ctx, input.agency, (tenantId) =>
    inTransaction(ctx, async () => {
      // A logged-in person of this agency: the visit is theirs (export and erasure find it).
      const user = ctx.viewer?.tenantId === tenantId ? ctx.em.getReference(User, ctx.viewer.userId) : null;
      ctx.em.create(Visit, {
        tenant: ctx.em.getReference(Tenant, tenantId),
        path: input.path,
        referrer: input.referrer ?? null,
        visitorId: input.visitorId ?? null,
        user,
        ip: normaliseIp(ctx.ip),
        ...parseUserAgent(ctx.userAgent),
      });
      await ctx.em.flush();
    }),
  );
  return true;
}

export async function listVisits(
  ctx: RequestContext,
  filter: VisitFilter = {},
  page = new PageInput(),
): Promise<Page<Visit>> {
  const where: FilterQuery<Visit> = {};
  if (filter.pathPrefix) where.path = { $like: `${escapeLike(filter.pathPrefix)}%` };
  if (filter.visitorId) where.visitorId = filter.visitorId;
  if (filter.browserName) where.browserName = filter.browserName;
  if (filter.from || filter.to)
    where.createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  const [nodes, totalCount] = await ctx.em.findAndCount(Visit, where, {
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: page.take,
    offset: page.skip,
  });
  return { nodes, totalCount };
}
