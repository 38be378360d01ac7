// Every English UI message: react-admin's own (ra.*) and Sitecare's (sitecare.*). Loaded on demand
// (see messages.ts), so a browser downloads only the language it shows.
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

import { sitecareEnglish } from './sitecareMessages';

const english: TranslationMessages = { ...englishMessages, ...sitecareEnglish };
export default english;
