// Background work on PostgreSQL (pg-boss), shared safely by every server process: each job runs once.
// The mail relay (outbox → SMTP) and nightly retention. It runs as the tables' owner: the system path
// across agencies.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { PgBoss, type Job, type JobWithMetadata } from 'pg-boss';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { allowsPrivateHosts } from '../net/public-address';
import { sendOutboxMessage, smtpTransport } from '../modules/mail/mail.sender';
import { OutboxMessage, OutboxStatus } from '../modules/mail/outbox-message.entity';
import type { AppServices } from '../graphql/context';
import { renewDueSubscriptions } from '../modules/subscriptions/renewal.service';
import { listenForMail, listenForNotices } from './mail-listener';
import { deliverWebhook } from '../modules/webhooks/webhook.delivery';
import { WebhookDelivery, WebhookDeliveryStatus } from '../modules/webhooks/webhook-endpoint.entity';
import { WEBHOOK_CHANNEL } from '../modules/webhooks/webhook.service';
import { notifyOverdueTickets } from '../modules/tickets/ticket-sla';
import { ticketTokenKey } from '../modules/tickets/ticket-token';
import { runRetention } from './retention';
import { withAdvisoryLock } from '../db/migrate';
import { tracedJob } from '../observability/jobs';
import { startCheckLoop } from './check-loop';
import { sendMonthlyCareReports } from '../modules/monitoring/care-report';
import { syncCheckSchedules } from '../modules/monitoring/checks';
import { sendInvoiceReminders } from '../modules/invoices/invoice-reminders';
import {
  ALL_TICK_QUEUES,
  CARE_REPORT_QUEUE,
  CHECK_SYNC_QUEUE,
  INVOICE_REMINDER_QUEUE,
  MAIL_QUEUE,
  RENEWAL_QUEUE,
  RETENTION_QUEUE,
  SWEEP_QUEUE,
  TICKET_SLA_QUEUE,
  WEBHOOK_QUEUE,
  WEBHOOK_SWEEP_QUEUE,
} from './queue-names';

/**
 * Sends each of `queues` once per tick: at the start (catching up on the tick in progress) and then in
 * the middle of every period of `seconds` counted from the epoch. Every process sends; the queue files
 * each send in the throttle slot of its period on the database's clock (singletonSeconds), so one job
 * per queue and period is made however many processes send it (tests/reliability/replicas.test.ts).
 * Sending mid-period leaves half a period for the processes' clocks to differ from the database's.
 */
function startTicker(boss: PgBoss, queues: readonly string[], seconds: number, logger: Logger): { stop(): void } {
  const period = seconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    for (const queue of queues)
      await boss
        .send(queue, {}, { singletonSeconds: seconds })
        .catch((error: unknown) => logger.warn({ err: error, queue }, 'job queue: tick not sent'));
  };
  const next = () => {
    if (stopped) return;
    const now = Date.now();
    const wait = Math.floor(now / period) * period + period / 2 - now;
    timer = setTimeout(() => void tick().finally(next), wait > 0 ? wait : wait + period).unref();
  };
  void tick().finally(next);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export interface JobQueue {
  /** True from start until stop (readiness: /readyz). */
  running(): boolean;
  stop(): Promise<void>;
}

/** The first job-queue schema pg-boss 12 can migrate from (pg-boss 11.0). */
const OLDEST_MIGRATABLE_QUEUE_SCHEMA = 25;

/**
 * pg-boss 12 migrates its schema only from pg-boss 11's; an installation that ran pg-boss 10 has schema 24.
 * The queue holds nothing that is not kept elsewhere: schedules are declared again below, and mail that
 * was not sent is still PENDING in the outbox, which the sweep sends again. So an older queue schema is
 * dropped and installed anew, inside the set-up lock, instead of passing through pg-boss 11.
 */
async function replaceOldQueueSchema(client: Client, logger: Logger): Promise<void> {
  const table = await client.query<{ found: boolean }>(`select to_regclass('pgboss.version') is not null as found`);
  if (!table.rows[0].found) return;
  const { rows } = await client.query<{ version: number | null }>(
    'select max(version)::int as version from pgboss.version',
  );
  const version = rows[0]?.version;
  if (version == null || version >= OLDEST_MIGRATABLE_QUEUE_SCHEMA) return;
  await client.query('drop schema pgboss cascade');
  logger.warn({ from: version }, 'job queue: replaced an old pg-boss schema (unsent mail stays in the outbox)');
}

/**
 * A queue of the frequent jobs (one active at a time, sent every tick). Its job carries a heartbeat:
 * when the process running it dies (SIGKILL, out of memory), pg-boss fails the job at its next
 * supervision (within a minute) instead of at its expiry, so the queue's one active place does not
 * stay taken for fifteen minutes with the outbox unswept (seen in the crash test on a loaded machine).
 * An installation's queue made before gets the setting too.
 */
async function tickQueue(boss: PgBoss, queue: string): Promise<void> {
  const options = { policy: 'singleton', heartbeatSeconds: TICK_JOB_HEARTBEAT_SECONDS } as const;
  await boss.createQueue(queue, options);
  await boss.updateQueue(queue, { heartbeatSeconds: options.heartbeatSeconds });
}

/** pg-boss's least heartbeat; the worker refreshes it every half of it while the job runs. */
const TICK_JOB_HEARTBEAT_SECONDS = 10;

export async function startJobQueue(opts: {
  config: Config;
  owner: MikroORM;
  ownerUrl: string;
  logger: Logger;
  /** The process's services (renewals create provider checkouts and mail); available once HTTP is set up. */
  services: () => AppServices;
}): Promise<JobQueue> {
  const { config, owner, logger } = opts;
  const boss = new PgBoss({
    connectionString: opts.ownerUrl,
    schema: 'pgboss',
    max: 4,
    application_name: 'sitecare-jobs',
    // pg-boss's registry of instances (a row per process, refreshed every 30 s, with the process's vitals
    // sampled by an event-loop timer every 20 ms) is read by nothing here: /metrics and /readyz say what
    // a process is doing. Off, an idle process wakes 50 times a second less.
    registerInstance: false,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  const smtpUrl = config.mail.smtpUrl;
  // pg-boss creates a table partition per queue without a lock of its own: two processes starting
  // together deadlock in PostgreSQL (tests/reliability/replicas.test.ts). One process at a time sets up.
  await withAdvisoryLock(opts.ownerUrl, 'sitecare:job-queues', async (client) => {
    await replaceOldQueueSchema(client, logger);
    await boss.start();
    await boss.createQueue(RETENTION_QUEUE, { policy: 'singleton' });
    await boss.schedule(RETENTION_QUEUE, '15 3 * * *', {}, { tz: 'Europe/Stockholm' });
    await boss.createQueue(RENEWAL_QUEUE, { policy: 'singleton' });
    await boss.schedule(RENEWAL_QUEUE, '0 6 * * *', {}, { tz: 'Europe/Stockholm' });
    // Issue 19: reminders of overdue invoices, every morning at 08:00.
    await boss.createQueue(INVOICE_REMINDER_QUEUE, { policy: 'singleton' });
    await boss.schedule(INVOICE_REMINDER_QUEUE, '0 8 * * *', {}, { tz: 'Europe/Stockholm' });
    await tickQueue(boss, TICKET_SLA_QUEUE);
    // Issue 22: hourly; each agency's reports go on the first of its month from 06:00 in its own time zone.
    await boss.createQueue(CARE_REPORT_QUEUE, { policy: 'singleton' });
    await boss.schedule(CARE_REPORT_QUEUE, '5 * * * *');
    if (config.monitoring.enabled) {
      await tickQueue(boss, CHECK_SYNC_QUEUE);
    }
    // Issue 21: outgoing webhooks, retried with back-off (config.webhooks) before the endpoint is failing.
    const retries = {
      retryLimit: config.webhooks.retryLimit,
      retryDelay: config.webhooks.retryDelaySeconds,
      retryDelayMax: config.webhooks.retryDelayMaxSeconds,
      retryBackoff: true,
    };
    await boss.createQueue(WEBHOOK_QUEUE, retries);
    await boss.updateQueue(WEBHOOK_QUEUE, retries);
    await tickQueue(boss, WEBHOOK_SWEEP_QUEUE);
    // The frequent jobs are sent by every process's ticker (below), no longer by pg-boss's per-minute
    // cron: an installation's cron rows of them are removed, or both would send.
    for (const queue of ALL_TICK_QUEUES) await boss.unschedule(queue);
    if (!smtpUrl) return;
    await boss.createQueue(MAIL_QUEUE, { retryLimit: 7, retryDelay: 5, retryBackoff: true });
    await tickQueue(boss, SWEEP_QUEUE);
  });
  const ticker = startTicker(
    boss,
    [
      TICKET_SLA_QUEUE,
      WEBHOOK_SWEEP_QUEUE,
      ...(config.monitoring.enabled ? [CHECK_SYNC_QUEUE] : []),
      ...(smtpUrl ? [SWEEP_QUEUE] : []),
    ],
    config.jobs.tickSeconds,
    logger,
  );

  // Retention, nightly at 03:15 (one run across all processes).
  await boss.work(
    RETENTION_QUEUE,
    tracedJob(RETENTION_QUEUE, async () => {
      for (const report of await runRetention(owner.em.fork(), opts.services())) logger.info(report, 'retention');
    }),
  );

  // Renewals, every morning at 06:00 (one run across all processes).
  await boss.work(
    RENEWAL_QUEUE,
    tracedJob(RENEWAL_QUEUE, async () => {
      logger.info(await renewDueSubscriptions(owner.em, opts.services()), 'renewals');
    }),
  );

  // Issue 19: overdue invoices get one reminder per step (7 and 14 days after the due date).
  await boss.work(
    INVOICE_REMINDER_QUEUE,
    tracedJob(INVOICE_REMINDER_QUEUE, async () => {
      const run = await sendInvoiceReminders(owner.em, opts.services());
      if (run.reminded || run.failed) logger.info(run, 'invoice reminders');
    }),
  );

  // Issue 18: first responses past their due time mail the assignee once, every tick (a minute by default).
  await boss.work(
    TICKET_SLA_QUEUE,
    tracedJob(TICKET_SLA_QUEUE, async () => {
      const report = await notifyOverdueTickets(owner.em);
      if (report.tickets) logger.info(report, 'tickets overdue');
    }),
  );

  // Issue 22: last month's care report of every site under care, once per site and month.
  await boss.work(
    CARE_REPORT_QUEUE,
    tracedJob(CARE_REPORT_QUEUE, async () => {
      const run = await sendMonthlyCareReports(owner.em, opts.services());
      if (run.made) logger.info(run, 'care reports');
    }),
  );

  // Issue 22: sites under care are checked. Newly monitored sites get a due time every tick (one
  // run across all processes); every process takes due checks (FOR UPDATE SKIP LOCKED: each runs once).
  const checks = config.monitoring.enabled
    ? startCheckLoop({ config, owner, logger, services: opts.services })
    : undefined;
  if (config.monitoring.enabled)
    await boss.work(
      CHECK_SYNC_QUEUE,
      tracedJob(CHECK_SYNC_QUEUE, async () => {
        const report = await syncCheckSchedules(owner.em);
        if (report.added || report.removed) logger.info(report, 'check schedules');
      }),
    );

  // Issue 21: a committed webhook message (a trigger's row, or a replay) wakes its delivery at once;
  // each attempt is a job run, retried by the queue with back-off; the last one is told it is the last.
  await boss.work(
    WEBHOOK_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true } as const,
    tracedJob(WEBHOOK_QUEUE, async ([job]: JobWithMetadata<{ deliveryId: string }>[]) => {
      const final = job.retryCount >= job.retryLimit;
      const outcome = await deliverWebhook(owner.em, opts.services(), job.data.deliveryId, final);
      if (outcome === 'retry') throw new Error(`webhook ${job.data.deliveryId} not delivered yet`);
    }),
  );
  const webhookListener = await listenForNotices(
    opts.ownerUrl,
    WEBHOOK_CHANNEL,
    async (deliveryId) => void (await boss.send(WEBHOOK_QUEUE, { deliveryId })),
    logger,
  );
  // The safety net: a message never tried (a notice lost while no process listened) is sent within a minute.
  await boss.work(
    WEBHOOK_SWEEP_QUEUE,
    tracedJob(WEBHOOK_SWEEP_QUEUE, async () => {
      const lost = await owner.em
        .fork()
        .find(
          WebhookDelivery,
          { status: WebhookDeliveryStatus.PENDING, attempts: 0, createdAt: { $lt: new Date(Date.now() - 60_000) } },
          { filters: false, limit: 500, fields: ['id'] },
        );
      for (const { id } of lost)
        await boss.send(WEBHOOK_QUEUE, { deliveryId: id }, { singletonKey: id, singletonSeconds: 60 });
    }),
  );

  let running = true;
  const stopBoss = async () => {
    running = false;
    ticker.stop();
    await webhookListener.stop();
    await checks?.stop();
    await boss.stop({ graceful: true, timeout: 10_000 });
  };
  if (!smtpUrl) {
    // Development default: mail stays in the outbox, visible to admins as "sent mail".
    return { running: () => running, stop: stopBoss };
  }
  const transport = smtpTransport(smtpUrl);
  const ticketMail = {
    tokenKey: ticketTokenKey(config.secrets.session),
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
  };
  await boss.work<{ outboxId: string }>(
    MAIL_QUEUE,
    { batchSize: 5, pollingIntervalSeconds: 1 },
    tracedJob(MAIL_QUEUE, async (jobs: Job<{ outboxId: string }>[]) => {
      for (const job of jobs) {
        const { keyring } = opts.services();
        const outcome = await sendOutboxMessage(
          owner.em,
          transport,
          config.mail.from,
          job.data.outboxId,
          logger,
          keyring,
          allowsPrivateHosts(config),
          ticketMail,
        );
        if (outcome === 'retry') throw new Error(`mail ${job.data.outboxId} not sent yet`); // retried with back-off
      }
    }),
  );

  // The safety net of the outbox pattern: anything still pending for half a tick (30 s by default: a
  // crash between commit and notify, or SMTP down for longer than the retries) is picked up again every
  // tick. A second job for a message being sent skips it (its row is locked while it is sent).
  const sweepAfterMs = config.jobs.tickSeconds * 500;
  await boss.work(
    SWEEP_QUEUE,
    tracedJob(SWEEP_QUEUE, async () => {
      const pending = await owner.em
        .fork()
        .find(
          OutboxMessage,
          { status: OutboxStatus.PENDING, createdAt: { $lt: new Date(Date.now() - sweepAfterMs) } },
          { filters: false, limit: 500 },
        );
      for (const message of pending)
        await boss.send(
          MAIL_QUEUE,
          { outboxId: message.id },
          { singletonKey: message.id, singletonSeconds: config.jobs.tickSeconds }, // once per message and tick
        );
    }),
  );

  // Committed outbox rows wake the relay at once (every listening process: the singleton key sends one job).
  const listener = await listenForMail(
    opts.ownerUrl,
    async (outboxId) => void (await boss.send(MAIL_QUEUE, { outboxId }, { singletonKey: outboxId })),
    logger,
  );

  logger.info({ smtp: new URL(smtpUrl).host }, 'job queue started: mail relay on');
  return {
    running: () => running,
    stop: async () => {
      await listener.stop();
      await stopBoss();
      transport.close();
    },
  };
}
