import type { RequestContext } from '../../graphql/context';
import { groupBy, loaderFor } from '../../graphql/loaders';
import { SiteCredential } from './site-credential.entity';

/** Credentials (without secrets: the ciphertext is a hidden property) of many sites in one query. */
export const credentialsBySite = (ctx: RequestContext) =>
  loaderFor<string, SiteCredential[]>(ctx, 'credentialsBySite', async (ids) => {
    const rows = await ctx.em.find(
      SiteCredential,
      { site: { $in: [...ids] } },
      { orderBy: { label: 'asc', id: 'asc' } },
    );
    return groupBy(ids, rows, (c) => c.site.id);
  });
