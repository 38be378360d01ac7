import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { rateLimitPublicForm } from '../../auth/throttle';
import type { RequestContext } from '../../graphql/context';
import { groupBy, latestByKey, loaderFor, byIdLoader } from '../../graphql/loaders';
import { ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { Contact } from '../customers/contact.entity';
import { Customer } from '../customers/customer.entity';
import { Site } from '../sites/site.entity';
import { User } from '../users/user.entity';
import { OPEN_TICKET_STATUSES, SupportTicket, TicketChannel } from './support-ticket.entity';
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

const messagesByTicket = (ctx: RequestContext) =>
  loaderFor<string, TicketMessage[]>(ctx, 'messagesByTicket', async (ids) => {
    const rows = await ctx.em.find(
      TicketMessage,
      { ticket: { $in: [...ids] } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return groupBy(ids, rows, (m) => m.ticket.id);
  });

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
    return t.customer ? byIdLoader(ctx, Customer).load(t.customer.id) : null;
  }

  @FieldResolver(() => Contact, { nullable: true })
  contact(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<Contact | null> | null {
    return t.contact ? byIdLoader(ctx, Contact).load(t.contact.id) : null;
  }

  @FieldResolver(() => Site, { nullable: true })
  site(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<Site | null> | null {
    return t.site ? byIdLoader(ctx, Site).load(t.site.id) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return t.assignee ? byIdLoader(ctx, User).load(t.assignee.id) : null;
  }

  @FieldResolver(() => [TicketMessage], { description: 'The thread, oldest first (customers: public messages only).' })
  messages(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<TicketMessage[]> {
    return messagesByTicket(ctx).load(t.id);
  }

  @FieldResolver(() => [TicketMessage], { description: 'The 3 newest messages, newest first (as the thread).' })
  latestMessages(@Root() t: SupportTicket, @Ctx() ctx: RequestContext): Promise<TicketMessage[]> {
    return latestByKey(ctx, TicketMessage, 'ticket_id', (m) => m.ticket.id, 3).load(t.id);
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
    return tickets.replyToTicket(ctx, ticketId, input.body, input.internal ?? false);
  }

  @Mutation(() => Boolean, { description: 'The public support form: no login; rate-limited; always answers true.' })
  async supportRequestSubmit(@Arg('input') input: SupportRequestInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    await rateLimitPublicForm(ctx);
    return tickets.openTicketFromOutside(ctx, input, TicketChannel.FORM);
  }
}

@Resolver(() => TicketMessage)
export class TicketMessageResolver {
  @FieldResolver(() => User, { nullable: true })
  author(@Root() m: TicketMessage, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return m.authorUser ? byIdLoader(ctx, User).load(m.authorUser.id) : null;
  }
}

/** Open tickets of many sites in one query. */
const openTicketsBySite = (ctx: RequestContext) =>
  loaderFor<string, SupportTicket[]>(ctx, 'openTicketsBySite', async (ids) =>
    groupBy(
      ids,
      await ctx.em.find(
        SupportTicket,
        { site: { $in: [...ids] }, status: { $in: OPEN_TICKET_STATUSES } },
        { orderBy: { firstResponseDueAt: 'asc', id: 'asc' } },
      ),
      (t) => t.site!.id,
    ),
  );

@Resolver(() => Site)
export class SiteTicketsResolver {
  @FieldResolver(() => [SupportTicket], {
    description: 'Open tickets of this site (new, open, waiting on the customer), by first-response due time.',
  })
  openTickets(@Root() site: Site, @Ctx() ctx: RequestContext): Promise<SupportTicket[]> {
    return openTicketsBySite(ctx).load(site.id);
  }
}
