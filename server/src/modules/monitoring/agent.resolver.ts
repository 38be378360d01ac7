import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { UUID } from '../../graphql/scalars';
import { rotateAgentToken } from './agent.service';

@Resolver()
export class SiteAgentResolver {
  @Mutation(() => String, {
    description:
      "Staff: makes the site agent's token anew and returns it, shown this once (the previous token stops working).",
  })
  siteAgentTokenRotate(@Arg('siteId', () => UUID) siteId: string, @Ctx() ctx: RequestContext): Promise<string> {
    return rotateAgentToken(ctx, siteId);
  }
}
