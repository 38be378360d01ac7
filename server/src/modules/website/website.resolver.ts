import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Tenant } from '../tenants/tenant.entity';
import { setAllowedOrigins } from './website.service';

@Resolver()
export class WebsiteResolver {
  @Mutation(() => Tenant, {
    description:
      "Sets the origins of the agency's own website (admins), e.g. https://www.agency.se: browsers there may call the public operations at /public/<agency slug>/graphql, without cookies (S37).",
  })
  tenantAllowedOriginsSet(
    @Arg('origins', () => [String]) origins: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<Tenant> {
    return setAllowedOrigins(ctx, origins);
  }
}
