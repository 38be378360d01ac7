import { IsOptional, ValidateNested } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { ListOf, PageInput } from '../../graphql/pagination';
import { OutboxMessage } from './outbox-message.entity';

const OutboxMessageList = ListOf(OutboxMessage, 'OutboxMessage');
type OutboxMessageList = InstanceType<typeof OutboxMessageList>;

@ArgsType()
class OutboxListArgs {
  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  page?: PageInput;
}

@Resolver(() => OutboxMessage)
export class OutboxResolver {
  @Query(() => OutboxMessageList, { description: 'Mail queued and sent, newest first (the "sent mail" view).' })
  async outboxMessages(@Args() { page = new PageInput() }: OutboxListArgs, @Ctx() ctx: RequestContext) {
    const [nodes, totalCount] = await ctx.em.findAndCount(
      OutboxMessage,
      {},
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.take, offset: page.skip },
    );
    return { nodes, totalCount };
  }
}
