// The personal-data sources of the modules that existed before the privacy engine (see ../sources.ts).
import type { PersonalDataSource } from '../personal-data';
import { ordersSource, subscriptionsSource } from './commerce';
import { sitesSource, ticketsSource } from './care';
import { contactsSource, customersSource, usersSource } from './people';
import { privacyRequestsSource } from './privacy-requests';
import { auditSource, leadsSource, outboxSource } from './records';

export const coreSources: PersonalDataSource[] = [
  contactsSource,
  customersSource,
  usersSource,
  ordersSource,
  subscriptionsSource,
  ticketsSource,
  sitesSource,
  leadsSource,
  auditSource,
  outboxSource,
  privacyRequestsSource,
];
