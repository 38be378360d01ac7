import { IsBoolean, IsEmail, IsIn, IsOptional, Length, MaxLength, ValidateIf } from 'class-validator';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '@sitecare/schema';
import { Field, InputType } from 'type-graphql';
import { PASSWORD_MAX_LENGTH } from '../../auth/passwords';
import { IsCountryCode, IsPhoneNumber } from '../../graphql/validators';

@InputType()
export class LoginInput {
  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @Field()
  @Length(1, PASSWORD_MAX_LENGTH)
  password!: string;
}

@InputType()
export class PasswordResetRequestInput {
  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;
}

@InputType({ description: 'Sets a password with a single-use token from an e-mail (invitation or reset).' })
export class TokenPasswordInput {
  @Field()
  @Length(1, 200)
  token!: string;

  @Field({ description: 'At least 12 characters.' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

@InputType()
export class PasswordChangeInput {
  @Field()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @Field({ description: 'At least 12 characters.' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

@InputType()
export class ProfileUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'sv or en.' })
  @IsOptional()
  @IsIn([...SUPPORTED_LANGUAGES], { message: `must be one of ${SUPPORTED_LANGUAGES.join(', ')}` })
  preferredLanguage?: SupportedLanguage;

  @Field({ nullable: true, description: 'Issue 18: mail me about tickets (opened, answered, overdue).' })
  @IsOptional()
  @IsBoolean()
  ticketMail?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'P27, customers: phone in any common form, national for the contact’s country; stored as E.164 (empty clears it).',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== '')
  @IsPhoneNumber()
  phone?: string;

  @Field(() => String, { nullable: true, description: 'P27, customers (empty clears it).' })
  @IsOptional()
  @Length(0, 20)
  postalCode?: string;

  @Field(() => String, { nullable: true, description: 'P27, customers: ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsCountryCode()
  country?: string;
}
