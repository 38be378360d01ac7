// The Swedish of subscriptionMessages.ts: the same keys (the `Messages` type checks it at compile time).
import type { Messages } from './types';
import type { subscriptionEnglish } from './subscriptionMessages';

export const subscriptionSwedish: Messages<typeof subscriptionEnglish> = {
  sitecare: {
    subscription_status: { ACTIVE: 'Aktivt', PAST_DUE: 'Förfallet', CANCELLED: 'Uppsagt' },
    subscriptions: {
      my_subscriptions: 'Mina abonnemang',
      consent: 'Samtycke till återkommande betalningar',
      cancel: 'Säg upp abonnemanget',
      cancel_title: 'Säga upp abonnemanget på %{name}?',
      cancel_content:
        'Abonnemanget förnyas inte. Den redan betalda perioden löper till %{end}, och tjänsten fortsätter till dess.',
      cancel_reason: 'Anledning (valfri)',
      cancel_done: 'Abonnemanget har sagts upp',
      change_method: 'Byt betalsätt',
      method_updated: 'Det nya betalsättet är sparat; förnyelser dras från det',
      method_not_changed: 'Betalsättet ändrades inte',
      price: '%{amount} %{per} exkl. moms',
      ends: 'Upphör',
    },
  },
  resources: {
    subscriptions: {
      name: 'Abonnemang |||| Abonnemang',
      empty: 'Inga abonnemang.',
      fields: {
        servicePackage: 'Skötselpaket',
        customer: 'Kund',
        interval: 'Fakturering',
        status: 'Status',
        currency: 'Valuta',
        provider: 'Betaltjänst',
        paymentMethodOnFile: 'Betalsätt sparat för förnyelser',
        currentPeriodStart: 'Nuvarande period från',
        currentPeriodEnd: 'Nuvarande period till',
        nextRenewalAt: 'Nästa förnyelse',
        price: 'Pris',
        nextCharge: 'Nästa debitering',
        cancelledAt: 'Uppsagt den',
        cancelReason: 'Anledning till uppsägningen',
        createdAt: 'Startat',
        recurringConsent: {
          givenAt: 'Givet',
          wording: 'Visad text',
          ip: 'IP-adress',
          userAgent: 'Webbläsare',
        },
      },
    },
  },
};
