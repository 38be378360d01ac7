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
