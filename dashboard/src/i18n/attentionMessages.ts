// Messages of the staff home page ("what needs attention"), merged into sitecareMessages.ts.
// English is the reference; Swedish must have the same shape (checked at compile time below).

export const attentionEnglish = {
  sitecare: {
    attention: {
      title: 'What needs attention',
      loading: 'Loading…',
      error: 'Could not load this right now.',
      received: 'Received %{date}',
      due: 'First reply due %{date}',
      ordered: 'Ordered %{date}',
      no_backup: 'No backup yet',
      last_backup: 'Last backup %{date}',
      first_page: 'Among the first %{count} active sites.',
      leads: {
        title: 'New leads',
        count: 'new lead |||| new leads',
        empty: 'No new leads',
        all: 'All new leads',
      },
      tickets: {
        title: 'Open tickets by due time',
        count: 'open ticket |||| open tickets',
        overdue_count: '%{smart_count} overdue',
        empty: 'No open tickets',
        all: 'All open tickets',
      },
      payments: {
        title: 'Payments that need a look',
        count: 'order awaiting payment |||| orders awaiting payment',
        oldest: 'Oldest: order %{number}',
        past_due: 'Past-due subscriptions: %{smart_count}',
        empty: 'All payments are in order',
        all_orders: 'Orders awaiting payment',
        all_subscriptions: 'Past-due subscriptions',
      },
      backups: {
        title: 'Sites with stale backups',
        count: 'site without a backup in 2 days |||| sites without a backup in 2 days',
        empty: 'Every active site has a backup from the last 2 days',
        all: 'All active sites',
      },
    },
  },
} as const;

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const attentionSwedish: Messages<typeof attentionEnglish> = {
  sitecare: {
    attention: {
      title: 'Det här behöver uppmärksamhet',
      loading: 'Hämtar…',
      error: 'Det gick inte att hämta just nu.',
      received: 'Mottagen %{date}',
      due: 'Första svar senast %{date}',
      ordered: 'Beställd %{date}',
      no_backup: 'Ingen säkerhetskopia ännu',
      last_backup: 'Senaste säkerhetskopia %{date}',
      first_page: 'Bland de första %{count} aktiva webbplatserna.',
      leads: {
        title: 'Nya förfrågningar',
        count: 'ny förfrågan |||| nya förfrågningar',
        empty: 'Inga nya förfrågningar',
        all: 'Alla nya förfrågningar',
      },
      tickets: {
        title: 'Öppna ärenden efter svarstid',
        count: 'öppet ärende |||| öppna ärenden',
        overdue_count: '%{smart_count} försenade',
        empty: 'Inga öppna ärenden',
        all: 'Alla öppna ärenden',
      },
      payments: {
        title: 'Betalningar att titta på',
        count: 'beställning väntar på betalning |||| beställningar väntar på betalning',
        oldest: 'Äldst: beställning %{number}',
        past_due: 'Förfallna abonnemang: %{smart_count}',
        empty: 'Alla betalningar är i ordning',
        all_orders: 'Beställningar som väntar på betalning',
        all_subscriptions: 'Förfallna abonnemang',
      },
      backups: {
        title: 'Webbplatser med gamla säkerhetskopior',
        count: 'webbplats utan säkerhetskopia på 2 dagar |||| webbplatser utan säkerhetskopia på 2 dagar',
        empty: 'Alla aktiva webbplatser har en säkerhetskopia från de senaste 2 dagarna',
        all: 'Alla aktiva webbplatser',
      },
    },
  },
};
