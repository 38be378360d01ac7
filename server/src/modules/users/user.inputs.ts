import { IsBoolean, IsEmail, IsEnum, IsIn, IsOptional, Length, MaxLength } from 'class-validator';
import { ROLES, type Role, SUPPORTED_LANGUAGES, type SupportedLanguage } from '@sitecare/schema';
import { ListArgs, SortInput } from '../../graphql/pagination';
import { UserRole, UserStatus } from './user.entity';
import { Field, InputType } from 'type-graphql';

export enum UserSortField {
  name = 'name',
  email = 'email',
  role = 'role',
  status = 'status',
  createdAt = 'createdAt',
  lastLoginAt = 'lastLoginAt',
}

@InputType()
export class UserFilter {
  @Field({ nullable: true, description: 'Matches name or e-mail, case-insensitively.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @Field(() => UserRole, { nullable: true })
  @IsOptional()
  @IsIn([...ROLES])
  role?: Role;

  @Field(() => UserStatus, { nullable: true })
  @IsOptional()
  @IsEnum(UserStatus)
  status?: UserStatus;

  @Field({
    nullable: true,
    description: 'Only staff (admins and employees: who can be assigned a ticket), or only others.',
  })
  @IsOptional()
  @IsBoolean()
  staff?: boolean;
}

export const UserSort = SortInput('User', UserSortField, UserSortField.name);
export type UserSort = InstanceType<typeof UserSort>;

@InputType()
export class UserInviteInput {
  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => UserRole)
  @IsIn([...ROLES])
  role!: Role;

  @Field(() => String, { nullable: true, description: 'sv or en; defaults to the agency language.' })
  @IsOptional()
  @IsIn([...SUPPORTED_LANGUAGES], { message: `must be one of ${SUPPORTED_LANGUAGES.join(', ')}` })
  preferredLanguage?: SupportedLanguage;
}

@InputType()
export class UserUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => UserRole, { nullable: true })
  @IsOptional()
  @IsIn([...ROLES])
  role?: Role;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn([...SUPPORTED_LANGUAGES], { message: `must be one of ${SUPPORTED_LANGUAGES.join(', ')}` })
  preferredLanguage?: SupportedLanguage;
}

export const UserListArgs = ListArgs(UserFilter, UserSort);
export type UserListArgs = InstanceType<typeof UserListArgs>;
