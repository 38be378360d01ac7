import { IsOptional, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
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
  /**
   * In production an unsent link (an invitation or reset: a bearer secret for its recipient) is not
   * shown to admins; in development the outbox is the mailbox, and the link is how the demo is used.
   */
  @FieldResolver(() => GraphQLJSONObject)
  payload(@Root() message: OutboxMessage, @Ctx() ctx: RequestContext): Record<string, unknown> {
    const { link } = message.payload;
    return ctx.app.config.isProduction && typeof link === 'string' && link.startsWith('http')
      ? { ...message.payload, link: '[hidden]' }
      : message.payload;
  }

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
