import { IsDate, IsInt, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { UUID } from '../../graphql/scalars';

@InputType()
export class TicketTimeEntryInput {
  @Field(() => Int, { description: 'Whole minutes, 1 to 1440 (one day).' })
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes!: number;

  @Field({ nullable: true, description: 'When the work was done; default now. Not in the future.' })
  @IsOptional()
  @IsDate()
  spentAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}

@ArgsType()
export class TicketTimeEntryCreateArgs {
  @Field(() => UUID)
  @IsUUID()
  ticketId!: string;

  @Field(() => TicketTimeEntryInput)
  @ValidateNested()
  input!: TicketTimeEntryInput;
}
