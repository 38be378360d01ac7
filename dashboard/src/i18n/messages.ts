// The UI's languages. Each language's messages are a chunk of their own (english.ts, swedish.ts),
// loaded when the language is first shown: the login page carries one language, not both.
import type { TranslationMessages } from 'react-admin';

export type Locale = 'en' | 'sv';

export const locales: { locale: Locale; name: string }[] = [
  { locale: 'en', name: 'English' },
  { locale: 'sv', name: 'Svenska' },
];

export const isLocale = (locale: string): locale is Locale => locales.some((l) => l.locale === locale);

export async function loadMessages(locale: Locale): Promise<TranslationMessages> {
  return (locale === 'sv' ? await import('./swedish') : await import('./english')).default;
}
