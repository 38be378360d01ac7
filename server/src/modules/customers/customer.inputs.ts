import {
  ArrayMaxSize,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SUPPORTED_LANGUAGES } from '@sitecare/schema';
import { ArgsType, Field, InputType } from 'type-graphql';
import { ListArgs, SortInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { IsCountryCode, IsPhoneNumber } from '../../graphql/validators';
import { BuyerType } from '../invoices/vat';

const languageMessage = { message: `must be one of ${SUPPORTED_LANGUAGES.join(', ')}` };

@InputType()
export class CustomerInput {
  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  organisationNumber?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. SE.' })
  @IsCountryCode()
  billingCountry!: string;

  @Field(() => BuyerType, { nullable: true, description: 'COMPANY (default) or PRIVATE.' })
  @IsOptional()
  @IsEnum(BuyerType)
  buyerType?: BuyerType;

  @Field(() => String, { nullable: true, description: 'EU VAT number with its country prefix, e.g. DE136695976.' })
  @IsOptional()
  @MaxLength(20)
  vatNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  addressLine1?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  city?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  notes?: string | null;
}

@InputType()
export class CustomerUpdateInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  organisationNumber?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsCountryCode()
  billingCountry?: string;

  @Field(() => BuyerType, { nullable: true, description: 'COMPANY (default) or PRIVATE.' })
  @IsOptional()
  @IsEnum(BuyerType)
  buyerType?: BuyerType;

  @Field(() => String, { nullable: true, description: 'EU VAT number with its country prefix, e.g. DE136695976.' })
  @IsOptional()
  @MaxLength(20)
  vatNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  addressLine1?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  city?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  notes?: string | null;
}

@InputType()
export class SocialIdentityInput {
  @Field()
  @Length(1, 40)
  provider!: string;

  @Field()
  @Length(1, 200)
  externalId!: string;
}

@InputType()
export class ContactInput {
  @Field()
  @Length(1, 200)
  name!: string;

  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Any common form, national for the contact’s country (else the agency’s); stored as E.164.',
  })
  @IsOptional()
  @IsPhoneNumber()
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsCountryCode()
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'sv or en (BCP 47).' })
  @IsOptional()
  @IsIn([...SUPPORTED_LANGUAGES], languageMessage)
  preferredLanguage?: string;

  @Field(() => [SocialIdentityInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  socialIdentities?: SocialIdentityInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  notes?: string | null;
}

export enum CustomerSortField {
  name = 'name',
  createdAt = 'createdAt',
  billingCountry = 'billingCountry',
}

@InputType()
export class CustomerFilter {
  @Field({ nullable: true, description: 'Matches the name or organisation number.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCountryCode()
  billingCountry?: string;
}

export const CustomerSort = SortInput('Customer', CustomerSortField, CustomerSortField.name);
export type CustomerSort = InstanceType<typeof CustomerSort>;

export const CustomerListArgs = ListArgs(CustomerFilter, CustomerSort);
export type CustomerListArgs = InstanceType<typeof CustomerListArgs>;

@ArgsType()
export class ContactCreateArgs {
  @Field(() => UUID)
  @IsUUID()
  customerId!: string;

  @Field(() => ContactInput)
  @ValidateNested()
  input!: ContactInput;
}

export enum ContactSortField {
  name = 'name',
  email = 'email',
  createdAt = 'createdAt',
}

@InputType()
export class ContactFilter {
  @Field({ nullable: true, description: 'Matches the name or e-mail address, case-insensitively.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string;
}

export const ContactSort = SortInput('Contact', ContactSortField, ContactSortField.name);
export type ContactSort = InstanceType<typeof ContactSort>;

export const ContactListArgs = ListArgs(ContactFilter, ContactSort);
export type ContactListArgs = InstanceType<typeof ContactListArgs>;
