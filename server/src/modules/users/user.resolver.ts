import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UUID } from '../../graphql/scalars';
import type { RequestContext } from '../../graphql/context';
import { ListOf, PageInput } from '../../graphql/pagination';
import { User } from './user.entity';
import { UserInviteInput, UserListArgs, UserSort, UserUpdateInput } from './user.inputs';
import * as users from './user.service';
import { invitationLinkOf } from '../auth/auth.service';

const UserList = ListOf(User, 'User');
type UserList = InstanceType<typeof UserList>;

@Resolver(() => User)
export class UserResolver {
  @Query(() => UserList, { description: "The agency's users." })
  users(@Args(() => UserListArgs) args: UserListArgs, @Ctx() ctx: RequestContext): Promise<UserList> {
    return users.listUsers(ctx, args.filter, args.sort ?? new UserSort(), args.page ?? new PageInput());
  }

  @Query(() => User)
  user(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return users.getUser(ctx, id);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Issue 25: on the user an invitation was just made for, whether its mail waits in the outbox (no SMTP_URL: shown to admins as sent mail) rather than being sent; null otherwise.',
  })
  invitationQueued(@Root() user: User, @Ctx() ctx: RequestContext): boolean | null {
    return invitationLinkOf(user) ? !ctx.app.config.mail.smtpUrl : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Issue 25: the invitation link just made, outside production only (to pass on by hand); null otherwise.',
  })
  invitationLink(@Root() user: User, @Ctx() ctx: RequestContext): string | null {
    return ctx.app.config.isProduction ? null : (invitationLinkOf(user) ?? null);
  }

  @Mutation(() => User, { description: 'Creates an invited user and mails the invitation link.' })
  userInvite(@Arg('input') input: UserInviteInput, @Ctx() ctx: RequestContext): Promise<User> {
    return users.inviteUser(ctx, input);
  }

  @Mutation(() => User, { description: "Changes a user's name, language or role." })
  userUpdate(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: UserUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return users.updateUser(ctx, id, input);
  }

  @Mutation(() => User, { description: 'Disables a user and ends all their sessions.' })
  userDisable(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return users.setUserEnabled(ctx, id, false);
  }

  @Mutation(() => User)
  userEnable(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return users.setUserEnabled(ctx, id, true);
  }
}
