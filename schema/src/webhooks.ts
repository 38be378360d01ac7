// Issue 21: the events an agency's webhook endpoints may subscribe to (server: the database triggers
// that emit them, migration webhooks; dashboard: the endpoint form).
export const WEBHOOK_EVENTS = [
  'ticket.created',
  'ticket.replied',
  'order.paid',
  'order.refunded',
  'subscription.renewed',
  'subscription.past_due',
  'privacy_request.received',
  'customer.created',
  'site.down',
  'site.up',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
