import type { EntityManager } from '@mikro-orm/postgresql';
import type { SupportedLanguage } from '@sitecare/schema';
import type { RequestContext } from '../../graphql/context';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { createDefaultPurposes } from '../consents/consent.service';
import { Tenant } from './tenant.entity';
import type { TenantUpdateInput } from './tenant.inputs';

export function currentTenant(ctx: RequestContext): Promise<Tenant> {
  return ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
}

export async function updateTenant(ctx: RequestContext, input: TenantUpdateInput): Promise<Tenant> {
  return inTransaction(ctx, async () => {
    const tenant = await currentTenant(ctx);
    const changed: string[] = [];
    for (const [key, value] of Object.entries(input) as Array<[keyof TenantUpdateInput, string | undefined]>) {
      if (value === undefined || tenant[key] === value) continue;
      (tenant as unknown as Record<string, unknown>)[key] = key === 'country' ? value.toUpperCase() : value;
      changed.push(key);
    }
    await ctx.em.flush();
    if (changed.length)
      await audit(ctx, { action: 'tenant.update', entityType: 'Tenant', entityId: tenant.id, detail: { changed } });
    return tenant;
  });
}

export interface NewTenant {
  name: string;
  slug: string;
  country: string;
  defaultLanguage: SupportedLanguage;
  privacyContactEmail: string;
  supervisoryAuthorityName: string;
  supervisoryAuthorityUrl: string;
  timezone?: string;
}

/** The system path (owner connection): onboarding creates a tenant before anyone belongs to it. */
export function createTenant(em: EntityManager, input: NewTenant): Tenant {
  const tenant = em.create(Tenant, { ...input, country: input.country.toUpperCase() });
  createDefaultPurposes(em, tenant); // P12
  return tenant;
}
