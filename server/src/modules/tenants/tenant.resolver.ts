import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Tenant } from './tenant.entity';
import { TenantUpdateInput } from './tenant.inputs';
import { currentTenant, updateTenant } from './tenant.service';

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => Tenant, { description: "The viewer's agency." })
  tenant(@Ctx() ctx: RequestContext): Promise<Tenant> {
    return currentTenant(ctx);
  }

  @Mutation(() => Tenant, { description: "Updates the agency's details (admins)." })
  tenantUpdate(@Arg('input') input: TenantUpdateInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return updateTenant(ctx, input);
  }
}
