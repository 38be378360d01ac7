import type { FilterQuery } from '@mikro-orm/core';
import { IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { byKey, loaderFor } from '../../graphql/loaders';
import { FilteredListArgs, ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { User } from '../users/user.entity';
import { AuditEvent, AuditOutcome } from './audit-event.entity';

const AuditEventList = ListOf(AuditEvent, 'AuditEvent');
type AuditEventList = InstanceType<typeof AuditEventList>;

@InputType()
class AuditEventFilter {
  @Field({ nullable: true, description: 'Exact action, e.g. auth.login.' })
  @IsOptional()
  @MaxLength(100)
  action?: string;

  @Field(() => AuditOutcome, { nullable: true })
  @IsOptional()
  @IsEnum(AuditOutcome)
  outcome?: AuditOutcome;

  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;
}

const AuditEventListArgs = FilteredListArgs(AuditEventFilter);
type AuditEventListArgs = InstanceType<typeof AuditEventListArgs>;

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventList, { description: 'The audit log, newest first.' })
  async auditEvents(
    @Args(() => AuditEventListArgs) { filter = {}, page = new PageInput() }: AuditEventListArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const where: FilterQuery<AuditEvent> = { ...filter };
    const [nodes, totalCount] = await ctx.em.findAndCount(AuditEvent, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: page.take,
      offset: page.skip,
    });
    return { nodes, totalCount };
  }

  @Query(() => AuditEvent)
  async auditEvent(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<AuditEvent> {
    return (await ctx.em.findOne(AuditEvent, { id })) ?? Promise.reject(notFound('Audit event'));
  }

  // One query per page for every row's actor, so the log's list makes no request per row.
  @FieldResolver(() => User, { nullable: true, description: 'The user who acted, while the account exists.' })
  actor(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    if (!event.actorUserId) return null;
    return loaderFor<string, User | null>(ctx, 'auditActorById', async (ids) =>
      byKey(ids, await ctx.em.find(User, { id: { $in: [...ids] } }), (user) => user.id, null),
    ).load(event.actorUserId);
  }
}
