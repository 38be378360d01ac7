import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { FilteredListArgs } from '../../graphql/pagination';
import { IsCountryCode } from '../../graphql/validators';
import { ConsentChannel, ConsentDecision } from './consent-event.entity';
import { LegalBasis } from './processing-purpose.entity';

@InputType({ description: 'P12: what staff may change on a purpose (the key stays).' })
export class ProcessingPurposeUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 1000)
  descriptionSv?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 1000)
  descriptionEn?: string;

  @Field(() => LegalBasis, { nullable: true })
  @IsOptional()
  @IsEnum(LegalBasis)
  legalBasis?: LegalBasis;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  dataCategories?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36500)
  retentionDays?: number | null;

  @Field({ nullable: true, description: 'Art. 21(2): direct marketing; an objection always stops it.' })
  @IsOptional()
  @IsBoolean()
  directMarketing?: boolean;
}

@InputType()
export class ConsentEventFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @Field({ nullable: true, description: "The history of a customer's contacts." })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @Field({ nullable: true, description: 'A purpose key, e.g. newsletter.' })
  @IsOptional()
  @Length(1, 100)
  purposeKey?: string;

  @Field(() => ConsentDecision, { nullable: true })
  @IsOptional()
  @IsEnum(ConsentDecision)
  decision?: ConsentDecision;
}

export const ConsentEventListArgs = FilteredListArgs(ConsentEventFilter);
export type ConsentEventListArgs = InstanceType<typeof ConsentEventListArgs>;

@InputType({ description: 'One decision for one purpose on one channel.' })
export class ConsentChoiceInput {
  @Field({ description: 'A purpose key, e.g. newsletter.' })
  @Length(1, 100)
  purposeKey!: string;

  @Field(() => ConsentChannel)
  @IsEnum(ConsentChannel)
  channel!: ConsentChannel;

  @Field()
  @IsBoolean()
  granted!: boolean;

  @Field(() => String, { nullable: true, description: 'The exact wording shown.' })
  @IsOptional()
  @MaxLength(2000)
  wording?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'S24: the person confirms they are at or above the age of consent.',
  })
  @IsOptional()
  @IsBoolean()
  ageConfirmed?: boolean | null;
}

@InputType({ description: 'P13: staff record a decision the person gave them (by phone, letter, in person).' })
export class ConsentRecordInput extends ConsentChoiceInput {
  @Field()
  @IsUUID()
  contactId!: string;
}

@InputType({ description: 'P1, P15: the public newsletter form (double opt-in).' })
export class NewsletterSubscribeInput {
  @Field({ description: "The agency's slug." })
  @Length(1, 100)
  agency!: string;

  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field({ defaultValue: 'sv' })
  @IsIn(['sv', 'en'])
  preferredLanguage: string = 'sv';

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2: decides the age of consent (S24).' })
  @IsOptional()
  @IsCountryCode()
  country?: string | null;

  @Field({ description: 'S24: the person confirms they are at or above the age of consent of their country.' })
  @IsBoolean()
  ageConfirmed!: boolean;

  @Field({ description: 'The exact wording shown next to the box.' })
  @Length(1, 2000)
  consentText!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true }, { message: 'must be a URL' })
  @MaxLength(2000)
  sourceUrl?: string | null;
}

@InputType({ description: 'P17: the cookie banner of an anonymous visitor.' })
export class CookiePreferencesInput {
  @Field({ description: "The agency's slug." })
  @Length(1, 100)
  agency!: string;

  @Field({ description: 'The random id the banner keeps in the browser.' })
  @Matches(/^[\w-]{8,100}$/, { message: 'must be 8–100 letters, digits, - or _' })
  visitorId!: string;

  @Field()
  @IsBoolean()
  analytics!: boolean;

  @Field()
  @IsBoolean()
  marketing!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true }, { message: 'must be a URL' })
  @MaxLength(2000)
  sourceUrl?: string | null;
}

@InputType({ description: "P17: a logged-in person's cookie preferences." })
export class MyCookiePreferencesInput {
  @Field()
  @IsBoolean()
  analytics!: boolean;

  @Field()
  @IsBoolean()
  marketing!: boolean;
}

@InputType({ description: 'P22: a new policy version (a draft until published).' })
export class PolicyVersionInput {
  @Field()
  @Length(1, 50)
  version!: string;

  @Field()
  @IsIn(['sv', 'en'])
  language!: string;

  @Field()
  @Length(1, 200_000)
  text!: string;

  @Field({ defaultValue: false })
  @IsBoolean()
  materialChange: boolean = false;
}
