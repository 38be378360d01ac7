// Subjects of the mail Sitecare sends, in Swedish and English. Bodies arrive with the mail sender.
import type { SupportedLanguage } from '@sitecare/schema';

const SUBJECTS = {
  'user.invitation': {
    sv: 'Du är inbjuden till %{agency} i Sitecare',
    en: 'You are invited to %{agency} on Sitecare',
  },
  'user.password_reset': {
    sv: 'Återställ ditt lösenord hos %{agency}',
    en: 'Reset your password at %{agency}',
  },
} as const satisfies Record<string, Record<SupportedLanguage, string>>;

export type MailTemplate = keyof typeof SUBJECTS;

export function renderSubject(
  template: MailTemplate,
  language: SupportedLanguage,
  vars: Record<string, unknown>,
): string {
  return SUBJECTS[template][language].replace(/%\{(\w+)\}/g, (_, key: string) => String(vars[key] ?? ''));
}
