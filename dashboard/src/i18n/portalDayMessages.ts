// Issue 25, the customer's day in the portal: cancelling an unpaid order, and the words the portal's
// pages share. Merged into sitecareMessages.ts; Swedish in portalDayMessages.sv.ts.

export const portalDayEnglish = {
  sitecare: {
    order_cancel: {
      button: 'Cancel order',
      title: 'Cancel order %{number}?',
      content: 'The order is cancelled and cannot be paid any more. Nothing has been charged.',
      confirm: 'Cancel order',
      done: 'Order %{number} is cancelled.',
    },
  },
} as const;
