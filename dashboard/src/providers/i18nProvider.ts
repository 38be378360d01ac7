// Swedish or English. The first visit follows the browser; after that react-admin's store
// remembers the choice made with the language menu in the app bar (it shows because
// getLocales() returns both).
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';

import { type Locale, locales, messages } from '../i18n/messages';

const browserLocale = (): Locale =>
  typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('sv') ? 'sv' : 'en';

const isLocale = (locale: string): locale is Locale => Object.hasOwn(messages, locale);

// Keeps <html lang> in step, so screen readers pronounce the page in the right language.
const setDocumentLanguage = (locale: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
};

const polyglot = polyglotI18nProvider(
  (locale) => messages[isLocale(locale) ? locale : 'en'],
  browserLocale(),
  locales,
  { allowMissing: true },
);

setDocumentLanguage(polyglot.getLocale());

export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    await polyglot.changeLocale(locale, options);
    setDocumentLanguage(locale);
  },
};
