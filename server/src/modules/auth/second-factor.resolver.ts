import { IsIn, IsOptional, Length, MaxLength } from 'class-validator';
import { ROLES } from '@sitecare/schema';
import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { PASSWORD_MAX_LENGTH } from '../../auth/passwords';
import type { RequestContext } from '../../graphql/context';
import { UUID } from '../../graphql/scalars';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import * as auth from './auth.service';
import * as secondFactor from './second-factor.service';
import { ViewerInfo } from './viewer.type';
import { PASSKEY_RESPONSE_MAX_LENGTH } from './passkey.resolver';

@InputType({ description: 'A code from the authenticator app, or one unused recovery code.' })
export class SecondStepInput {
  @Field()
  @Length(6, 40)
  code!: string;
}

@InputType({
  description: 'A fresh second step: the code or a passkey when the user has a second factor, else the password.',
})
export class StepUpInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(6, 40)
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  @Field({
    nullable: true,
    description: "A passkey's answer (the browser's JSON) to passkeyAuthenticationOptions(STEP_UP).",
  })
  @IsOptional()
  @Length(2, PASSKEY_RESPONSE_MAX_LENGTH)
  passkey?: string;
}

@InputType()
export class SecondFactorRolesInput {
  @Field(() => [String], { description: 'The roles whose users must log in with a second factor.' })
  @IsIn([...ROLES], { each: true, message: `each must be one of ${ROLES.join(', ')}` })
  roles!: string[];
}

@ObjectType({ description: 'A new authenticator secret: scan the URI as a QR code, then confirm with a code.' })
class TotpSetup {
  @Field({ description: 'Base32, for typing into the app by hand.' })
  secret!: string;

  @Field({ description: 'otpauth:// URI (RFC 6238 parameters) for the QR code.' })
  uri!: string;
}

@ObjectType()
class TotpConfirmation {
  @Field(() => [String], { description: 'Ten single-use recovery codes: shown this once only.' })
  recoveryCodes!: string[];

  @Field(() => ViewerInfo)
  viewer!: ViewerInfo;
}

@Resolver()
export class SecondFactorResolver {
  @Mutation(() => ViewerInfo, { description: 'The second step of a login: a TOTP or a recovery code.' })
  async loginSecondStep(@Arg('input') input: SecondStepInput, @Ctx() ctx: RequestContext): Promise<ViewerInfo> {
    await secondFactor.loginSecondStep(ctx, { code: input.code });
    return auth.viewerInfo(ctx);
  }

  @Mutation(() => TotpSetup, { description: 'Starts setting up an authenticator app (TOTP).' })
  totpSetupStart(@Ctx() ctx: RequestContext): Promise<TotpSetup> {
    return secondFactor.startTotpSetup(ctx);
  }

  @Mutation(() => TotpConfirmation, { description: 'Confirms the authenticator with a code; returns recovery codes.' })
  async totpSetupConfirm(@Arg('input') input: SecondStepInput, @Ctx() ctx: RequestContext): Promise<TotpConfirmation> {
    const recoveryCodes = await secondFactor.confirmTotpSetup(ctx, input.code);
    return { recoveryCodes, viewer: await auth.viewerInfo(ctx) };
  }

  @Mutation(() => Boolean, { description: 'Removes the viewer’s authenticator (needs a fresh second step).' })
  async totpRemove(@Ctx() ctx: RequestContext): Promise<boolean> {
    await secondFactor.removeTotp(ctx);
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'A fresh second step, for revealing a secret and other actions that answer STEP_UP_REQUIRED.',
  })
  async stepUp(@Arg('input') input: StepUpInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    await secondFactor.stepUp(ctx, input);
    return true;
  }

  @Mutation(() => User, { description: "Admins: removes a user's second factor and ends their sessions (mailed)." })
  userSecondFactorReset(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return secondFactor.resetSecondFactor(ctx, id);
  }

  @Mutation(() => Tenant, { description: 'Admins: which roles of the agency must have a second factor.' })
  tenantSecondFactorRolesSet(@Arg('input') input: SecondFactorRolesInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return secondFactor.setSecondFactorRoles(ctx, input.roles);
  }
}
