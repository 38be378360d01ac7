import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '@sitecare/schema';
import { Field, InputType, Int } from 'type-graphql';
import { IsCountryCode, IsTimeZone } from '../../graphql/validators';
import { EuPrivateVat } from '../invoices/vat';

/**
 * The agency's settings (admins). Every field is optional: what is left out stays as it is. The
 * optional text fields take `null` (or an empty string) to clear them. Organisation, VAT, bankgiro,
 * plusgiro, IBAN and BIC numbers are checked (check digits included) and normalised by the service.
 */
@InputType()
export class TenantUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  legalName?: string | null;

  @Field(() => String, { nullable: true, description: 'Sweden: ten digits with the check digit, e.g. 556036-0793.' })
  @IsOptional()
  @MaxLength(40)
  organisationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'EU VAT number with its country prefix.' })
  @IsOptional()
  @MaxLength(20)
  vatNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  addressLine1?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  addressLine2?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  city?: string | null;

  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn([...SUPPORTED_LANGUAGES], { message: `must be one of ${SUPPORTED_LANGUAGES.join(', ')}` })
  defaultLanguage?: SupportedLanguage;

  @Field({ nullable: true, description: 'ISO 4217, e.g. SEK or EUR.' })
  @IsOptional()
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code, e.g. SEK' })
  currency?: string;

  @Field(() => Int, { nullable: true, description: 'Basis points: 2500 = 25 %.' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must be between 0 and 10000 (0-100 %)' })
  @Max(10_000, { message: 'must be between 0 and 10000 (0-100 %)' })
  vatRateBasisPoints?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  fSkatt?: boolean;

  @Field(() => EuPrivateVat, {
    nullable: true,
    description: 'Private buyers in other EU countries: SWEDISH VAT or the DESTINATION rate (OSS).',
  })
  @IsOptional()
  @IsEnum(EuPrivateVat)
  euPrivateVat?: EuPrivateVat;

  @Field(() => Int, { nullable: true, description: 'Pay by invoice: days from issue to due date (0-365).' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must be between 0 and 365 days' })
  @Max(365, { message: 'must be between 0 and 365 days' })
  invoiceDueDays?: number;

  @Field(() => Int, {
    nullable: true,
    description: "Years the contract's data is kept after a customer's last order or subscription (1-10).",
  })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'must be between 1 and 10 years' })
  @Max(10, { message: 'must be between 1 and 10 years' })
  contractRetentionYears?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  bankgiro?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  plusgiro?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  iban?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  bic?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  supportEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  senderName?: string | null;

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

  @Field(() => String, { nullable: true, description: "The agency's colour, #rrggbb (its hosted pages' accent)." })
  @IsOptional()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour written #rrggbb' })
  brandColor?: string | null;
}

@InputType()
export class TenantLogoInput {
  @Field({ description: 'The image, base64: PNG, JPEG or WebP, at most 256 KB (SVG is refused).' })
  @MaxLength(400_000, { message: 'must be at most 256 KB' })
  contentBase64!: string;
}
