import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { isStaff } from '../../auth/scopes';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { UUID } from '../../graphql/scalars';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { Tenant } from '../tenants/tenant.entity';
import { ServicePackageInput } from './package.inputs';
import { ServicePackage } from './service-package.entity';

function checkPrices(input: ServicePackageInput) {
  const seen = new Set<string>();
  for (const p of input.prices) {
    const key = `${p.interval}/${p.currency}`;
    if (seen.has(key)) throw badInput('prices', `Two prices for ${key}`);
    seen.add(key);
  }
}

/** Care packages: staff manage them; customers see the active ones. */
@Resolver(() => ServicePackage)
export class ServicePackageResolver {
  @Query(() => [ServicePackage], { description: 'Care packages (customers: active ones only).' })
  servicePackages(@Ctx() ctx: RequestContext): Promise<ServicePackage[]> {
    return ctx.em.find(ServicePackage, isStaff(ctx) ? {} : { active: true }, {
      orderBy: { responseTimeHours: 'desc', id: 'asc' },
    });
  }

  @Query(() => ServicePackage)
  async servicePackage(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<ServicePackage> {
    const found = await ctx.em.findOne(ServicePackage, isStaff(ctx) ? { id } : { id, active: true });
    if (!found) throw notFound('Service package');
    return found;
  }

  @Mutation(() => ServicePackage)
  servicePackageCreate(@Arg('input') input: ServicePackageInput, @Ctx() ctx: RequestContext): Promise<ServicePackage> {
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

  @Mutation(() => ServicePackage)
  async servicePackageUpdate(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: ServicePackageInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ServicePackage> {
    return inTransaction(ctx, async () => {
      const pkg = await this.servicePackage(id, ctx);
      checkPrices(input);
      Object.assign(pkg, { ...input, prices: input.prices.map((p) => ({ ...p })) });
      await ctx.em.flush();
      await audit(ctx, { action: 'package.update', entityType: 'ServicePackage', entityId: id });
      return pkg;
    });
  }
}
