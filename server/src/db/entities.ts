// The one list of entities the ORM knows: explicit, so the build needs no folder scanning.
import { AgencySecret } from '../modules/agency-secrets/agency-secret.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { AuthToken } from '../modules/auth/auth-token.entity';
import { Session } from '../modules/auth/session.entity';
import { OutboxMessage } from '../modules/mail/outbox-message.entity';
import { Tenant } from '../modules/tenants/tenant.entity';
import { User } from '../modules/users/user.entity';
import { Contact } from '../modules/customers/contact.entity';
import { Customer } from '../modules/customers/customer.entity';
import { SiteCredential } from '../modules/credentials/site-credential.entity';
import { SiteAssignment } from '../modules/sites/site-assignment.entity';
import { SiteBackup } from '../modules/sites/site-backup.entity';
import { Site } from '../modules/sites/site.entity';
import { Lead } from '../modules/leads/lead.entity';
import { Order, OrderLine } from '../modules/orders/order.entity';
import { Payment, WebhookEvent } from '../modules/payments/payment.entity';
import { Subscription } from '../modules/subscriptions/subscription.entity';
import { ServicePackage } from '../modules/packages/service-package.entity';
import { SupportTicket } from '../modules/tickets/support-ticket.entity';
import { TicketMessage } from '../modules/tickets/ticket-message.entity';
import { SuppressionEntry } from '../modules/suppression/suppression-entry.entity';
import { ConsentEvent } from '../modules/consents/consent-event.entity';
import { NewsletterSignup } from '../modules/consents/newsletter-signup.entity';
import { PolicyAcceptance, PolicyVersion } from '../modules/consents/policy-version.entity';
import { ProcessingPurpose } from '../modules/consents/processing-purpose.entity';
import { TrackingEvent } from '../modules/marketing/tracking-event.entity';
import { PrivacyExport, PrivacyRequest, PrivacyRequestToken } from '../modules/privacy-requests/privacy-request.entity';
import { Processor } from '../modules/processors/processor.entity';
import { Disclosure } from '../modules/disclosures/disclosure.entity';
import { Breach } from '../modules/breaches/breach.entity';
import { Visit } from '../modules/visits/visit.entity';
import { Survey, SurveyResponse } from '../modules/surveys/survey.entity';
import { TicketTimeEntry } from '../modules/ticket-time/time-entry.entity';
import { TicketAttachment } from '../modules/attachments/attachment.entity';

/** Rows of these belong to one agency: the ORM filter and row-level security both apply. */
export const tenantOwnedEntities = [
  User,
  Session,
  AuthToken,
  AuditEvent,
  OutboxMessage,
  Customer,
  Contact,
  Site,
  SiteAssignment,
  SiteBackup,
  SiteCredential,
  ServicePackage,
  SupportTicket,
  TicketMessage,
  Lead,
  Order,
  OrderLine,
  Payment,
  Subscription,
  SuppressionEntry,
  ProcessingPurpose,
  PolicyVersion,
  PolicyAcceptance,
  ConsentEvent,
  NewsletterSignup,
  TrackingEvent,
  PrivacyRequest,
  PrivacyRequestToken,
  PrivacyExport,
  Processor,
  Disclosure,
  Breach,
  Visit,
  Survey,
  SurveyResponse,
  AgencySecret,
  TicketTimeEntry,
  TicketAttachment,
];

/** Platform tables: no tenant, no personal data (the webhook ledger). */
export const platformEntities = [WebhookEvent];

export const entities = [Tenant, ...tenantOwnedEntities, ...platformEntities];
