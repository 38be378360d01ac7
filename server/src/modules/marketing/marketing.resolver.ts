import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { MarketingSendInput, MarketingSendResult } from './marketing.inputs';
import { sendMarketing } from './marketing.service';

@Resolver()
export class MarketingResolver {
  @Mutation(() => MarketingSendResult, {
    description: "P14: a marketing e-mail to a purpose's subscribers; each recipient passes the marketing gate.",
  })
  marketingSend(@Arg('input') input: MarketingSendInput, @Ctx() ctx: RequestContext): Promise<MarketingSendResult> {
    return sendMarketing(ctx, input);
  }
}
