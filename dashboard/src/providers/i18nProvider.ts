// Swedish or English. The first visit follows the browser; after login, the person's preferred
// language; a language picked with a language menu wins over both and is remembered in this
// browser (see store.ts). The app bar's language menu shows because getLocales() returns both.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';

import { isLocale, type Locale, loadMessages, locales } from '../i18n/messages';
import { chosenLocale } from './store';

const browserLocale = (): Locale =>
  typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('sv') ? 'sv' : 'en';

// Keeps <html lang> in step, so screen readers pronounce the page in the right language.
const setDocumentLanguage = (locale: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
};

/**
 * The provider, once the first language's messages are here (main.tsx waits for it before the first
 * render); another language's messages load when it is picked.
 */
export async function loadI18nProvider(): Promise<I18nProvider> {
  const initial = chosenLocale() ?? browserLocale();
  const initialMessages = await loadMessages(initial);
  const polyglot = polyglotI18nProvider(
    (locale) => (locale === initial ? initialMessages : loadMessages(isLocale(locale) ? locale : 'en')),
    initial,
    locales,
    { allowMissing: true },
  );
  setDocumentLanguage(polyglot.getLocale());
  return {
    ...polyglot,
    changeLocale: async (locale, options) => {
      await polyglot.changeLocale(locale, options);
      setDocumentLanguage(locale);
    },
  };
}
