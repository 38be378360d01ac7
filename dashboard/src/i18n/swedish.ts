// Every Swedish UI message: react-admin's (ra.*, translated in swedishMessages.ts) and Sitecare's.
// Loaded on demand (see messages.ts), so a browser downloads only the language it shows.
import type { TranslationMessages } from 'react-admin';

import { sitecareSwedish } from './sitecareMessages.sv';
import { swedishMessages } from './swedishMessages';

const swedish: TranslationMessages = { ...swedishMessages, ...sitecareSwedish };
export default swedish;
