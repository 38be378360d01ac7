import { IsBoolean, IsEmail, IsEnum, IsOptional, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { ListArgs, SortInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { TicketChannel, TicketPriority, TicketStatus } from './support-ticket.entity';

@InputType()
export class SupportTicketInput {
  @Field()
  @Length(1, 200)
  subject!: string;

  @Field({ description: 'The first message.' })
  @Length(1, 20_000)
  body!: string;

  @Field(() => UUID, { nullable: true, description: 'Staff: the customer; customers: always their own.' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @Field(() => TicketPriority, { nullable: true })
  @IsOptional()
  @IsEnum(TicketPriority)
  priority?: TicketPriority;

  @Field(() => TicketChannel, { nullable: true, description: 'Staff logging a request: how it arrived.' })
  @IsOptional()
  @IsEnum(TicketChannel)
  channel?: TicketChannel;
}

@InputType()
export class SupportTicketUpdateInput {
  @Field(() => TicketStatus, { nullable: true })
  @IsOptional()
  @IsEnum(TicketStatus)
  status?: TicketStatus;

  @Field(() => TicketPriority, { nullable: true })
  @IsOptional()
  @IsEnum(TicketPriority)
  priority?: TicketPriority;

  @Field(() => UUID, { nullable: true, description: 'Null unassigns.' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;
}

@InputType()
export class TicketMessageInput {
  @Field()
  @Length(1, 20_000)
  body!: string;

  @Field({ nullable: true, description: 'Staff only: an internal note the customer never sees.' })
  @IsOptional()
  internal?: boolean;

  @Field(() => TicketStatus, {
    nullable: true,
    description:
      'Issue 25, staff and contractors, public replies: the ticket’s status with the reply: WAITING_ON_CUSTOMER (reply and wait for the customer), OPEN (reply and keep open; the default), RESOLVED or CLOSED (reply and close).',
  })
  @IsOptional()
  @IsEnum(TicketStatus)
  status?: TicketStatus | null;
}

@InputType({ description: 'The public support form (no login).' })
export class SupportRequestInput {
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

  @Field()
  @Length(1, 200)
  subject!: string;

  @Field()
  @Length(1, 20_000)
  message!: string;
}

export enum TicketSortField {
  createdAt = 'createdAt',
  firstResponseDueAt = 'firstResponseDueAt',
  priority = 'priority',
  status = 'status',
}

@InputType()
export class SupportTicketFilter {
  @Field(() => [TicketStatus], { nullable: true })
  @IsOptional()
  @IsEnum(TicketStatus, { each: true })
  status?: TicketStatus[];

  @Field(() => TicketPriority, { nullable: true })
  @IsOptional()
  @IsEnum(TicketPriority)
  priority?: TicketPriority;

  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @Field({ nullable: true, description: 'Matches the subject.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @Field({ nullable: true, description: 'Issue 18: open, without a first response, past its due time (or not).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

export const SupportTicketSort = SortInput('SupportTicket', TicketSortField, TicketSortField.firstResponseDueAt);
export type SupportTicketSort = InstanceType<typeof SupportTicketSort>;

export const SupportTicketListArgs = ListArgs(SupportTicketFilter, SupportTicketSort);
export type SupportTicketListArgs = InstanceType<typeof SupportTicketListArgs>;

@ArgsType()
export class TicketMessageCreateArgs {
  @Field(() => UUID)
  @IsUUID()
  ticketId!: string;

  @Field(() => TicketMessageInput)
  @ValidateNested()
  input!: TicketMessageInput;
}
