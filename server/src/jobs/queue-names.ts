// The job queue's queue names (jobs/queue.ts), apart so that tests can name them without loading the jobs.
export const MAIL_QUEUE = 'mail.send';
export const SWEEP_QUEUE = 'mail.sweep';
export const RETENTION_QUEUE = 'retention.run';
export const RENEWAL_QUEUE = 'subscriptions.renew';
export const TICKET_SLA_QUEUE = 'tickets.overdue';
export const CHECK_SYNC_QUEUE = 'monitoring.sync';
export const CARE_REPORT_QUEUE = 'monitoring.care-reports';
export const INVOICE_REMINDER_QUEUE = 'invoices.remind';
export const WEBHOOK_QUEUE = 'webhooks.deliver';
export const WEBHOOK_SWEEP_QUEUE = 'webhooks.sweep';

/** The frequent jobs, run once per tick (config.jobs.tickSeconds, a minute by default). */
export const ALL_TICK_QUEUES = [TICKET_SLA_QUEUE, CHECK_SYNC_QUEUE, WEBHOOK_SWEEP_QUEUE, SWEEP_QUEUE] as const;
