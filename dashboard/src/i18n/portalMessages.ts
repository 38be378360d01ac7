// Messages of the home page for customers and contractors, and of the menu's groups, merged into
// sitecareMessages.ts. English is the reference; Swedish must have the same shape (checked below).

export const portalEnglish = {
  sitecare: {
    portal: {
      title: 'Your overview',
      intro_customer: 'Your tickets, orders and websites with %{agency}, all in one place.',
      intro_contractor: 'The websites %{agency} has assigned to you, and their open tickets.',
      tickets: {
        title: 'Open tickets',
        count: 'open ticket |||| open tickets',
        empty: 'No open tickets. Ask us anything with a new ticket.',
        waiting: 'Waiting for your answer',
        updated: 'Updated %{date}',
        all: 'All tickets',
        new: 'New ticket',
      },
      subscriptions: {
        title: 'Subscriptions',
        count: 'active subscription |||| active subscriptions',
        empty: 'No active subscription.',
        renews: 'Renews %{date}',
        past_due: 'Payment failed: change the payment method',
        all: 'All subscriptions',
      },
      orders: {
        title: 'Latest orders',
        count: 'order |||| orders',
        empty: 'No orders yet.',
        number: 'Order %{number}',
        all: 'All orders',
      },
      sites: {
        title: 'Websites',
        count: 'website |||| websites',
        empty: 'No websites yet.',
        empty_contractor: 'No websites are assigned to you right now.',
        all: 'All websites',
      },
      site_tickets: {
        title: 'Open tickets on your sites',
        due: 'First reply due %{date}',
      },
      privacy: {
        title: 'Your personal data',
        intro: 'See and change your consents, or ask for a copy of your data or its erasure.',
        consents: 'My consents',
        tools: 'Privacy tools',
      },
    },
    menu: {
      work: 'Clients and work',
      sales: 'Sales',
      privacy: 'Privacy',
      admin: 'Administration',
      my_services: 'My services',
    },
  },
} as const;
