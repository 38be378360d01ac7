// The permission matrix: who may call every GraphQL operation, and the row-level rule that the
// server's services apply on top. One declared source for the server (which enforces it) and the
// dashboard (which hides what a role cannot do). An operation missing here is denied to everyone.

export const ROLES = ['ADMIN', 'EMPLOYEE', 'CONTRACTOR', 'CUSTOMER'] as const;
export type Role = (typeof ROLES)[number];

/** Who can reach an operation: everyone (no login), any logged-in user, or the listed roles. */
export type Audience = 'PUBLIC' | 'AUTHENTICATED' | readonly Role[];

/** The row rule the service applies after the role check. */
export type RowRule =
  | 'none' // no rows involved (health, login)
  | 'self' // the viewer's own record
  | 'tenant' // any row of the viewer's agency
  | 'assigned' // contractors: only rows of sites assigned to them now
  | 'own-customer'; // customers: only rows of their own customer record

export interface Permission {
  audience: Audience;
  rule: RowRule;
}

const STAFF = ['ADMIN', 'EMPLOYEE'] as const;
const ADMIN = ['ADMIN'] as const;
const WORKERS = ['ADMIN', 'EMPLOYEE', 'CONTRACTOR'] as const;
const ALL = ['ADMIN', 'EMPLOYEE', 'CONTRACTOR', 'CUSTOMER'] as const;
/** Staff and the customer the data is about. */
const OWNERS = ['ADMIN', 'EMPLOYEE', 'CUSTOMER'] as const;

export const PERMISSIONS = {
  'Query.health': { audience: 'PUBLIC', rule: 'none' },
  'Query.me': { audience: 'AUTHENTICATED', rule: 'self' },
  'Query.tenant': { audience: 'AUTHENTICATED', rule: 'tenant' },
  'Query.users': { audience: STAFF, rule: 'tenant' },
  'Query.user': { audience: STAFF, rule: 'tenant' },
  'Query.auditEvents': { audience: ADMIN, rule: 'tenant' },
  'Query.auditEvent': { audience: ADMIN, rule: 'tenant' },
  'Query.outboxMessages': { audience: ADMIN, rule: 'tenant' },
  'Mutation.login': { audience: 'PUBLIC', rule: 'none' },
  'Mutation.logout': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.passwordResetRequest': { audience: 'PUBLIC', rule: 'none' },
  'Mutation.passwordReset': { audience: 'PUBLIC', rule: 'none' },
  'Mutation.invitationAccept': { audience: 'PUBLIC', rule: 'none' },
  'Mutation.passwordChange': { audience: 'AUTHENTICATED', rule: 'self' },
  // Issue 20: the second factor and step-up (S33, S34). A login that owes a step may call only what
  // finishes it (PENDING_OPERATIONS in server/src/graphql/authorization.ts).
  'Mutation.loginSecondStep': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.totpSetupStart': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.totpSetupConfirm': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.totpRemove': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.stepUp': { audience: 'AUTHENTICATED', rule: 'self' },
  // Issue 20: passkeys; options for a usernameless login and the login itself are public.
  'Query.myPasskeys': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.passkeyRegistrationOptions': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.passkeyRegister': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.passkeyAuthenticationOptions': { audience: 'PUBLIC', rule: 'none' },
  'Mutation.passkeyLogin': { audience: 'PUBLIC', rule: 'none' },
  'Mutation.loginSecondStepPasskey': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.passkeyRemove': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.userSecondFactorReset': { audience: ADMIN, rule: 'tenant' },
  'Mutation.tenantSecondFactorRolesSet': { audience: ADMIN, rule: 'tenant' },
  // Issue 20: sessions you can see; admins end all of a user's.
  'Query.mySessions': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.sessionEnd': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.userSessionsEnd': { audience: ADMIN, rule: 'tenant' },
  'Mutation.profileUpdate': { audience: 'AUTHENTICATED', rule: 'self' },
  'Mutation.userInvite': { audience: ADMIN, rule: 'tenant' },
  'Mutation.userUpdate': { audience: ADMIN, rule: 'tenant' },
  'Mutation.userDisable': { audience: ADMIN, rule: 'tenant' },
  'Mutation.userEnable': { audience: ADMIN, rule: 'tenant' },
  'Mutation.tenantUpdate': { audience: ADMIN, rule: 'tenant' },
  'Mutation.tenantLogoSet': { audience: ADMIN, rule: 'tenant' },
  'Mutation.tenantLogoRemove': { audience: ADMIN, rule: 'tenant' },
  'Mutation.tenantSmtpRelaySet': { audience: ADMIN, rule: 'tenant' },
  'Mutation.tenantSmtpRelayRemove': { audience: ADMIN, rule: 'tenant' },
  'Mutation.tenantInboundEmailTokenRotate': { audience: ADMIN, rule: 'tenant' },
  // Issue 21: API keys (S35), admins only; a key itself is never ADMIN, so it cannot make or revoke keys.
  'Query.apiKeys': { audience: ADMIN, rule: 'tenant' },
  'Mutation.apiKeyCreate': { audience: ADMIN, rule: 'tenant' },
  'Mutation.apiKeyRevoke': { audience: ADMIN, rule: 'tenant' },
  // Issue 21: outgoing webhooks (S36), admins only.
  'Query.webhookEndpoints': { audience: ADMIN, rule: 'tenant' },
  'Query.webhookDeliveries': { audience: ADMIN, rule: 'tenant' },
  'Mutation.webhookEndpointCreate': { audience: ADMIN, rule: 'tenant' },
  'Mutation.webhookEndpointUpdate': { audience: ADMIN, rule: 'tenant' },
  'Mutation.webhookEndpointDelete': { audience: ADMIN, rule: 'tenant' },
  'Mutation.webhookEndpointRotateSecret': { audience: ADMIN, rule: 'tenant' },
  'Mutation.webhookDeliveryReplay': { audience: ADMIN, rule: 'tenant' },
  // Issue 21: the origins of the agency's own website (S37).
  'Mutation.tenantAllowedOriginsSet': { audience: ADMIN, rule: 'tenant' },
  'Mutation.tenantStripeAccountSet': { audience: ADMIN, rule: 'tenant' },
  'Mutation.tenantMollieAccountSet': { audience: ADMIN, rule: 'tenant' },
  'Mutation.tenantPayPalAccountSet': { audience: ADMIN, rule: 'tenant' },
  'Mutation.tenantPaymentAccountRemove': { audience: ADMIN, rule: 'tenant' },
  'Query.paymentProvidersOffered': { audience: 'PUBLIC', rule: 'none' },
  // Care domain (P18): staff manage; contractors see assigned sites; customers their own.
  'Query.customers': { audience: STAFF, rule: 'tenant' },
  'Query.customer': { audience: ALL, rule: 'assigned' },
  'Query.contact': { audience: ALL, rule: 'assigned' },
  'Query.contacts': { audience: STAFF, rule: 'tenant' },
  'Mutation.customerCreate': { audience: STAFF, rule: 'tenant' },
  'Mutation.customerUpdate': { audience: STAFF, rule: 'tenant' },
  'Mutation.customerDelete': { audience: ADMIN, rule: 'tenant' },
  'Mutation.contactCreate': { audience: STAFF, rule: 'tenant' },
  'Mutation.contactUpdate': { audience: STAFF, rule: 'tenant' },
  'Mutation.contactMove': { audience: STAFF, rule: 'tenant' },
  'Mutation.contactDelete': { audience: STAFF, rule: 'tenant' },
  'Mutation.contactPortalInvite': { audience: STAFF, rule: 'tenant' },
  'Query.sites': { audience: ALL, rule: 'assigned' },
  'Query.site': { audience: ALL, rule: 'assigned' },
  'Mutation.siteCreate': { audience: STAFF, rule: 'tenant' },
  'Mutation.siteUpdate': { audience: STAFF, rule: 'tenant' },
  'Mutation.siteDelete': { audience: ADMIN, rule: 'tenant' },
  'Mutation.siteAssignmentCreate': { audience: STAFF, rule: 'tenant' },
  'Mutation.siteAssignmentEnd': { audience: STAFF, rule: 'tenant' },
  'Mutation.siteAgentTokenRotate': { audience: STAFF, rule: 'tenant' },
  'Query.siteCareReportPdf': { audience: OWNERS, rule: 'own-customer' },
  'Mutation.siteCareReportResend': { audience: STAFF, rule: 'tenant' },
  'Mutation.siteCredentialCreate': { audience: STAFF, rule: 'tenant' },
  'Mutation.siteCredentialUpdate': { audience: STAFF, rule: 'tenant' },
  'Mutation.siteCredentialDelete': { audience: STAFF, rule: 'tenant' },
  'Mutation.siteCredentialReveal': { audience: WORKERS, rule: 'assigned' },
  'Query.servicePackages': { audience: OWNERS, rule: 'tenant' },
  'Query.servicePackage': { audience: OWNERS, rule: 'tenant' },
  'Mutation.servicePackageCreate': { audience: ADMIN, rule: 'tenant' },
  'Mutation.servicePackageUpdate': { audience: ADMIN, rule: 'tenant' },
  'Query.supportTickets': { audience: ALL, rule: 'assigned' },
  'Query.supportTicket': { audience: ALL, rule: 'assigned' },
  'Mutation.supportTicketCreate': { audience: OWNERS, rule: 'own-customer' },
  'Mutation.supportTicketUpdate': { audience: WORKERS, rule: 'assigned' },
  'Mutation.ticketMessageCreate': { audience: ALL, rule: 'assigned' },
  'Mutation.ticketMessageAcceptHeld': { audience: STAFF, rule: 'tenant' },
  'Mutation.ticketMessageRejectHeld': { audience: STAFF, rule: 'tenant' },
  'Mutation.supportRequestSubmit': { audience: 'PUBLIC', rule: 'none' },
  // Issue 18: time on tickets (staff; contractors on their assigned sites, by the row rule).
  'Mutation.ticketTimeEntryCreate': { audience: WORKERS, rule: 'assigned' },
  'Mutation.ticketTimeEntryDelete': { audience: WORKERS, rule: 'assigned' },
  // Issue 25: the staff home page's cards in one query (each counted over the viewer's rows).
  'Query.homeSummary': { audience: STAFF, rule: 'tenant' },
  'Query.leads': { audience: STAFF, rule: 'tenant' },
  'Query.lead': { audience: STAFF, rule: 'tenant' },
  'Mutation.leadSubmit': { audience: 'PUBLIC', rule: 'none' },
  'Mutation.leadUpdateStatus': { audience: STAFF, rule: 'tenant' },
  'Mutation.leadConvert': { audience: STAFF, rule: 'tenant' },
  // Data subject requests (P28–P30, P33, S23): staff handle them; the person files from the public page or the portal.
  'Query.privacyRequests': { audience: STAFF, rule: 'tenant' },
  'Query.privacyRequest': { audience: STAFF, rule: 'tenant' },
  // Anyone's own requests and export; a staff login downloads its export after a fresh step (issue 20, S34).
  'Query.myPrivacyRequests': { audience: ALL, rule: 'self' },
  'Mutation.privacyRequestSubmit': { audience: 'PUBLIC', rule: 'none' },
  'Mutation.privacyRequestConfirm': { audience: 'PUBLIC', rule: 'none' },
  'Mutation.privacyRequestFile': { audience: ['CUSTOMER'], rule: 'self' },
  'Mutation.privacyExportLink': { audience: ALL, rule: 'self' },
  'Mutation.privacyRequestCreate': { audience: STAFF, rule: 'tenant' },
  'Mutation.privacyRequestVerify': { audience: STAFF, rule: 'tenant' },
  'Mutation.privacyRequestStart': { audience: STAFF, rule: 'tenant' },
  'Mutation.privacyRequestExtend': { audience: STAFF, rule: 'tenant' },
  'Mutation.privacyRequestComplete': { audience: STAFF, rule: 'tenant' },
  'Mutation.privacyRequestReject': { audience: STAFF, rule: 'tenant' },
  // P2: suspected minors.
  'Mutation.contactMinorFlag': { audience: STAFF, rule: 'tenant' },
  'Mutation.contactParentalConsent': { audience: STAFF, rule: 'tenant' },
  'Query.orders': { audience: OWNERS, rule: 'own-customer' },
  'Query.order': { audience: OWNERS, rule: 'own-customer' },
  'Mutation.checkout': { audience: 'PUBLIC', rule: 'none' },
  // Issue 25: the buyer cancels her own order while it waits for payment (Order.canCancel); a paid one is refunded by staff.
  'Mutation.orderCancel': { audience: OWNERS, rule: 'own-customer' },
  // Issue 25: "Pay now": a new payment page for an order waiting for payment (the customer's own).
  'Mutation.orderPay': { audience: OWNERS, rule: 'own-customer' },
  'Mutation.orderRefund': { audience: ADMIN, rule: 'tenant' },
  // Issue 19: invoices and credit notes: staff the agency's, a customer its own (row rule in PostgreSQL).
  'Query.invoices': { audience: OWNERS, rule: 'own-customer' },
  'Query.invoice': { audience: OWNERS, rule: 'own-customer' },
  'Query.invoiceExport': { audience: STAFF, rule: 'tenant' },
  'Query.basAccounts': { audience: STAFF, rule: 'tenant' },
  'Mutation.basAccountsSet': { audience: ADMIN, rule: 'tenant' },
  // Issue 19, pay by invoice: staff issue and mark paid and import BgMax; the buyer pays an open invoice by card.
  'Mutation.orderIssueInvoice': { audience: STAFF, rule: 'tenant' },
  'Mutation.invoiceMarkPaid': { audience: STAFF, rule: 'tenant' },
  'Mutation.invoicePay': { audience: OWNERS, rule: 'own-customer' },
  'Mutation.bgmaxImport': { audience: STAFF, rule: 'tenant' },
  'Query.bgmaxImports': { audience: STAFF, rule: 'tenant' },
  'Query.bgmaxImport': { audience: STAFF, rule: 'tenant' },
  'Query.subscriptions': { audience: OWNERS, rule: 'own-customer' },
  'Query.subscription': { audience: OWNERS, rule: 'own-customer' },
  'Mutation.subscriptionCancel': { audience: OWNERS, rule: 'own-customer' },
  'Mutation.subscriptionChangePaymentMethod': { audience: OWNERS, rule: 'own-customer' },
  // Consents and marketing (P12–P17, P22, P32): staff keep the records; the person decides for themselves.
  'Query.processingPurposes': { audience: OWNERS, rule: 'tenant' },
  'Query.processingPurpose': { audience: STAFF, rule: 'tenant' },
  // Issue 23: a purpose's basis and retention period are the agency's policy (as the processor register and policy versions): admins.
  'Mutation.processingPurposeUpdate': { audience: ADMIN, rule: 'tenant' },
  'Query.consentEvents': { audience: STAFF, rule: 'tenant' },
  'Query.contactConsents': { audience: STAFF, rule: 'tenant' },
  'Mutation.consentRecord': { audience: STAFF, rule: 'tenant' },
  'Query.myConsents': { audience: ['CUSTOMER'], rule: 'self' },
  'Query.myConsentHistory': { audience: ['CUSTOMER'], rule: 'self' },
  // Issue 25: whether her consent asks her age (private individuals only).
  'Query.myConsentAsksAge': { audience: ['CUSTOMER'], rule: 'self' },
  'Mutation.myConsentSet': { audience: ['CUSTOMER'], rule: 'self' },
  'Mutation.newsletterSubscribe': { audience: 'PUBLIC', rule: 'none' },
  'Mutation.newsletterConfirm': { audience: 'PUBLIC', rule: 'none' },
  'Query.cookiePreferences': { audience: 'PUBLIC', rule: 'none' },
  'Mutation.cookiePreferencesSet': { audience: 'PUBLIC', rule: 'none' },
  'Query.myCookiePreferences': { audience: ['CUSTOMER'], rule: 'self' },
  'Mutation.myCookiePreferencesSet': { audience: ['CUSTOMER'], rule: 'self' },
  'Query.policyVersions': { audience: OWNERS, rule: 'tenant' },
  'Mutation.policyVersionCreate': { audience: STAFF, rule: 'tenant' },
  'Mutation.policyVersionPublish': { audience: ADMIN, rule: 'tenant' },
  'Query.myPolicyAcceptances': { audience: ['CUSTOMER'], rule: 'self' },
  'Mutation.policyAccept': { audience: ['CUSTOMER'], rule: 'self' },
  'Mutation.marketingSend': { audience: STAFF, rule: 'tenant' },
  'Query.marketingCampaigns': { audience: STAFF, rule: 'tenant' },
  'Query.marketingCampaign': { audience: STAFF, rule: 'tenant' },
  // Records the law asks for (P19, P23, P24, S26): admins keep them; staff read processors and breaches.
  'Query.processors': { audience: STAFF, rule: 'tenant' },
  'Query.processor': { audience: STAFF, rule: 'tenant' },
  'Query.processorsCsv': { audience: STAFF, rule: 'tenant' },
  'Mutation.processorCreate': { audience: ADMIN, rule: 'tenant' },
  'Mutation.processorUpdate': { audience: ADMIN, rule: 'tenant' },
  'Mutation.processorDelete': { audience: ADMIN, rule: 'tenant' },
  'Query.disclosures': { audience: ADMIN, rule: 'tenant' },
  'Query.disclosure': { audience: ADMIN, rule: 'tenant' },
  'Mutation.disclosureCreate': { audience: ADMIN, rule: 'tenant' },
  'Query.breaches': { audience: STAFF, rule: 'tenant' },
  'Query.breach': { audience: STAFF, rule: 'tenant' },
  'Mutation.breachCreate': { audience: ADMIN, rule: 'tenant' },
  'Mutation.breachUpdate': { audience: ADMIN, rule: 'tenant' },
  // P11: the agency's sites report page views without a login; staff read the log.
  'Query.visits': { audience: STAFF, rule: 'tenant' },
  'Mutation.visitRecord': { audience: 'PUBLIC', rule: 'none' },
  // P5: staff write surveys and read answers; customers answer in the portal; anyone on the public page.
  'Query.surveys': { audience: OWNERS, rule: 'tenant' },
  'Query.survey': { audience: OWNERS, rule: 'tenant' },
  'Query.surveyPublic': { audience: 'PUBLIC', rule: 'none' },
  'Query.surveyResponses': { audience: STAFF, rule: 'tenant' },
  'Mutation.surveyCreate': { audience: STAFF, rule: 'tenant' },
  'Mutation.surveyUpdate': { audience: STAFF, rule: 'tenant' },
  'Mutation.surveyAnswer': { audience: ['CUSTOMER'], rule: 'own-customer' },
  'Mutation.surveyAnswerPublic': { audience: 'PUBLIC', rule: 'none' },
} as const satisfies Record<string, Permission>;

export type OperationName = keyof typeof PERMISSIONS;

/** Restricted fields: reachable only by these roles even where the parent object is visible. */
export const FIELD_PERMISSIONS = {
  'User.lastLoginAt': STAFF,
  // Issue 25: an invitation just made: whether its mail is queued, and (outside production) its link.
  'User.invitationQueued': STAFF,
  'User.invitationLink': STAFF,
  // A contractor sees a customer's name and its contacts' name, e-mail and phone: what the work needs.
  'Customer.organisationNumber': OWNERS,
  'Customer.notes': STAFF,
  // Issue 19: billing details (VAT by buyer, the invoice address): staff and the customer.
  'Customer.buyerType': OWNERS,
  'Customer.vatNumber': OWNERS,
  'Customer.addressLine1': OWNERS,
  'Customer.postalCode': OWNERS,
  'Customer.city': OWNERS,
  'Contact.postalCode': OWNERS,
  'Contact.country': OWNERS,
  'Contact.socialIdentities': OWNERS,
  'Contact.notes': STAFF,
  // Privacy state of a person: staff and the person, never contractors.
  'Contact.processingRestrictedAt': OWNERS,
  'Contact.marketingObjectedAt': OWNERS,
  'Contact.ageConfirmed': OWNERS,
  'Contact.minorStatus': OWNERS,
  'Contact.minorFlaggedAt': OWNERS,
  'Contact.minorErasureDueAt': OWNERS,
  'Contact.parentalConsent': OWNERS,
  'Contact.erasedAt': OWNERS,
  // Orders are for staff and the customer who bought (as Query.orders).
  'Customer.latestOrders': OWNERS,
  // Issue 25, the customer page: its invoices and subscriptions (as their lists), its audit trail (admins).
  'Customer.latestInvoices': OWNERS,
  'Customer.subscriptions': OWNERS,
  'Customer.recentActivity': ADMIN,
  'Site.latestOrders': OWNERS,
  'Order.invoices': OWNERS,
  'Site.assignments': STAFF,
  'Site.credentials': WORKERS,
  // Issue 20: who revealed a site's credentials: its customer and staff.
  'Site.credentialAccess': OWNERS,
  'SiteCredential.notes': WORKERS,
  // Issue 25: where a backup is stored (s3://…) is the agency's internals, for those who restore it.
  'SiteBackup.location': WORKERS,
  'ServicePackage.prices': OWNERS,
  'SupportTicket.passwordFlagged': WORKERS,
  'TicketMessage.passwordHints': WORKERS,
  'TicketMessage.internal': WORKERS,
  // Issue 18: the entries are for the people who work; a customer reads its monthly totals only.
  'SupportTicket.timeEntries': WORKERS,
  'Customer.supportHours': OWNERS,
  // Issue 17: how the agency's mail leaves and arrives (never a secret: set / last 4 / verified at).
  'Tenant.smtpRelay': ADMIN,
  'Tenant.inboundEmailTokenSet': ADMIN,
  'Tenant.paymentAccounts': ADMIN,
} as const satisfies Record<string, readonly Role[]>;

/**
 * Restricted fields about one person (a contact's privacy state): of the roles above, a CUSTOMER
 * login reads them on its own contact only, never a colleague's; staff read them on everyone.
 */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  'Contact.processingRestrictedAt',
  'Contact.marketingObjectedAt',
  'Contact.ageConfirmed',
  'Contact.minorStatus',
  'Contact.minorFlaggedAt',
  'Contact.minorErasureDueAt',
  'Contact.parentalConsent',
  'Contact.erasedAt',
  'Contact.legalBases',
]);

export function permissionOf(coordinate: string): Permission | undefined {
  return (PERMISSIONS as Record<string, Permission>)[coordinate];
}

export function mayReach(audience: Audience, role: Role | undefined): boolean {
  if (audience === 'PUBLIC') return true;
  if (!role) return false;
  if (audience === 'AUTHENTICATED') return true;
  return audience.includes(role);
}
