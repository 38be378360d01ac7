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
