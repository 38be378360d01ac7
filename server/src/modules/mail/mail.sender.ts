// Sends queued mail over SMTP (nodemailer). One outbox row is claimed with FOR UPDATE SKIP LOCKED,
// so two server processes never send the same message twice.
import { attachmentsOf } from './attachments';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SupportedLanguage } from '@sitecare/schema';
import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from '../../logger';
import type { Keyring } from '../../secrets/keyring';
import { agencyEnvelope } from '../tenants/agency-mail';
import { quotedHistorySql } from '../tickets/ticket-mail.sql';
import { replyToWithToken, signTicketToken } from '../tickets/ticket-token';
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

/** What ticket mail needs at sending time: the reply token's key and the portal's address. */
export interface TicketMailOptions {
  tokenKey: Buffer;
  publicUrl: string;
}

/** Mail to the requester of a ticket: answered into the ticket by its signed token. */
const REQUESTER_TEMPLATES = new Set(['ticket.reply', 'ticket.receipt']);

/** Issue 18: the Message-ID of an outbox row of ticket `number` (stable: made from the row's id). */
export const ticketMessageId = (number: unknown, outboxId: string, domain: string) =>
  `<ticket.${String(number)}.${outboxId}@${domain}>`;

/**
 * A ticket mail's threading: its Message-ID, In-Reply-To and References (the ticket's earlier mail,
 * ours and the customer's, oldest first), and the Reply-To with the signed ticket token (or the token
 * in the subject when the agency has no support address to plus-address).
 */
async function ticketHeaders(
  tx: EntityManager,
  message: OutboxMessage,
  fromAddress: string,
  supportEmail: string | undefined,
  options: TicketMailOptions,
): Promise<{ headers: Record<string, string>; replyTo?: string; subjectSuffix: string }> {
  const domain = fromAddress.split('@')[1] ?? 'sitecare.invalid';
  const earlier = await tx.execute<{ kind: string; id: string; number: number | null }[]>(
    `select * from (
       select 'ours' as kind, o.id::text as id, (o.payload->>'number')::int as number, o.created_at
         from outbox_messages o
        where o.tenant_id = ? and o.ticket_id = ? and o.id <> ? and o.created_at <= ?
          and o.template in ('ticket.reply', 'ticket.receipt')
       union all
       select 'theirs', m.mail_message_id, null, m.created_at from ticket_messages m
        where m.tenant_id = ? and m.ticket_id = ? and m.mail_message_id is not null and m.created_at <= ?
     ) e order by created_at asc, id asc limit 50`,
    [
      message.tenant.id,
      message.ticketId,
      message.id,
      message.createdAt,
      message.tenant.id,
      message.ticketId,
      message.createdAt,
    ],
  );
  const ids = earlier.map((e) => (e.kind === 'ours' ? ticketMessageId(e.number, e.id, domain) : e.id));
  const headers: Record<string, string> = {
    'Message-ID': ticketMessageId(message.payload.number, message.id, domain),
    ...(ids.length ? { 'In-Reply-To': ids[ids.length - 1]!, References: ids.join(' ') } : {}),
  };
  if (!REQUESTER_TEMPLATES.has(message.template)) return { headers, subjectSuffix: '' };
  const token = signTicketToken(options.tokenKey, message.tenant.id, Number(message.payload.number));
  const replyTo = replyToWithToken(supportEmail, token);
  return replyTo ? { headers, replyTo, subjectSuffix: '' } : { headers, subjectSuffix: ` [ref:${token}]` };
}

/**
 * A reply's quoted history, read when its mail is sent (the outbox row names the reply: `messageId`).
 * A row queued before it did so carries its `quoted` in the payload and is sent as it is.
 */
async function quotedHistory(tx: EntityManager, message: OutboxMessage): Promise<{ quoted?: unknown }> {
  const { messageId } = message.payload;
  if (message.template !== 'ticket.reply' || typeof messageId !== 'string') return {};
  const [row] = await tx.execute<{ quoted: unknown }[]>(quotedHistorySql, [message.tenant.id, messageId]);
  return { quoted: row?.quoted ?? [] };
}

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
  ticketMail?: TicketMailOptions,
): Promise<SendOutcome> {
  return em.fork().transactional(async (tx) => {
    const message = await tx.findOne(
      OutboxMessage,
      { id, status: OutboxStatus.PENDING },
      { filters: false, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE }, // for update skip locked
    );
    if (!message) return 'skipped'; // already sent, failed, or being sent by another process
    const portalPath = message.payload.portalPath;
    const vars =
      ticketMail && typeof portalPath === 'string' && portalPath.startsWith('/')
        ? { ...message.payload, link: `${ticketMail.publicUrl}${portalPath}` }
        : message.payload;
    const mail = renderMail(message.template as MailTemplate, message.language as SupportedLanguage, {
      ...vars,
      ...(await quotedHistory(tx, message)),
    });
    message.attempts += 1;
    let relay: Transporter | undefined;
    try {
      const envelope = await agencyEnvelope(tx, keyring, message.tenant.id, from, allowPrivateRelay);
      relay = envelope.relay;
      const ticket =
        message.ticketId && ticketMail
          ? await ticketHeaders(tx, message, envelope.from.address, envelope.replyTo, ticketMail)
          : undefined;
      const attachments = await attachmentsOf(tx, message);
      await (relay ?? transport).sendMail({
        from: envelope.from,
        replyTo: ticket?.replyTo ?? envelope.replyTo,
        to: message.recipient,
        subject: mail.subject + (ticket?.subjectSuffix ?? ''),
        text: mail.text,
        html: mail.html,
        headers: { ...message.headers, ...ticket?.headers },
        ...(attachments.length ? { attachments } : {}),
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
