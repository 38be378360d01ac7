// The Swedish of attentionMessages.ts: the same keys (the `Messages` type checks it at compile time).
import type { Messages } from './types';
import type { attentionEnglish } from './attentionMessages';

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
