import { IsDate, IsOptional, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { FilteredListArgs } from '../../graphql/pagination';

/** Bounded sizes: a public endpoint must not be a way to store arbitrary amounts of text. */
@InputType({ description: 'A page view reported by the agency site or dashboard (P11).' })
export class VisitInput {
  @Field({ description: "The agency's slug." })
  @Length(1, 100)
  agency!: string;

  @Field({ description: 'The path visited, e.g. /priser (no host).' })
  @Length(1, 1000)
  @Matches(/^\/[^\s]*$/, { message: 'must be a path starting with /' })
  path!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] }, { message: 'must be a URL' })
  @MaxLength(1000)
  referrer?: string | null;

  @Field(() => String, { nullable: true, description: 'An anonymous visitor id: 8–64 letters, digits, - or _.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'must be 8–64 letters, digits, - or _' })
  visitorId?: string | null;
}

@InputType()
export class VisitFilter {
  @Field({ nullable: true, description: 'Paths starting with this.' })
  @IsOptional()
  @MaxLength(1000)
  pathPrefix?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(64)
  visitorId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(100)
  browserName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsDate()
  to?: Date;
}

export const VisitListArgs = FilteredListArgs(VisitFilter);
export type VisitListArgs = InstanceType<typeof VisitListArgs>;
