// Choices for the API's enums, labelled through i18n (SelectInput translates `name`).
import { ROLES, SUPPORTED_LANGUAGES } from '@sitecare/schema';

export const USER_STATUSES = ['ACTIVE', 'INVITED', 'DISABLED'] as const;
export const AUDIT_OUTCOMES = ['ALLOWED', 'DENIED', 'FAILED'] as const;

const choices = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));

export const roleChoices = choices(ROLES, 'sitecare.roles');
export const userStatusChoices = choices(USER_STATUSES, 'sitecare.user_status');
export const languageChoices = choices(SUPPORTED_LANGUAGES, 'sitecare.languages');
export const auditOutcomeChoices = choices(AUDIT_OUTCOMES, 'sitecare.audit_outcome');
