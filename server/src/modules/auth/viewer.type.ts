import { ROLES, type Role } from '@sitecare/schema';
import { Field, Int, ObjectType } from 'type-graphql';
import { Tenant } from '../tenants/tenant.entity';
import { User, UserRole } from '../users/user.entity';

@ObjectType({ description: "The viewer's second factor (issue 20)." })
export class SecondFactorStatus {
  @Field({ description: 'An authenticator app (TOTP) is set up.' })
  totp!: boolean;

  @Field(() => Int, { description: 'How many passkeys the viewer has (each is a second factor).' })
  passkeys!: number;

  @Field(() => Int)
  recoveryCodesLeft!: number;

  @Field({ description: "The agency requires a second factor for the viewer's role." })
  required!: boolean;
}

@ObjectType({ description: 'The logged-in person, their agency, and what they may call.' })
export class ViewerInfo {
  @Field(() => User)
  user!: User;

  @Field(() => Tenant)
  tenant!: Tenant;

  @Field(() => UserRole)
  role!: Role;

  @Field(() => [String], { description: 'Operations this viewer may call, e.g. "Query.users".' })
  operations!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'What the login still owes: SECOND_FACTOR (loginSecondStep, loginSecondStepPasskey) or SETUP (totpSetupStart, totpSetupConfirm, passkeyRegistrationOptions, passkeyRegister); null when logged in.',
  })
  pendingStep!: string | null;

  @Field(() => SecondFactorStatus)
  secondFactor!: SecondFactorStatus;
}

export { ROLES };
