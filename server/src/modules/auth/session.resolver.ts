import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { UUID } from '../../graphql/scalars';
import { endOwnSession, endUserSessions, listOwnSessions } from './session.service';

@ObjectType({ description: 'One of the viewer’s live sessions (issue 20).' })
export class SessionInfo {
  @Field(() => UUID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Browser and version, from the user agent.' })
  browser!: string | null;

  @Field(() => String, { nullable: true, description: 'Operating system and version.' })
  os!: string | null;

  @Field(() => String, { nullable: true, description: 'Device (vendor, model, type) when the browser names one.' })
  device!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Approximate place: the address truncated (IPv4 /24, IPv6 /48).',
  })
  place!: string | null;

  @Field()
  startedAt!: Date;

  @Field()
  lastSeenAt!: Date;

  @Field({ description: 'The session this request came with.' })
  current!: boolean;
}

@Resolver()
export class SessionResolver {
  @Query(() => [SessionInfo], { description: 'The viewer’s live sessions, most recently used first.' })
  mySessions(@Ctx() ctx: RequestContext): Promise<SessionInfo[]> {
    return listOwnSessions(ctx);
  }

  @Mutation(() => Boolean, { description: 'Ends one of the viewer’s own sessions (the current one logs out).' })
  sessionEnd(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return endOwnSession(ctx, id);
  }

  @Mutation(() => Int, { description: 'Admins: ends every session of a user (audited); how many ended.' })
  userSessionsEnd(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<number> {
    return endUserSessions(ctx, id);
  }
}
