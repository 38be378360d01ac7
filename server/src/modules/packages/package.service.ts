// Care packages: staff manage them; customers see only the active ones.
import { isStaff } from '../../auth/scopes';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { Tenant } from '../tenants/tenant.entity';
import type { ServicePackageInput } from './package.inputs';
import { ServicePackage } from './service-package.entity';

/** One price per interval and currency. */
function checkPrices(input: ServicePackageInput) {
  const seen = new Set<string>();
  for (const p of input.prices) {
    const key = `${p.interval}/${p.currency}`;
    if (seen.has(key)) throw badInput('prices', `Two prices for ${key}`);
    seen.add(key);
  }
}

export function listPackages(ctx: RequestContext): Promise<ServicePackage[]> {
  return ctx.em.find(ServicePackage, isStaff(ctx) ? {} : { active: true }, {
    orderBy: { responseTimeHours: 'desc', id: 'asc' },
  });
}

export async function getPackage(ctx: RequestContext, id: string): Promise<ServicePackage> {
  const found = await ctx.em.findOne(ServicePackage, isStaff(ctx) ? { id } : { id, active: true });
  if (!found) throw notFound('Service package');
  return found;
}

export function createPackage(ctx: RequestContext, input: ServicePackageInput): Promise<ServicePackage> {
  checkPrices(input);
  return inTransaction(ctx, async () => {
    const pkg = ctx.em.create(ServicePackage, {
      tenant: ctx.em.getReference(Tenant, ctx.tenantId!),
      ...input,
      prices: input.prices.map((p) => ({ ...p })),
    });
    await ctx.em.flush();
    await audit(ctx, { action: 'package.create', entityType: 'ServicePackage', entityId: pkg.id });
    return pkg;
  });
}

export function updatePackage(ctx: RequestContext, id: string, input: ServicePackageInput): Promise<ServicePackage> {
  return inTransaction(ctx, async () => {
    const pkg = await getPackage(ctx, id);
    checkPrices(input);
    Object.assign(pkg, { ...input, prices: input.prices.map((p) => ({ ...p })) });
    await ctx.em.flush();
    await audit(ctx, { action: 'package.update', entityType: 'ServicePackage', entityId: id });
    return pkg;
  });
}
