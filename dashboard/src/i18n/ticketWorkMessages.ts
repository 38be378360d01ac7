// Messages of time on tickets, attachments and support hours (issue 18), merged into
// sitecareMessages.ts. English is the reference; Swedish must have the same shape (checked below).

export const ticketWorkEnglish = {
  sitecare: {
    ticket_time: {
      title: 'Time spent',
      empty: 'No time logged yet.',
      minutes: 'Minutes',
      note: 'What was done',
      add: 'Log time',
      added: 'The time has been logged',
      total: 'Total: %{time}',
      by: '%{name}, %{date}',
    },
    attachments: {
      label: 'Attachments',
      choose: 'Attach files…',
      help: 'Images, PDF, office documents, archives or text; at most 10 MB each and 5 per message.',
      chosen: '%{count} file chosen |||| %{count} files chosen',
      remove: 'Remove %{name}',
      failed: '%{name} could not be attached: %{reason}',
      download: 'Download %{name} (%{size})',
    },
    support_hours: {
      title: 'Support hours',
      month: 'Month',
      used: 'Used',
      included: 'Included',
      none_included: 'No support hours in the care package',
      over: 'Over by %{time}',
      summary: '%{used} of %{included} used this month',
    },
  },
};

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

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
      none_included: 'Inga supporttimmar i serviceavtalet',
      over: '%{time} över',
      summary: '%{used} av %{included} använt denna månad',
    },
  },
};
