// The Swedish of portalDayMessages.ts: the same keys (the `Messages` type checks it at compile time).
import type { Messages } from './types';
import type { portalDayEnglish } from './portalDayMessages';

export const portalDaySwedish: Messages<typeof portalDayEnglish> = {
  sitecare: {
    order_cancel: {
      button: 'Avbryt beställningen',
      title: 'Avbryta beställning %{number}?',
      content: 'Beställningen avbryts och kan inte längre betalas. Inget har dragits.',
      confirm: 'Avbryt beställningen',
      done: 'Beställning %{number} är avbruten.',
    },
  },
};
