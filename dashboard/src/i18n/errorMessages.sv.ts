// The Swedish of errorMessages.ts: the same keys (the `Messages` type checks it at compile time).
import type { Messages } from './types';
import type { errorEnglish } from './errorMessages';

export const errorSwedish: Messages<typeof errorEnglish> = {
  sitecare: {
    api_errors: {
      NETWORK_ERROR: 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.',
      INTERNAL_SERVER_ERROR: 'Något gick fel på servern. Försök igen om en stund.',
      SERVICE_UNAVAILABLE: 'Tjänsten är inte tillgänglig just nu. Försök igen om en stund.',
      UNAUTHENTICATED: 'Din session har upphört. Logga in igen.',
      FORBIDDEN: 'Du har inte behörighet till det här.',
      NOT_FOUND: 'Det här hittades inte. Det kan ha tagits bort.',
      BAD_USER_INPUT: 'Kontrollera fälten som är markerade med rött.',
      RATE_LIMITED: 'För många förfrågningar. Vänta en stund och försök igen.',
      STEP_UP_REQUIRED: 'Bekräfta att det är du först.',
      SECOND_FACTOR_REQUIRED: 'Ange koden från din autentiseringsapp först.',
      SECOND_FACTOR_SETUP_REQUIRED: 'Byrån kräver tvåstegsinloggning. Lägg till den först.',
    },
    invite_notice: {
      sent: 'Inbjudan till %{email} är på väg.',
      queued:
        'Inbjudan till %{email} står i kö: ingen e-postserver är inställd (SMTP_URL), så den ligger under Skickad e-post och levereras inte.',
      link_label: 'Inbjudningslänk (endast under utveckling): lämna den vidare själv',
      copy: 'Kopiera länk',
      copied: 'Länken är kopierad',
    },
    load_error: {
      title: 'Det gick inte att hämta',
      retry: 'Försök igen',
    },
    field_errors: {
      isEmail: 'Ange en giltig e-postadress, t.ex. namn@exempel.se.',
      isUrl: 'Ange en fullständig webbadress, t.ex. https://exempel.se.',
      isDomain: 'Ange ett domännamn, t.ex. exempel.se.',
      isPhoneNumber: 'Ange ett telefonnummer, t.ex. 070-123 45 67 eller +46 70 123 45 67.',
      isCountryCode: 'Välj ett land.',
      isTimeZone: 'Välj en tidszon.',
      isUUID: 'Välj en i listan.',
      isEnum: 'Välj ett av alternativen.',
      isIn: 'Välj ett av alternativen.',
      isInt: 'Ange ett heltal.',
      min: 'Talet är för litet.',
      max: 'Talet är för stort.',
      isBoolean: 'Svara ja eller nej.',
      isDate: 'Ange ett datum.',
      isString: 'Skriv en text.',
      length: 'Texten är för kort eller för lång.',
      minLength: 'Texten är för kort.',
      maxLength: 'Texten är för lång.',
      matches: 'Det här har inte rätt form.',
      arrayMinSize: 'Välj minst en.',
      arrayMaxSize: 'För många valda.',
      equals: 'Det här måste godkännas.',
      orderNotCancellable:
        'Bara en beställning som väntar på betalning kan avbrytas; en betald beställning återbetalar vi.',
      orderNotPayable:
        'Bara en beställning som väntar på betalning kan betalas här; en fakturerad betalas via sin faktura.',
    },
  },
};
