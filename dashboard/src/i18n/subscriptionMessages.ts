// Messages of care-package subscriptions, merged into sitecareMessages.ts.
// English is the reference; Swedish must have the same shape (checked at compile time below).

export const subscriptionEnglish = {
  sitecare: {
    subscription_status: { ACTIVE: 'Active', PAST_DUE: 'Past due', CANCELLED: 'Cancelled' },
    subscriptions: {
      my_subscriptions: 'My subscriptions',
      consent: 'Consent to recurring payments',
      cancel: 'Cancel subscription',
      cancel_title: 'Cancel the subscription to %{name}?',
      cancel_content:
        'The subscription will not renew. The period already paid for runs until %{end}, and the service continues until then.',
      cancel_reason: 'Reason (optional)',
      cancel_done: 'The subscription has been cancelled',
      change_method: 'Change payment method',
      method_updated: 'The new payment method is saved; renewals are charged to it',
      method_not_changed: 'The payment method was not changed',
    },
  },
  resources: {
    subscriptions: {
      name: 'Subscription |||| Subscriptions',
      empty: 'No subscriptions.',
      fields: {
        servicePackage: 'Care package',
        customer: 'Customer',
        interval: 'Billing',
        status: 'Status',
        currency: 'Currency',
        provider: 'Payment provider',
        paymentMethodOnFile: 'Payment method saved for renewals',
        currentPeriodStart: 'Current period from',
        currentPeriodEnd: 'Current period until',
        nextRenewalAt: 'Next renewal',
        cancelledAt: 'Cancelled on',
        cancelReason: 'Reason for cancelling',
        createdAt: 'Started',
        recurringConsent: {
          givenAt: 'Given',
          wording: 'Wording shown',
          ip: 'IP address',
          userAgent: 'Browser',
        },
      },
    },
  },
} as const;

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

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
    },
  },
  resources: {
    subscriptions: {
      name: 'Abonnemang |||| Abonnemang',
      empty: 'Inga abonnemang.',
      fields: {
        servicePackage: 'Servicepaket',
        customer: 'Kund',
        interval: 'Fakturering',
        status: 'Status',
        currency: 'Valuta',
        provider: 'Betaltjänst',
        paymentMethodOnFile: 'Betalsätt sparat för förnyelser',
        currentPeriodStart: 'Nuvarande period från',
        currentPeriodEnd: 'Nuvarande period till',
        nextRenewalAt: 'Nästa förnyelse',
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
