// The Swedish of signinMessages.ts: the same keys (the `Messages` type checks it at compile time).
import type { Messages } from './types';
import type { signinEnglish } from './signinMessages';

export const signinSwedish: Messages<typeof signinEnglish> = {
  sitecare: {
    second_factor: {
      title: 'Tvåstegsverifiering',
      login_title: 'Tvåstegsverifiering',
      login_help: 'Ange den sexsiffriga koden från din autentiseringsapp, eller en av dina reservkoder.',
      code: 'Kod',
      code_help: 'Sex siffror, eller en reservkod som ABCD-EFGH-IJKL-MNOP',
      verify: 'Verifiera',
      other_account: 'Logga in som någon annan',
      enter_code: 'Ange koden från din autentiseringsapp',
      wrong_code: 'Koden är fel eller har redan använts',
      wrong_password: 'Lösenordet är fel',
      rate_limited: 'För många försök: vänta en stund och försök igen',
      setup_title: 'Ställ in tvåstegsverifiering',
      required_notice: 'Din byrå kräver tvåstegsverifiering för din roll. Ställ in den för att fortsätta.',
      setup_intro:
        'Använd en autentiseringsapp (till exempel Microsoft Authenticator, Google Authenticator, 1Password eller Bitwarden) för att lägga till ett andra steg i inloggningen.',
      setup_start: 'Ställ in en autentiseringsapp',
      scan: 'Skanna QR-koden med din autentiseringsapp och ange sedan koden den visar.',
      qr_alt: 'QR-kod för din autentiseringsapp',
      manual: 'Eller skriv in den här nyckeln i appen:',
      confirm: 'Bekräfta',
      enabled: 'Tvåstegsverifiering är påslagen.',
      recovery_codes: 'Reservkoder',
      recovery_help:
        'Spara reservkoderna på ett säkert ställe. Var och en fungerar en gång om du blir av med telefonen. De visas bara nu.',
      saved_codes: 'Jag har sparat koderna',
      status_on: 'På: en autentiseringsapp; %{count} reservkoder kvar.',
      status_off: 'Av: du loggar in med bara lösenordet.',
      status_required: 'Din byrå kräver det för din roll.',
      remove: 'Ta bort autentiseringsappen',
      removed: 'Autentiseringsappen har tagits bort',
      step_up_title: 'Bekräfta att det är du',
      step_up_help: 'Ange en kod från din autentiseringsapp (eller en reservkod) för att fortsätta.',
      step_up_password: 'Ange ditt lösenord för att fortsätta.',
      roles_help:
        'Roller vars användare måste logga in med en autentiseringsapp. De ställer in den vid nästa inloggning.',
      roles_save: 'Uppdatera kravet',
      roles_saved: 'Kraven på tvåstegsverifiering har sparats',
      reset: 'Återställ tvåstegsverifiering',
      reset_confirm:
        'Ta bort autentiseringsappen och reservkoderna för %{name} och logga ut hen överallt? Hen får ett e-postmeddelande om det.',
      reset_done: 'Tvåstegsverifieringen för %{name} har återställts',
    },
  },
};
