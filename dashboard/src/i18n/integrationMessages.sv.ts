// The Swedish of integrationMessages.ts: the same keys (the `Messages` type checks it at compile time).
import type { Messages } from './types';
import type { integrationsEnglish } from './integrationMessages';

export const integrationsSwedish: Messages<typeof integrationsEnglish> = {
  sitecare: {
    integrations: {
      shown_once: 'Kopiera den nu: den visas bara den här gången.',
      none: 'Inga ännu.',
      keys: {
        title: 'API-nycklar',
        help: 'Ett annat system anropar Sitecare med en nyckel som "Authorization: Bearer …". En nyckel agerar som en anställd på byrån (aldrig som administratör), för din räkning; allt den gör loggas med dess namn.',
        name: 'Namn',
        expires: 'Går ut (valfritt)',
        create: 'Skapa en nyckel',
        revoke: 'Återkalla',
        revoked: 'återkallad %{when}',
        expires_at: 'går ut %{when}',
        last_used: 'senast använd %{when}',
        never_used: 'aldrig använd',
        role: 'Roll',
        role_EMPLOYEE: 'Anställd (läser och skriver)',
        role_READONLY: 'Bara läsa',
        role_EMPLOYEE_help: 'Läser och ändrar det en anställd får.',
        role_READONLY_help: 'Läser det en anställd får; varje ändring nekas.',
        new_key: 'Ny nyckel',
      },
      hooks: {
        title: 'Webhooks',
        help: 'Sitecare skickar signerade händelser (Standard Webhooks) till de här HTTPS-adresserna efter varje ändring, med nya försök i ungefär ett dygn. Bara id:n och ändrade fält skickas, aldrig personuppgifter.',
        url: 'Adress (https://…)',
        events: 'Händelser',
        create: 'Lägg till ändpunkten',
        secret: 'Signeringshemlighet',
        rotate: 'Ny hemlighet',
        rotate_help: 'Den gamla hemligheten signerar vid sidan av den nya i 24 timmar.',
        remove: 'Ta bort',
        enable: 'Slå på',
        disable: 'Stäng av',
        log: 'Leveranslogg',
        replay: 'Skicka igen',
        status: { ACTIVE: 'Fungerar', FAILING: 'Felar', off: 'Avstängd' },
        delivery: '%{event}: %{status}, %{attempts} försök, svar %{code}, %{when}',
        no_deliveries: 'Inget skickat ännu.',
      },
      website: {
        title: 'Er webbplats',
        help: 'Webbläsare på de här ursprungen får skicka kontaktformulär, nyhetsbrevsanmälningar, cookieval, besök, support- och integritetsförfrågningar och beställningar till Sitecare, utan cookies.',
        origins: 'Ursprung, ett per rad (t.ex. https://www.example.com)',
        save: 'Spara ursprungen',
        saved: 'Ursprungen har sparats',
        snippet: 'Kontaktformulär för er webbplats',
        snippet_help: 'Klistra in det här på en sida på er webbplats (dess ursprung måste finnas i listan ovan).',
      },
    },
  },
};
