import { IsBoolean, IsDate, IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { FilteredListArgs } from '../../graphql/pagination';

@InputType({ description: 'A personal data breach (S26, GDPR art. 33).' })
export class BreachInput {
  @Field()
  @IsDate()
  awareAt!: Date;

  @Field()
  @Length(1, 10_000)
  description!: string;

  @Field()
  @Length(1, 2000)
  dataCategories!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  approxAffected!: number;

  @Field()
  @Length(1, 10_000)
  consequences!: string;

  @Field()
  @Length(1, 10_000)
  measures!: string;

  @Field()
  @IsBoolean()
  reportable!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  notReportableReason?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  authorityNotifiedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  subjectsNotifiedAt?: Date | null;
}

@InputType()
export class BreachFilter {
  @Field({ nullable: true, description: 'Only breaches past the deadline without notification.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field({ nullable: true, description: 'Only reportable breaches not yet notified to the authority.' })
  @IsOptional()
  @IsBoolean()
  awaitingNotification?: boolean;
}

export const BreachListArgs = FilteredListArgs(BreachFilter);
export type BreachListArgs = InstanceType<typeof BreachListArgs>;
