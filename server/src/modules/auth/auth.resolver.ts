import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { AuthTokenPurpose } from './auth-token.entity';
import {
  LoginInput,
  PasswordChangeInput,
  PasswordResetRequestInput,
  ProfileUpdateInput,
  TokenPasswordInput,
} from './auth.inputs';
import * as auth from './auth.service';
import { updateProfile } from '../users/user.service';
import { ViewerInfo } from './viewer.type';
import { Contact } from '../customers/contact.entity';

@Resolver(() => ViewerInfo)
export class AuthResolver {
  @Query(() => ViewerInfo, { description: 'The logged-in viewer.' })
  me(@Ctx() ctx: RequestContext): Promise<ViewerInfo> {
    return auth.viewerInfo(ctx);
  }

  // Nullable, so that aliased logins in one request each run (and each count as an attempt, S5).
  @Mutation(() => ViewerInfo, { nullable: true, description: 'Logs in and sets the session cookie.' })
  login(@Arg('input') input: LoginInput, @Ctx() ctx: RequestContext): Promise<ViewerInfo> {
    return auth.login(ctx, input.email, input.password);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return auth.logout(ctx);
  }

  @Mutation(() => Boolean, { description: 'Mails a reset link if the address has an account; always answers true.' })
  passwordResetRequest(@Arg('input') input: PasswordResetRequestInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return auth.requestPasswordReset(ctx, input.email);
  }

  @Mutation(() => ViewerInfo, { description: 'Sets a new password with a reset token and logs in.' })
  passwordReset(@Arg('input') input: TokenPasswordInput, @Ctx() ctx: RequestContext): Promise<ViewerInfo> {
    return auth.redeemToken(ctx, AuthTokenPurpose.PASSWORD_RESET, input.token, input.password);
  }

  @Mutation(() => ViewerInfo, { description: 'Accepts an invitation: sets the password and logs in.' })
  invitationAccept(@Arg('input') input: TokenPasswordInput, @Ctx() ctx: RequestContext): Promise<ViewerInfo> {
    return auth.redeemToken(ctx, AuthTokenPurpose.INVITATION, input.token, input.password);
  }

  @Mutation(() => Boolean, { description: 'Changes the password; every other session ends.' })
  passwordChange(@Arg('input') input: PasswordChangeInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return auth.changePassword(ctx, input.currentPassword, input.newPassword);
  }

  @FieldResolver(() => Contact, {
    nullable: true,
    description: 'P27: for a customer, their own contact record (what the agency holds about them).',
  })
  async contact(@Root() viewer: ViewerInfo, @Ctx() ctx: RequestContext): Promise<Contact | null> {
    const contactId = viewer.user.contact?.id;
    // A login that still owes a step sees its name, never its contact record (issue 20).
    return contactId && !viewer.pendingStep ? ctx.em.findOne(Contact, contactId) : null;
  }

  @Mutation(() => ViewerInfo, {
    description:
      "Updates the viewer's own name and language; customers also their phone, postal code and country (P27).",
  })
  async profileUpdate(@Arg('input') input: ProfileUpdateInput, @Ctx() ctx: RequestContext): Promise<ViewerInfo> {
    await updateProfile(ctx, input);
    return auth.viewerInfo(ctx);
  }
}
