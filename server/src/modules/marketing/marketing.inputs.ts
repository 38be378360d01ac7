import { IsOptional, IsUrl, Length, MaxLength } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';

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
}
