// Wakes the mail relay when an outbox row commits: enqueueMail() calls pg_notify in the writer's
// transaction, and PostgreSQL delivers the notice only on commit, to every listening process (a
// rolled-back change sends nothing). One dedicated connection, re-opened after a database outage;
// what is notified while it is down is picked up by the relay's sweep.
import pg from 'pg';
import type { Logger } from '../logger';

export const MAIL_CHANNEL = 'sitecare_mail';

export interface MailListener {
  stop(): Promise<void>;
}

export function listenForMail(
  connectionString: string,
  onMessage: (outboxId: string) => Promise<void>,
  logger: Logger,
  retryMs = 2_000,
): Promise<MailListener> {
  return listenForNotices(connectionString, MAIL_CHANNEL, onMessage, logger, retryMs);
}

/** The same for any channel whose notices name a row to work on (issue 21: `sitecare_webhook`). */
export async function listenForNotices(
  connectionString: string,
  channel: string,
  onMessage: (id: string) => Promise<void>,
  logger: Logger,
  retryMs = 2_000,
): Promise<MailListener> {
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;

  const reconnectLater = () => {
    void client?.end().catch(() => undefined);
    client = undefined;
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, retryMs);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString, application_name: `${channel.replace('_', '-')}-listener` });
    next.on('notification', ({ payload }) => {
      if (payload) onMessage(payload).catch((error: unknown) => logger.warn({ err: error }, 'mail wake-up failed'));
    });
    next.on('error', (error) => {
      logger.warn({ err: error }, 'mail listener lost its connection; reconnecting');
      if (client === next) reconnectLater();
    });
    try {
      await next.connect();
      await next.query(`listen ${channel}`);
      client = next;
    } catch (error) {
      logger.warn({ err: error }, 'mail listener could not connect; retrying');
      void next.end().catch(() => undefined);
      reconnectLater();
    }
  }

  await connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
