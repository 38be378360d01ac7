// All UI messages per locale: react-admin's own (ra.*) and Sitecare's (sitecare.*).
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

import { sitecareEnglish, sitecareSwedish } from './sitecareMessages';
import { swedishMessages } from './swedishMessages';

export type Locale = 'en' | 'sv';

export const locales: { locale: Locale; name: string }[] = [
  { locale: 'en', name: 'English' },
  { locale: 'sv', name: 'Svenska' },
];

export const messages: Record<Locale, TranslationMessages> = {
  en: { ...englishMessages, ...sitecareEnglish },
  sv: { ...swedishMessages, ...sitecareSwedish },
};
