import type { SitecareModule } from '../../system/module';
import { TicketTimeEntry } from './time-entry.entity';
import {
  CustomerSupportHoursResolver,
  SupportTicketTimeResolver,
  TicketTimeEntryResolver,
} from './time-entry.resolver';
import './time-entry.sql'; // its read definitions
import { timeEntrySeed } from './time-entry.seed';

export const ticketTimeModule: SitecareModule = {
  name: 'ticket-time',
  entities: [TicketTimeEntry],
  resolvers: [TicketTimeEntryResolver, SupportTicketTimeResolver, CustomerSupportHoursResolver],
  seed: timeEntrySeed, // its part of the demo data
};
