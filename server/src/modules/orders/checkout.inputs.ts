import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { UUID } from '../../graphql/scalars';
import { IsCountryCode, IsDomain } from '../../graphql/validators';
import { BillingInterval, CURRENCIES, type Currency } from '../packages/service-package.entity';
import { PaymentProvider } from './order.entity';
import { BuyerType } from '../invoices/vat';

@InputType({ description: 'Who is buying, when not logged in (the first purchase creates their profile, P16).' })
export class BuyerInput {
  @Field()
  @Length(1, 200)
  name!: string;

  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  company?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  @IsCountryCode()
  country!: string;

  @Field(() => BuyerType, {
    nullable: true,
    description: 'COMPANY or PRIVATE (default: COMPANY when a company is named).',
  })
  @IsOptional()
  @IsEnum(BuyerType)
  buyerType?: BuyerType;

  @Field(() => String, {
    nullable: true,
    description: 'EU VAT number with its country prefix (reverse charge for EU businesses).',
  })
  @IsOptional()
  @MaxLength(20)
  vatNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Billing address: street.' })
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

  @Field(() => String, { nullable: true, description: 'sv or en.' })
  @IsOptional()
  @IsIn(['sv', 'en'], { message: 'must be one of sv, en' })
  preferredLanguage?: 'sv' | 'en';
}

@InputType()
export class CheckoutInput {
  @Field({ nullable: true, description: "The agency's slug (needed when not logged in)." })
  @IsOptional()
  @Length(1, 100)
  agency?: string;

  @Field(() => UUID)
  @IsUUID()
  packageId!: string;

  @Field(() => BillingInterval)
  @IsEnum(BillingInterval)
  interval!: BillingInterval;

  @Field(() => String)
  @IsIn([...CURRENCIES], { message: `must be one of ${CURRENCIES.join(', ')} (ISO 4217)` })
  currency!: Currency;

  @Field(() => PaymentProvider)
  @IsEnum(PaymentProvider)
  provider!: PaymentProvider;

  @Field(() => String, { nullable: true, description: 'The website the package is for.' })
  @IsOptional()
  @IsDomain()
  siteDomain?: string | null;

  @Field({ nullable: true, description: 'P20: renew automatically; needs the consent wording the buyer agreed to.' })
  @IsOptional()
  @IsBoolean()
  recurring?: boolean;

  @Field(() => String, { nullable: true, description: 'The exact text next to the recurring-payment checkbox.' })
  @IsOptional()
  @Length(10, 2000)
  recurringConsentText?: string;

  @Field(() => BuyerInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  buyer?: BuyerInput;
}

@ObjectType()
export class CheckoutResult {
  @Field(() => UUID)
  orderId!: string;

  @Field(() => Int)
  orderNumber!: number;

  @Field({ description: "The provider's hosted payment page." })
  redirectUrl!: string;
}
