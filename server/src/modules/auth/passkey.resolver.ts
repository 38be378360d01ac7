import { Length } from 'class-validator';
import { Arg, Ctx, Field, InputType, Mutation, Query, Resolver, registerEnumType } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { UUID } from '../../graphql/scalars';
import * as auth from './auth.service';
import { Passkey } from './passkey.entity';
import * as passkeys from './passkey.service';
import * as secondFactor from './second-factor.service';
import { ViewerInfo } from './viewer.type';

/** A browser's WebAuthn answer is a few kilobytes at most. */
export const PASSKEY_RESPONSE_MAX_LENGTH = 16_000;

export enum PasskeyUse {
  LOGIN = 'LOGIN',
  SECOND_STEP = 'SECOND_STEP',
  STEP_UP = 'STEP_UP',
}
registerEnumType(PasskeyUse, {
  name: 'PasskeyUse',
  description: 'LOGIN: without a user name; SECOND_STEP: of a login; STEP_UP: before a secret.',
});

@InputType({ description: "A passkey's answer: the browser's JSON (@simplewebauthn/browser's result)." })
export class PasskeyResponseInput {
  @Field()
  @Length(2, PASSKEY_RESPONSE_MAX_LENGTH)
  response!: string;
}

@InputType()
export class PasskeyRegisterInput extends PasskeyResponseInput {
  @Field({ description: 'A name to tell it apart, e.g. "Work laptop".' })
  @Length(1, 100)
  name!: string;
}

@Resolver()
export class PasskeyResolver {
  @Query(() => [Passkey], { description: "The viewer's own passkeys." })
  myPasskeys(@Ctx() ctx: RequestContext): Promise<Passkey[]> {
    return passkeys.ownPasskeys(ctx);
  }

  @Mutation(() => String, {
    description:
      'Starts adding a passkey: the WebAuthn creation options as JSON (a challenge valid for 5 minutes, once).',
  })
  passkeyRegistrationOptions(@Ctx() ctx: RequestContext): Promise<string> {
    return passkeys.registrationOptions(ctx);
  }

  @Mutation(() => Passkey, { description: 'Adds the passkey the browser made; counts as a fresh second step.' })
  passkeyRegister(@Arg('input') input: PasskeyRegisterInput, @Ctx() ctx: RequestContext): Promise<Passkey> {
    return passkeys.registerPasskey(ctx, input.name, input.response);
  }

  @Mutation(() => String, {
    description: 'The WebAuthn request options as JSON for using a passkey (a challenge valid for 5 minutes, once).',
  })
  passkeyAuthenticationOptions(
    @Arg('use', () => PasskeyUse) use: PasskeyUse,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return passkeys.authenticationOptions(ctx, use);
  }

  // Nullable, as login: aliased attempts in one request each run and each count.
  @Mutation(() => ViewerInfo, {
    nullable: true,
    description: 'Logs in with a passkey alone (no user name; it is the second factor too) and sets the cookie.',
  })
  async passkeyLogin(@Arg('input') input: PasskeyResponseInput, @Ctx() ctx: RequestContext): Promise<ViewerInfo> {
    await passkeys.loginWithPasskey(ctx, input.response);
    return auth.viewerInfo(ctx);
  }

  @Mutation(() => ViewerInfo, { description: 'The second step of a login with a passkey.' })
  async loginSecondStepPasskey(
    @Arg('input') input: PasskeyResponseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ViewerInfo> {
    await secondFactor.loginSecondStep(ctx, { passkey: input.response });
    return auth.viewerInfo(ctx);
  }

  @Mutation(() => Boolean, { description: 'Removes one of the viewer’s passkeys (needs a fresh second step).' })
  async passkeyRemove(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    await secondFactor.removePasskey(ctx, id);
    return true;
  }
}
