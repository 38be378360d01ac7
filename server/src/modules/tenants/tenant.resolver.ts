import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Tenant } from './tenant.entity';
import { TenantLogoInput, TenantUpdateInput } from './tenant.inputs';
import { currentTenant, removeTenantLogo, setTenantLogo, updateTenant } from './tenant.service';

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => Tenant, { description: "The viewer's agency." })
  tenant(@Ctx() ctx: RequestContext): Promise<Tenant> {
    return currentTenant(ctx);
  }

  @Mutation(() => Tenant, { description: "Updates the agency's settings (admins); the audit names the fields." })
  tenantUpdate(@Arg('input') input: TenantUpdateInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return updateTenant(ctx, input);
  }

  @Mutation(() => Tenant, { description: "Sets the agency's logo (admins): PNG, JPEG or WebP, at most 256 KB." })
  tenantLogoSet(@Arg('input') input: TenantLogoInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return setTenantLogo(ctx, input.contentBase64);
  }

  @Mutation(() => Tenant, { description: "Removes the agency's logo (admins)." })
  tenantLogoRemove(@Ctx() ctx: RequestContext): Promise<Tenant> {
    return removeTenantLogo(ctx);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Where the logo is served (public, changes with each new logo); null without one.',
  })
  logoUrl(@Root() tenant: Tenant): string | null {
    return tenant.logoUpdatedAt ? `/agency-logo/${tenant.slug}?v=${tenant.logoUpdatedAt.getTime()}` : null;
  }
}
