// react-admin's store (preferences in localStorage), and the one preference that outlives logout:
// the language a person picked in this browser. react-admin clears its store on logout, so that
// choice is kept under its own key.
import { localStorageStore } from 'react-admin';

import { type Locale, locales } from '../i18n/messages';

export const store = localStorageStore(undefined, 'Sitecare');

const CHOSEN_LOCALE_KEY = 'sitecare.locale';

const isLocale = (value: unknown): value is Locale => locales.some(({ locale }) => locale === value);

/** The language picked with a language menu in this browser, if any. */
export function chosenLocale(): Locale | undefined {
  try {
    const value = window.localStorage.getItem(CHOSEN_LOCALE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined; // storage blocked: nothing was remembered
  }
}

// Every write of the store's `locale` is a person's choice (react-admin's language menu, the login
// page's language buttons, the profile page), except the one followPreferredLanguage makes.
let followingProfile = false;
store.subscribe('locale', (value: unknown) => {
  if (followingProfile || !isLocale(value)) return;
  try {
    window.localStorage.setItem(CHOSEN_LOCALE_KEY, value);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
});

/** After login: speak the person's preferred language, unless they picked one in this browser. */
export function followPreferredLanguage(language: string | undefined): void {
  if (chosenLocale() || !isLocale(language)) return;
  followingProfile = true;
  try {
    store.setItem('locale', language);
  } finally {
    followingProfile = false;
  }
}
