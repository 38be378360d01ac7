import { WEBHOOK_EVENTS } from '@sitecare/schema';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { WebhookEndpoint } from './webhook-endpoint.entity';

@InputType()
export class WebhookEndpointCreateInput {
  @Field({ description: 'HTTPS (plain HTTP outside production); must resolve to public addresses.' })
  @Length(8, 2000)
  url!: string;

  @Field(() => [String], { description: `Any of: ${WEBHOOK_EVENTS.join(', ')}.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  description?: string | null;
}

@InputType()
export class WebhookEndpointUpdateInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(8, 2000)
  url?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  description?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

@ObjectType({ description: 'An endpoint and its signing secret, shown this once.' })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field({ description: '`whsec_…`: verify `webhook-signature` with it (Standard Webhooks).' })
  secret!: string;
}

@InputType()
export class WebhookDeliveriesInput {
  @Field(() => ID)
  @IsUUID()
  endpointId!: string;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  take: number = 50;
}
