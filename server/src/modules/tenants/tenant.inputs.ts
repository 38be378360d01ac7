import { IsEmail, IsIn, IsOptional, IsUrl, Length, MaxLength } from 'class-validator';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '@sitecare/schema';
import { Field, InputType } from 'type-graphql';
import { IsCountryCode, IsTimeZone } from '../../graphql/validators';

@InputType()
export class TenantUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn([...SUPPORTED_LANGUAGES], { message: `must be one of ${SUPPORTED_LANGUAGES.join(', ')}` })
  defaultLanguage?: SupportedLanguage;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  privacyContactEmail?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  supervisoryAuthorityName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] }, { message: 'must be a URL' })
  supervisoryAuthorityUrl?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}
