import { IsDate, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { FilteredListArgs } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';

@InputType({ description: 'A disclosure to an authority or court (P23).' })
export class DisclosureInput {
  @Field()
  @Length(1, 300)
  recipient!: string;

  @Field()
  @Length(1, 4000)
  dataDescription!: string;

  @Field()
  @Length(1, 2000)
  legalGround!: string;

  @Field()
  @IsDate()
  disclosedAt!: Date;

  @Field(() => UUID, { nullable: true, description: 'The staff member who disclosed it (default: you).' })
  @IsOptional()
  @IsUUID()
  disclosedById?: string | null;

  @Field(() => UUID, { nullable: true, description: 'The contact the data was about, if one.' })
  @IsOptional()
  @IsUUID()
  contactId?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(4000)
  notes?: string;
}

@InputType()
export class DisclosureFilter {
  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  contactId?: string;
}

export const DisclosureListArgs = FilteredListArgs(DisclosureFilter);
export type DisclosureListArgs = InstanceType<typeof DisclosureListArgs>;
