// The one list of Sitecare's modules. Each declares its entities, resolvers, read definitions,
// personal data, retention tasks, routes and demo seed in its own `index.ts` (see system/module.ts);
// the ORM, the schema, the HTTP server, the jobs, the privacy engine and the demo seed (db/seed.ts)
// take them from here.
// The order is the order of the personal-data export (erasure runs it in reverse, so rows that
// point at a contact go before the contact) and of the nightly retention run; the demo seeders run in
// the order their `after` declarations give, and in this order where those leave it open.
import type { EntityClass } from '@mikro-orm/core';
import type { NonEmptyArray } from 'type-graphql';
import { usePersonalDataSources } from '../privacy/personal-data';
import type { PurposeHolding, RetentionTask, SitecareModule } from '../system/module';
import { expirePurposeData } from '../system/purpose-retention';
import { agencySecretsModule } from './agency-secrets';
import { apiKeysModule } from './api-keys';
import { attachmentsModule } from './attachments';
import { auditModule } from './audit';
import { authModule } from './auth';
import { breachesModule } from './breaches';
import { consentsModule } from './consents';
import { credentialsModule } from './credentials';
import { customersModule } from './customers';
import { disclosuresModule } from './disclosures';
import { healthModule } from './health';
import { homeModule } from './home';
import { hostedModule } from './hosted';
import { invoicesModule } from './invoices';
import { leadsModule } from './leads';
import { mailModule } from './mail';
import { marketingModule } from './marketing';
import { monitoringModule } from './monitoring';
import { ordersModule } from './orders';
import { packagesModule } from './packages';
import { paymentsModule } from './payments';
import { privacyRequestsModule } from './privacy-requests';
import { processorsModule } from './processors';
import { sitesModule } from './sites';
import { subscriptionsModule } from './subscriptions';
import { suppressionModule } from './suppression';
import { surveysModule } from './surveys';
import { tenantsModule } from './tenants';
import { ticketTimeModule } from './ticket-time';
import { ticketsModule } from './tickets';
import { usersModule } from './users';
import { visitsModule } from './visits';
import { webhooksModule } from './webhooks';
import { websiteModule } from './website';

export const modules: readonly SitecareModule[] = [
  healthModule,
  authModule,
  tenantsModule,
  customersModule,
  usersModule,
  ordersModule,
  invoicesModule,
  subscriptionsModule,
  ticketsModule,
  ticketTimeModule,
  sitesModule,
  monitoringModule,
  leadsModule,
  auditModule,
  mailModule,
  privacyRequestsModule,
  attachmentsModule,
  consentsModule,
  visitsModule,
  homeModule,
  surveysModule,
  credentialsModule,
  packagesModule,
  paymentsModule,
  suppressionModule,
  marketingModule,
  processorsModule,
  disclosuresModule,
  breachesModule,
  agencySecretsModule,
  apiKeysModule,
  webhooksModule,
  websiteModule,
  hostedModule,
];

/** Rows of these belong to one agency: the ORM filter and row-level security both apply. */
export const tenantOwnedEntities: EntityClass<object>[] = modules.flatMap((m) => m.entities ?? []);
export const entities: EntityClass<object>[] = [
  ...modules.flatMap((m) => m.globalEntities ?? []),
  ...tenantOwnedEntities,
];
export const resolvers = modules.flatMap((m) => m.resolvers ?? []) as NonEmptyArray<Function>;
export const personalDataSources = modules.flatMap((m) => m.personalData ?? []);
export const purposeHoldings: PurposeHolding[] = modules.flatMap((m) => m.purposeData ?? []);
export const retentionTasks: RetentionTask[] = [
  ...modules.flatMap((m) => m.retention ?? []),
  (em, _app, now) => expirePurposeData(em, purposeHoldings, now),
];

usePersonalDataSources(personalDataSources);
