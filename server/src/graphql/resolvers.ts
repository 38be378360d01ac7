// Every resolver class of the API; a module adds its resolver here.
import type { NonEmptyArray } from 'type-graphql';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { HealthResolver } from '../modules/health/health.resolver';
import { OutboxResolver } from '../modules/mail/outbox.resolver';
import { TenantResolver } from '../modules/tenants/tenant.resolver';
import { UserResolver } from '../modules/users/user.resolver';
import { SiteCredentialResolver } from '../modules/credentials/credential.resolver';
import { ContactResolver, CustomerResolver } from '../modules/customers/customer.resolver';
import { SiteAssignmentResolver, SiteResolver } from '../modules/sites/site.resolver';
import { LeadResolver } from '../modules/leads/lead.resolver';
import { CustomerOrdersResolver, OrderResolver, SiteOrdersResolver } from '../modules/orders/order.resolver';
import { SubscriptionResolver } from '../modules/subscriptions/subscription.resolver';
import { ServicePackageResolver } from '../modules/packages/package.resolver';
import { SiteTicketsResolver, SupportTicketResolver, TicketMessageResolver } from '../modules/tickets/ticket.resolver';
import {
  ConsentEventResolver,
  PolicyAcceptanceResolver,
  PolicyVersionResolver,
  ProcessingPurposeResolver,
} from '../modules/consents/consent.resolver';
import { MarketingResolver } from '../modules/marketing/marketing.resolver';
import { PrivacyRequestResolver } from '../modules/privacy-requests/privacy-request.resolver';
import { ProcessorResolver } from '../modules/processors/processor.resolver';
import { DisclosureResolver } from '../modules/disclosures/disclosure.resolver';
import { BreachResolver } from '../modules/breaches/breach.resolver';
import { VisitResolver } from '../modules/visits/visit.resolver';
import { TicketMessageAttachmentsResolver } from '../modules/attachments/attachment.resolver';
import {
  CustomerSupportHoursResolver,
  SupportTicketTimeResolver,
  TicketTimeEntryResolver,
} from '../modules/ticket-time/time-entry.resolver';
import { SurveyResolver, SurveyResponseResolver } from '../modules/surveys/survey.resolver';

export const resolvers: NonEmptyArray<Function> = [
  HealthResolver,
  AuthResolver,
  TenantResolver,
  UserResolver,
  AuditResolver,
  OutboxResolver,
  CustomerResolver,
  ContactResolver,
  SiteResolver,
  SiteAssignmentResolver,
  SiteCredentialResolver,
  ServicePackageResolver,
  SupportTicketResolver,
  TicketMessageResolver,
  SiteTicketsResolver,
  LeadResolver,
  OrderResolver,
  CustomerOrdersResolver,
  SiteOrdersResolver,
  SubscriptionResolver,
  ProcessingPurposeResolver,
  ConsentEventResolver,
  PolicyVersionResolver,
  PolicyAcceptanceResolver,
  MarketingResolver,
  PrivacyRequestResolver,
  ProcessorResolver,
  DisclosureResolver,
  BreachResolver,
  VisitResolver,
  SurveyResolver,
  SurveyResponseResolver,
  TicketTimeEntryResolver,
  SupportTicketTimeResolver,
  CustomerSupportHoursResolver,
  TicketMessageAttachmentsResolver,
];
