import { Equals, IsEmail, IsEnum, IsOptional, IsUrl, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { FilteredListArgs } from '../../graphql/pagination';
import { IsPhoneNumber } from '../../graphql/validators';
import { LeadStatus } from './lead.entity';

@InputType({ description: 'The public contact form: "fill in your details and we will get back to you".' })
export class LeadInput {
  @Field({ description: "The agency's slug." })
  @Length(1, 100)
  agency!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Any common form, national for the agency’s country; stored as E.164.',
  })
  @IsOptional()
  @IsPhoneNumber()
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  company?: string | null;

  @Field()
  @Length(1, 10_000)
  message!: string;

  @Field({ description: 'The person agreed to be contacted about the request.' })
  @Equals(true, { message: 'must be given to send the form' })
  consentGiven!: boolean;

  @Field({ description: 'The exact wording shown next to the consent box.' })
  @Length(1, 2000)
  consentText!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true }, { message: 'must be a URL' })
  @MaxLength(2000)
  sourcePage?: string | null;
}

@InputType()
export class LeadFilter {
  @Field(() => LeadStatus, { nullable: true })
  @IsOptional()
  @IsEnum(LeadStatus)
  status?: LeadStatus;
}

export const LeadListArgs = FilteredListArgs(LeadFilter);
export type LeadListArgs = InstanceType<typeof LeadListArgs>;
