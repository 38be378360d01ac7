// Queues mail in the outbox, in the caller's transaction (sent later by the mail worker).
import type { SupportedLanguage } from '@sitecare/schema';
import type { RequestContext } from '../../graphql/context';
import { Tenant } from '../tenants/tenant.entity';
import { OutboxMessage } from './outbox-message.entity';
import { renderSubject, type MailTemplate } from './templates';

export async function enqueueMail(
  ctx: RequestContext,
  mail: {
    tenantId: string;
    to: string;
    template: MailTemplate;
    language: SupportedLanguage;
    payload: Record<string, unknown>;
    /** Per-message headers (marketing: List-Unsubscribe). */
    headers?: Record<string, string>;
    /** The message's id, when links in the payload must name it (P9's tracking). */
    id?: string;
    /** The ticket of a ticket mail (issue 18: its Message-ID threads the answer back). */
    ticketId?: string;
    /** Issue 19: an invoice or credit note whose stored PDF the mail attaches when sent. */
    invoiceId?: string;
  },
): Promise<OutboxMessage> {
  const message = ctx.em.create(OutboxMessage, {
    ...(mail.id ? { id: mail.id } : {}),
    tenant: ctx.em.getReference(Tenant, mail.tenantId),
    recipient: mail.to,
    template: mail.template,
    language: mail.language,
    subject: renderSubject(mail.template, mail.language, mail.payload),
    payload: mail.payload,
    headers: mail.headers ?? null,
    ticketId: mail.ticketId ?? null,
    invoiceId: mail.invoiceId ?? null,
  });
  // The row commits with the change that caused it; its insert trigger (sitecare_outbox_notify) wakes the
  // relay of whichever process listens (the CLI's renewals too) only then; the relay's sweep is the safety net.
  await ctx.em.flush();
  return message;
}
