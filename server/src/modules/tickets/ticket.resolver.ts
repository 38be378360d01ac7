import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { readComputedValue, readMany, readOne } from '../../graphql/sql/reads';
import { ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { Contact } from '../customers/contact.entity';
import { Customer } from '../customers/customer.entity';
import { Site } from '../sites/site.entity';
import { User } from '../users/user.entity';
import { SupportTicket } from './support-ticket.entity';
import { TicketMessage } from './ticket-message.entity';
import {
  SupportRequestInput,
  SupportTicketInput,
  SupportTicketListArgs,
  SupportTicketSort,
  SupportTicketUpdateInput,
  TicketMessageCreateArgs,
} from './ticket.inputs';
import * as tickets from './ticket.service';

const SupportTicketList = ListOf(SupportTicket, 'SupportTicket');
type SupportTicketList = InstanceType<typeof SupportTicketList>;

@Resolver(() => SupportTicket)
export class SupportTicketResolver {
  @Query(() => SupportTicketList, { description: "Tickets in the viewer's scope, by first-response due time." })
  supportTickets(
    @Args(() => SupportTicketListArgs) args: SupportTicketListArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<SupportTicketList> {
    return tickets.listTickets(ctx, args.filter, args.sort ?? new SupportTicketSort(), args.page ?? new PageInput());
  }

  @Query(() => SupportTicket)
  supportTicket(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<SupportTicket> {
    return tickets.getTicket(ctx, id);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<Customer | null> | null {
    return t.customer ? readOne(ctx, 'SupportTicket.customer', SupportTicket, t.id) : null;
  }

  @FieldResolver(() => Contact, { nullable: true })
  contact(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<Contact | null> | null {
    return t.contact ? readOne(ctx, 'SupportTicket.contact', SupportTicket, t.id) : null;
  }

  @FieldResolver(() => Site, { nullable: true })
  site(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<Site | null> | null {
    return t.site ? readOne(ctx, 'SupportTicket.site', SupportTicket, t.id) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return t.assignee ? readOne(ctx, 'SupportTicket.assignee', SupportTicket, t.id) : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Open, nobody has answered yet, and the first response is past its due time (ticket-sla.ts).',
  })
  overdue(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<boolean> {
    return readComputedValue(ctx, 'SupportTicket.overdue', SupportTicket, t.id);
  }

  @FieldResolver(() => [TicketMessage], { description: 'The thread, oldest first (customers: public messages only).' })
  messages(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<TicketMessage[]> {
    return readMany(ctx, 'SupportTicket.messages', SupportTicket, t.id);
  }

  @FieldResolver(() => [TicketMessage], { description: 'The 3 newest messages, newest first (as the thread).' })
  latestMessages(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<TicketMessage[]> {
    return readMany(ctx, 'SupportTicket.latestMessages', SupportTicket, t.id);
  }

  @Mutation(() => SupportTicket, { description: 'Opens a ticket (customers: for themselves, from the portal).' })
  supportTicketCreate(@Arg('input') input: SupportTicketInput, @Ctx() ctx: RequestContext): Promise<SupportTicket> {
    return tickets.createTicket(ctx, input);
  }

  @Mutation(() => SupportTicket)
  supportTicketUpdate(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: SupportTicketUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SupportTicket> {
    return tickets.updateTicket(ctx, id, input);
  }

  @Mutation(() => TicketMessage, { description: 'Replies to a ticket; staff may add internal notes.' })
  ticketMessageCreate(
    @Args() { ticketId, input }: TicketMessageCreateArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<TicketMessage> {
    return tickets.replyToTicket(ctx, ticketId, input.body, input.internal ?? false, input.status ?? null);
  }

  @Mutation(() => TicketMessage, {
    description: "Issue 18: accepts a held mail from an address not on the ticket: it becomes the customer's message.",
  })
  ticketMessageAcceptHeld(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<TicketMessage> {
    return tickets.decideHeldMail(ctx, id, true);
  }

  @Mutation(() => Boolean, {
    description: 'Issue 18: rejects a held mail from an address not on the ticket (deleted).',
  })
  async ticketMessageRejectHeld(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    await tickets.decideHeldMail(ctx, id, false);
    return true;
  }

  @Mutation(() => Boolean, { description: 'The public support form: no login; rate-limited; always answers true.' })
  async supportRequestSubmit(@Arg('input') input: SupportRequestInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return tickets.submitSupportForm(ctx, input);
  }
}

@Resolver(() => TicketMessage)
export class TicketMessageResolver {
  @FieldResolver(() => User, { nullable: true })
  author(@Root() m: TicketMessage, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return m.authorUser ? readOne(ctx, 'TicketMessage.author', TicketMessage, m.id) : null;
  }
}

@Resolver(() => Customer)
export class CustomerTicketsResolver {
  @FieldResolver(() => [SupportTicket], {
    description: 'Issue 25: the 20 most urgent open tickets of this customer (new, open, waiting on the customer).',
  })
  openTickets(@Root() customer: Customer, @Ctx() ctx: RequestContext): Promise<SupportTicket[]> {
    return readMany(ctx, 'Customer.openTickets', Customer, customer.id);
  }
}

@Resolver(() => Site)
export class SiteTicketsResolver {
  @FieldResolver(() => [SupportTicket], {
    description: 'Open tickets of this site (new, open, waiting on the customer), by first-response due time.',
  })
  openTickets(@Root() site: Site, @Ctx() ctx: RequestContext): Promise<SupportTicket[]> {
    return readMany(ctx, 'Site.openTickets', Site, site.id);
  }
}
