import type { SitecareModule } from '../../system/module';
import { Contact } from './contact.entity';
import { runContractEnd } from './contract-end';
import { Customer } from './customer.entity';
import { ContactResolver, CustomerResolver } from './customer.resolver';
import { contactsSource, customersSource } from '../../privacy/sources/people';
import './customer.sql'; // its read definitions
import { customerSeed } from './customer.seed';

export const customersModule: SitecareModule = {
  name: 'customers',
  entities: [Customer, Contact],
  resolvers: [CustomerResolver, ContactResolver],
  personalData: [contactsSource, customersSource],
  retention: [(em, app, now) => runContractEnd(em, app, now)],
  seed: customerSeed, // its part of the demo data
};
