import type { RequestContext } from '../../graphql/context';
import { groupBy, loaderFor } from '../../graphql/loaders';
import { SiteAssignment } from './site-assignment.entity';
import { SiteBackup } from './site-backup.entity';
import { Site } from './site.entity';

/** Sites of many customers (those the viewer's row rule lets through), in one query. */
export const sitesByCustomer = (ctx: RequestContext) =>
  loaderFor<string, Site[]>(ctx, 'sitesByCustomer', async (ids) => {
    const rows = await ctx.em.find(Site, { customer: { $in: [...ids] } }, { orderBy: { domain: 'asc' } });
    return groupBy(ids, rows, (s) => s.customer.id);
  });

export const assignmentsBySite = (ctx: RequestContext) =>
  loaderFor<string, SiteAssignment[]>(ctx, 'assignmentsBySite', async (ids) => {
    const rows = await ctx.em.find(
      SiteAssignment,
      { site: { $in: [...ids] } },
      { populate: ['user'], orderBy: { startsAt: 'desc', id: 'desc' } },
    );
    return groupBy(ids, rows, (a) => a.site.id);
  });

export const backupsBySite = (ctx: RequestContext) =>
  loaderFor<string, SiteBackup[]>(ctx, 'backupsBySite', async (ids) => {
    const rows = await ctx.em.find(
      SiteBackup,
      { site: { $in: [...ids] } },
      { orderBy: { takenAt: 'desc', id: 'desc' } },
    );
    return groupBy(ids, rows, (b) => b.site.id);
  });
