import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { ListOf } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { Breach } from './breach.entity';
import { BreachInput, BreachListArgs } from './breach.inputs';
import * as breaches from './breach.service';

const BreachList = ListOf(Breach, 'Breach');

/** S26: the breach log. */
@Resolver(() => Breach)
export class BreachResolver {
  @Query(() => BreachList, { description: 'Every breach, by notification deadline (most urgent first).' })
  breaches(@Args(() => BreachListArgs) { filter, page }: BreachListArgs, @Ctx() ctx: RequestContext) {
    return breaches.listBreaches(ctx, filter, page);
  }

  @Query(() => Breach)
  breach(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Breach> {
    return breaches.getBreach(ctx, id);
  }

  @Mutation(() => Breach)
  breachCreate(@Arg('input') input: BreachInput, @Ctx() ctx: RequestContext): Promise<Breach> {
    return breaches.createBreach(ctx, input);
  }

  @Mutation(() => Breach)
  breachUpdate(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: BreachInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Breach> {
    return breaches.updateBreach(ctx, id, input);
  }
}
