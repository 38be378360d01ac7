// Choices of the consent enums, labelled through i18n (consentMessages.ts).
export const CONSENT_DECISIONS = ['GRANTED', 'WITHDRAWN'] as const;
export const CONSENT_CHANNELS = ['EMAIL', 'SMS', 'PHONE', 'SOCIAL', 'WEB'] as const;
export const PURPOSE_KEYS = [
  'newsletter',
  'targeted_ads',
  'profiling',
  'service_delivery',
  'analytics',
  'email_tracking',
  'surveys',
] as const;

const choices = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));

export const consentDecisionChoices = choices(CONSENT_DECISIONS, 'sitecare.consent_decision');
export const purposeChoices = choices(PURPOSE_KEYS, 'sitecare.purpose');
