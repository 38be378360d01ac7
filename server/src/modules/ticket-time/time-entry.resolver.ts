import { Arg, Args, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { readMany, readOne } from '../../graphql/sql/reads';
import { UUID } from '../../graphql/scalars';
import { Customer } from '../customers/customer.entity';
import { SupportTicket } from '../tickets/support-ticket.entity';
import { User } from '../users/user.entity';
import { TicketTimeEntry } from './time-entry.entity';
import { TicketTimeEntryCreateArgs } from './time-entry.inputs';
import * as time from './time-entry.service';

@ObjectType({ description: "A month of a customer's support: hours used against its care packages' hours." })
export class SupportHoursMonth {
  @Field({ description: 'YYYY-MM (UTC).' })
  month!: string;

  @Field(() => Int, { description: 'Minutes logged on the customer’s tickets that month.' })
  minutesUsed!: number;

  @Field(() => Int, { description: "Sum of supportHoursPerMonth of the customer's sites' care packages." })
  hoursIncluded!: number;
}

@Resolver(() => TicketTimeEntry)
export class TicketTimeEntryResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who did the work.' })
  user(@Root() e: TicketTimeEntry, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return e.user ? readOne(ctx, 'TicketTimeEntry.user', TicketTimeEntry, e.id) : null;
  }

  @Mutation(() => TicketTimeEntry, { description: 'Logs time on a ticket (staff; contractors on their sites).' })
  ticketTimeEntryCreate(
    @Args() { ticketId, input }: TicketTimeEntryCreateArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketTimeEntry> {
    return time.addTimeEntry(ctx, ticketId, input);
  }

  @Mutation(() => Boolean, { description: 'Removes a time entry (contractors: their own only).' })
  ticketTimeEntryDelete(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return time.deleteTimeEntry(ctx, id);
  }
}

@Resolver(() => SupportTicket)
export class SupportTicketTimeResolver {
  @FieldResolver(() => [TicketTimeEntry], { description: 'Time logged on this ticket, newest first.' })
  timeEntries(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<TicketTimeEntry[]> {
    return readMany(ctx, 'SupportTicket.timeEntries', SupportTicket, t.id);
  }
}

@Resolver(() => Customer)
export class CustomerSupportHoursResolver {
  @FieldResolver(() => [SupportHoursMonth], {
    description: 'Support hours per month (oldest first, this month last) against the care packages.',
  })
  supportHours(
    @Root() c: Customer,
    @Arg('months', () => Int, { defaultValue: 6 }) months: number,
    @Ctx() ctx: RequestContext,
  ): Promise<SupportHoursMonth[]> {
    return time.supportHours(ctx, c.id, months);
  }
}
