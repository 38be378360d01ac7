import type { SitecareModule } from '../../system/module';
import { SupportTicket } from './support-ticket.entity';
import { TicketMessage } from './ticket-message.entity';
import {
  CustomerTicketsResolver,
  SiteTicketsResolver,
  SupportTicketResolver,
  TicketMessageResolver,
} from './ticket.resolver';
import { inboundEmailRouter } from './inbound-email';
import { ticketsSource } from '../../privacy/sources/care';
import './ticket.sql'; // its read definitions
import { ticketSeed } from './ticket.seed';

export const ticketsModule: SitecareModule = {
  name: 'tickets',
  entities: [SupportTicket, TicketMessage],
  resolvers: [SupportTicketResolver, TicketMessageResolver, SiteTicketsResolver, CustomerTicketsResolver],
  personalData: [ticketsSource],
  routes: ({ orm, services }) => inboundEmailRouter(orm, services),
  seed: ticketSeed, // its part of the demo data
};
