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
      price: '%{amount} %{per} excl. VAT',
      ends: 'Ends',
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
        price: 'Price',
        nextCharge: 'Next charge',
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
