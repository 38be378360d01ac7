// The Swedish of ticketWorkMessages.ts: the same keys (the `Messages` type checks it at compile time).
import type { Messages } from './types';
import type { ticketWorkEnglish } from './ticketWorkMessages';

export const ticketWorkSwedish: Messages<typeof ticketWorkEnglish> = {
  sitecare: {
    ticket_time: {
      title: 'Nedlagd tid',
      empty: 'Ingen tid registrerad än.',
      minutes: 'Minuter',
      note: 'Vad som gjordes',
      add: 'Registrera tid',
      added: 'Tiden har registrerats',
      total: 'Totalt: %{time}',
      by: '%{name}, %{date}',
    },
    attachments: {
      label: 'Bilagor',
      choose: 'Bifoga filer…',
      help: 'Bilder, PDF, kontorsdokument, arkiv eller text; högst 10 MB per fil och 5 per meddelande.',
      chosen: '%{count} fil vald |||| %{count} filer valda',
      remove: 'Ta bort %{name}',
      failed: '%{name} kunde inte bifogas: %{reason}',
      download: 'Ladda ner %{name} (%{size})',
    },
    support_hours: {
      title: 'Supporttimmar',
      month: 'Månad',
      used: 'Använt',
      included: 'Ingår',
      none_included: 'Inga supporttimmar i skötselpaketet',
      over: '%{time} över',
      summary: '%{used} av %{included} använt denna månad',
    },
  },
};
