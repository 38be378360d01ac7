import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { ListOf } from '../../graphql/pagination';
import { Visit } from './visit.entity';
import { VisitInput, VisitListArgs } from './visit.inputs';
import * as visits from './visit.service';

const VisitList = ListOf(Visit, 'Visit');

/** P11: the visit log. */
@Resolver(() => Visit)
export class VisitResolver {
  @Query(() => VisitList, { description: 'Visits, newest first, with filters.' })
  visits(@Args(() => VisitListArgs) { filter, page }: VisitListArgs, @Ctx() ctx: RequestContext) {
    return visits.listVisits(ctx, filter, page);
  }

  @Mutation(() => Boolean, {
    description: 'Records a page view (public, rate-limited per IP; linked to the login when there is one).',
  })
  visitRecord(@Arg('input') input: VisitInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return visits.recordVisit(ctx, input);
  }
}
