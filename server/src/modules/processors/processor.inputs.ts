import { IsEnum, IsOptional, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { FilteredListArgs } from '../../graphql/pagination';
import { IsCountryCode } from '../../graphql/validators';
import { TransferMechanism } from './processor.entity';

@InputType({ description: 'A processor in the Art. 30 record (P19, P24).' })
export class ProcessorInput {
  @Field()
  @Length(1, 200)
  name!: string;

  @Field()
  @Length(1, 2000)
  purpose!: string;

  @Field()
  @Length(1, 2000)
  dataCategories!: string;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. SE, IE, US.' })
  @IsCountryCode()
  country!: string;

  @Field(() => TransferMechanism)
  @IsEnum(TransferMechanism)
  transferMechanism!: TransferMechanism;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be a date, YYYY-MM-DD' })
  contractDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(320)
  contact?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['https', 'http'] }, { message: 'must be a URL' })
  @MaxLength(2000)
  url?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(4000)
  notes?: string;
}

@InputType()
export class ProcessorFilter {
  @Field(() => TransferMechanism, { nullable: true })
  @IsOptional()
  @IsEnum(TransferMechanism)
  transferMechanism?: TransferMechanism;
}

export const ProcessorListArgs = FilteredListArgs(ProcessorFilter);
export type ProcessorListArgs = InstanceType<typeof ProcessorListArgs>;
