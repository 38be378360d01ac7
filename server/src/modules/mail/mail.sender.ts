// Sends queued mail over SMTP (nodemailer). One outbox row is claimed with FOR UPDATE SKIP LOCKED,
// so two server processes never send the same message twice.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SupportedLanguage } from '@sitecare/schema';
import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from '../../logger';
import type { Keyring } from '../../secrets/keyring';
import { agencyEnvelope } from '../tenants/agency-mail';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';
import { renderMail, type MailTemplate } from './templates';

/** After this many failed attempts a message is FAILED and left for an admin to see. */
export const MAX_ATTEMPTS = 8;

export function smtpTransport(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return createTransport({
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // Local development servers (and tests) speak plain SMTP on loopback.
    ignoreTLS: ['127.0.0.1', 'localhost', '::1'].includes(url.hostname),
  });
}

export type SendOutcome = 'sent' | 'skipped' | 'failed' | 'retry';

/**
 * Sends outbox message `id` if it is still pending, in its own transaction on the owner's connection
 * (the system path: the worker serves every agency). Throws on a transient failure so the queue retries.
 * Issue 17: the mail is from the agency's sender name (at the installation's address `from`, or the
 * agency's own address through its own relay), with Reply-To the agency's support address.
 */
export async function sendOutboxMessage(
  em: EntityManager,
  transport: Transporter,
  from: string,
  id: string,
  logger: Logger,
  keyring: Keyring,
  /** Development and tests only (`allowsPrivateHosts`): an agency relay on a local address is used. */
  allowPrivateRelay = false,
): Promise<SendOutcome> {
  return em.fork().transactional(async (tx) => {
    const message = await tx.findOne(
      OutboxMessage,
      { id, status: OutboxStatus.PENDING },
      { filters: false, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE }, // for update skip locked
    );
    if (!message) return 'skipped'; // already sent, failed, or being sent by another process
    const mail = renderMail(message.template as MailTemplate, message.language as SupportedLanguage, message.payload);
    message.attempts += 1;
    let relay: Transporter | undefined;
    try {
      const envelope = await agencyEnvelope(tx, keyring, message.tenant.id, from, allowPrivateRelay);
      relay = envelope.relay;
      await (relay ?? transport).sendMail({
        from: envelope.from,
        replyTo: envelope.replyTo,
        to: message.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: message.headers ?? undefined,
      });
      message.status = OutboxStatus.SENT;
      message.sentAt = new Date();
      message.lastError = null;
      // A sent link (invitation, reset) is a bearer secret for its recipient only: it does not stay behind.
      if ('link' in message.payload) message.payload = { ...message.payload, link: '[sent]' };
      if (message.headers) message.headers = null; // the signed unsubscribe link, likewise
      return 'sent';
    } catch (error) {
      message.lastError = (error as Error).message.slice(0, 500);
      if (message.attempts >= MAX_ATTEMPTS) message.status = OutboxStatus.FAILED;
      logger.warn({ outboxId: id, attempts: message.attempts, err: message.lastError }, 'mail not sent');
      return message.status === OutboxStatus.FAILED ? 'failed' : 'retry';
    } finally {
      relay?.close();
    }
  });
}
