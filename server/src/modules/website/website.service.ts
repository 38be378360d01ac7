// Issue 21 (S37): the agency's website may call the public operations from the browser. The agency's
// allow-list of origins is kept on the agency (`tenants.allowed_origins`), set by its admins.
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import type { Tenant } from '../tenants/tenant.entity';
import { currentTenant } from '../tenants/tenant.service';

export const MAX_ORIGINS = 20;

/**
 * An origin as browsers send it (`https://www.agency.se`, a port when not the default): HTTPS, or
 * plain HTTP outside production (local development of the site); no path, query, user or fragment.
 */
export function normaliseOrigin(raw: string, isProduction: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  const schemes = isProduction ? ['https:'] : ['https:', 'http:'];
  if (!schemes.includes(url.protocol) || url.username || url.password) return undefined;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return undefined;
  if (raw.trim().replace(/\/$/, '') !== url.origin) return undefined; // e.g. upper case or a trailing path
  return url.origin;
}

export function setAllowedOrigins(ctx: RequestContext, origins: string[]): Promise<Tenant> {
  return inTransaction(ctx, async () => {
    if (origins.length > MAX_ORIGINS) throw badInput('origins', `At most ${MAX_ORIGINS} origins`);
    const normalised: string[] = [];
    for (const raw of origins) {
      const origin = normaliseOrigin(raw, ctx.app.config.isProduction);
      if (!origin)
        throw badInput(
          'origins',
          `"${raw.slice(0, 100)}" is not an origin: write it as https://www.example.com (no path), in lower case`,
        );
      if (!normalised.includes(origin)) normalised.push(origin);
    }
    const tenant = await currentTenant(ctx);
    tenant.allowedOrigins = normalised;
    await ctx.em.flush();
    await audit(ctx, {
      action: 'tenant.update',
      entityType: 'Tenant',
      entityId: tenant.id,
      detail: { changed: ['allowedOrigins'], allowedOrigins: normalised },
    });
    return tenant;
  });
}
