// Choices for the API's enums, labelled through i18n (SelectInput translates `name`).
import { ROLES, SUPPORTED_LANGUAGES } from '@sitecare/schema';

export const USER_STATUSES = ['ACTIVE', 'INVITED', 'DISABLED'] as const;
export const AUDIT_OUTCOMES = ['ALLOWED', 'DENIED', 'FAILED'] as const;
export const SITE_PLATFORMS = ['WORDPRESS', 'WOOCOMMERCE', 'WEBFLOW', 'STATIC', 'OTHER'] as const;
export const SITE_STATUSES = ['ACTIVE', 'PAUSED', 'ENDED'] as const;
export const CREDENTIAL_KINDS = ['CMS_ADMIN', 'SFTP', 'SSH', 'HOSTING_PANEL', 'DNS', 'DATABASE', 'OTHER'] as const;

const choices = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));

export const roleChoices = choices(ROLES, 'sitecare.roles');
export const userStatusChoices = choices(USER_STATUSES, 'sitecare.user_status');
export const languageChoices = choices(SUPPORTED_LANGUAGES, 'sitecare.languages');
export const auditOutcomeChoices = choices(AUDIT_OUTCOMES, 'sitecare.audit_outcome');
export const sitePlatformChoices = choices(SITE_PLATFORMS, 'sitecare.site_platform');
export const siteStatusChoices = choices(SITE_STATUSES, 'sitecare.site_status');
export const credentialKindChoices = choices(CREDENTIAL_KINDS, 'sitecare.credential_kind');

export const TICKET_STATUSES = ['NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED'] as const;
export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export const LEAD_STATUSES = ['NEW', 'CONTACTED', 'CONVERTED', 'ARCHIVED'] as const;
export const ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'CANCELLED', 'REFUNDED'] as const;
export const BILLING_INTERVALS = ['MONTHLY', 'YEARLY'] as const;
export const CURRENCIES = ['SEK', 'EUR', 'USD'] as const;

export const ticketStatusChoices = choices(TICKET_STATUSES, 'sitecare.ticket_status');
export const ticketPriorityChoices = choices(TICKET_PRIORITIES, 'sitecare.ticket_priority');
export const leadStatusChoices = choices(LEAD_STATUSES, 'sitecare.lead_status');
export const orderStatusChoices = choices(ORDER_STATUSES, 'sitecare.order_status');
export const billingIntervalChoices = choices(BILLING_INTERVALS, 'sitecare.billing_interval');
export const currencyChoices = CURRENCIES.map((id) => ({ id, name: id }));

export const SUBSCRIPTION_STATUSES = ['ACTIVE', 'PAST_DUE', 'CANCELLED'] as const;
export const subscriptionStatusChoices = choices(SUBSCRIPTION_STATUSES, 'sitecare.subscription_status');
