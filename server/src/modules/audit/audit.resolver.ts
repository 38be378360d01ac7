import type { FilterQuery } from '@mikro-orm/core';
import { IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { byKey, loaderFor } from '../../graphql/loaders';
import { FilteredListArgs, ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { readMany } from '../../graphql/sql/reads';
import { Customer } from '../customers/customer.entity';
import { User } from '../users/user.entity';
import { auditEntityRef } from './audit-entities';
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

  // Issue 25: the record's name and page, for the whole page in one statement (audit-entities.ts).
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The name of the record the event concerns, while it exists and the viewer may see it.',
  })
  async entityLabel(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!event.entityType || !event.entityId) return null;
    return (await auditEntityRef(ctx, event.entityType, event.entityId))?.label ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The dashboard path of the record's page (e.g. /customers/<id>/show), when it has a name and a page.",
  })
  async entityLink(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!event.entityType || !event.entityId) return null;
    return (await auditEntityRef(ctx, event.entityType, event.entityId))?.link ?? null;
  }
}

/** Issue 25: what happened lately to a customer and its records (admins: the audit log's audience). */
@Resolver(() => Customer)
export class CustomerActivityResolver {
  @FieldResolver(() => [AuditEvent], {
    description:
      'The 15 newest audit events about this customer or its contacts, sites, orders, tickets, invoices and subscriptions.',
  })
  recentActivity(@Root() customer: Customer, @Ctx() ctx: RequestContext): Promise<AuditEvent[]> {
    return readMany(ctx, 'Customer.recentActivity', Customer, customer.id);
  }
}
