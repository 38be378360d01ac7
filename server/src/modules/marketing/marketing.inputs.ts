import { IsOptional, IsUrl, Length, MaxLength } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { FilteredListArgs } from '../../graphql/pagination';
import { MarketingCampaign, MarketingOutcome } from './campaign.entity';

@InputType({ description: 'P14: a marketing e-mail to everyone who consented to a purpose by e-mail.' })
export class MarketingSendInput {
  @Field({ description: 'The purpose the recipients consented to, e.g. newsletter.' })
  @Length(1, 100)
  purposeKey!: string;

  @Field()
  @Length(1, 200)
  subjectSv!: string;

  @Field()
  @Length(1, 200)
  subjectEn!: string;

  @Field()
  @Length(1, 20_000)
  bodySv!: string;

  @Field()
  @Length(1, 20_000)
  bodyEn!: string;

  @Field(() => String, { nullable: true, description: 'A "read more" link (tracked only with consent, P9).' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  link?: string | null;
}

@ObjectType({ description: 'What a marketing send did.' })
export class MarketingSendResult {
  @Field(() => Int, { description: 'Messages queued.' })
  queued!: number;

  @Field(() => Int, { description: 'Recipients the gate refused (each refusal is in the audit log).' })
  refused!: number;

  @Field(() => MarketingCampaign, { description: 'The campaign, in the history (issue 23).' })
  campaign!: MarketingCampaign;
}

@ObjectType({ description: 'Issue 23: one candidate of a campaign: sent, or refused by the gate and why.' })
export class MarketingRecipient {
  @Field(() => MarketingOutcome)
  outcome!: MarketingOutcome;

  @Field(() => String, { nullable: true, description: "The gate's reason (MarketingRefusal) when refused." })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The contact on file, if any.' })
  contactName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The address: the contact's, or the sent message's; null for a refused address with no contact.",
  })
  email!: string | null;

  @Field({ description: "The address's fingerprint, as the audit trail keeps it." })
  fingerprint!: string;

  @Field(() => Int, { description: 'Opens recorded (only with consent to email_tracking, P9).' })
  opens!: number;

  @Field(() => Int, { description: 'Clicks recorded (only with consent to email_tracking, P9).' })
  clicks!: number;
}

@InputType()
export class MarketingCampaignFilter {
  @Field({ nullable: true, description: 'Only the sends under this purpose.' })
  @IsOptional()
  @Length(1, 100)
  purposeKey?: string;
}

export const MarketingCampaignListArgs = FilteredListArgs(MarketingCampaignFilter);
