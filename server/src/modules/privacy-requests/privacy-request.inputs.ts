import { SUPPORTED_LANGUAGES } from '@sitecare/schema';
import {
  IsBoolean,
  IsDate,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { FilteredListArgs } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { ContactInput } from '../customers/customer.inputs';
import { PrivacyRequestChannel, PrivacyRequestStatus, PrivacyRequestType } from './privacy-request.entity';

const languageMessage = { message: 'must be sv or en' };

@InputType({ description: 'P33: a request from the logged-in portal (about the viewer).' })
export class PrivacyRequestPortalInput {
  @Field(() => PrivacyRequestType)
  @IsEnum(PrivacyRequestType)
  type!: PrivacyRequestType;

  @Field(() => String, { nullable: true, description: 'e.g. what to rectify.' })
  @IsOptional()
  @MaxLength(5000)
  details?: string | null;
}

@InputType({ description: 'A request received by staff (phone, letter): identity is verified before acting.' })
export class PrivacyRequestStaffInput extends PrivacyRequestPortalInput {
  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @Field(() => String, { nullable: true, description: 'sv or en.' })
  @IsOptional()
  @IsIn([...SUPPORTED_LANGUAGES], languageMessage)
  language?: string | null;
}

@InputType({ description: 'P29: the public privacy page. Always answered the same; a link is mailed to the address.' })
export class PrivacyRequestPublicInput extends PrivacyRequestStaffInput {
  @Field({ description: "The agency's slug." })
  @Length(1, 100)
  agency!: string;
}

@InputType({ description: 'S23: an extension needs a reason; the new due date is at most three months after receipt.' })
export class PrivacyRequestExtendInput {
  @Field()
  @Length(5, 2000)
  reason!: string;

  @Field(() => Date, { nullable: true, description: 'Default: received + 3 calendar months.' })
  @IsOptional()
  @IsDate()
  dueAt?: Date | null;
}

@InputType({ description: 'RECTIFICATION: the reviewed new details of one of the matched contacts.' })
export class PrivacyRectificationInput {
  @Field(() => UUID)
  @IsUUID()
  contactId!: string;

  @Field(() => ContactInput)
  @ValidateNested()
  changes!: ContactInput;
}

@InputType()
export class PrivacyRequestCompleteInput {
  @Field(() => String, { nullable: true, description: 'A note for the result (what was done, why).' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => PrivacyRectificationInput, { nullable: true, description: 'Required for RECTIFICATION.' })
  @IsOptional()
  @ValidateNested()
  rectification?: PrivacyRectificationInput | null;

  @Field({ nullable: true, description: 'RESTRICTION/OBJECTION: lift it instead of setting it.' })
  @IsOptional()
  @IsBoolean()
  lift?: boolean;
}

@InputType()
export class PrivacyRequestFilter {
  @Field(() => PrivacyRequestStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PrivacyRequestStatus)
  status?: PrivacyRequestStatus;

  @Field(() => PrivacyRequestType, { nullable: true })
  @IsOptional()
  @IsEnum(PrivacyRequestType)
  type?: PrivacyRequestType;

  @Field(() => PrivacyRequestChannel, { nullable: true })
  @IsOptional()
  @IsEnum(PrivacyRequestChannel)
  channel?: PrivacyRequestChannel;

  @Field({ nullable: true, description: 'Only open requests past their due date (true) or not (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field({ nullable: true, description: 'Only open requests (received, verified or in progress).' })
  @IsOptional()
  @IsBoolean()
  open?: boolean;
}

export const PrivacyRequestListArgs = FilteredListArgs(PrivacyRequestFilter);
export type PrivacyRequestListArgs = InstanceType<typeof PrivacyRequestListArgs>;

@InputType({ description: "P2: a parent's or guardian's consent for a suspected minor." })
export class ParentalConsentInput {
  @Field()
  @Length(1, 200)
  parentName!: string;

  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  parentEmail!: string;

  @Field({ description: 'form, signed letter, e-mail…' })
  @Length(1, 200)
  method!: string;
}

export const MINOR_ERASURE_DEFAULT_DAYS = 30;

@InputType()
export class MinorFlagInput {
  @Field(() => Int, { defaultValue: MINOR_ERASURE_DEFAULT_DAYS, description: 'Days until erasure (default 30).' })
  @IsInt()
  @Min(1)
  @Max(365)
  days: number = MINOR_ERASURE_DEFAULT_DAYS;
}
