// Swedish or English. The first visit follows the browser; after login, the person's preferred
// language; a language picked with a language menu wins over both and is remembered in this
// browser (see store.ts). The app bar's language menu shows because getLocales() returns both.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';

import { type Locale, locales, messages } from '../i18n/messages';
import { chosenLocale } from './store';

const browserLocale = (): Locale =>
  typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('sv') ? 'sv' : 'en';

const isLocale = (locale: string): locale is Locale => Object.hasOwn(messages, locale);

// Keeps <html lang> in step, so screen readers pronounce the page in the right language.
const setDocumentLanguage = (locale: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
};

const polyglot = polyglotI18nProvider(
  (locale) => messages[isLocale(locale) ? locale : 'en'],
  chosenLocale() ?? browserLocale(),
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
