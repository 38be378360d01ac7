// P6: support requests by e-mail, at POST /inbound/email, per agency with that agency's token.
// Issue 17: the token is the agency's own (made and rotated by its admins, stored hashed) and opens
// that agency only. INBOUND_EMAIL_TOKEN is the fallback of a single-agency installation: it is
// accepted only while the installation has exactly one agency, and that agency has no token of its own.
// Issue 18: the body is raw MIME (`Content-Type: message/rfc822`), Sitecare's JSON, Postmark's inbound
// JSON or a Mailgun route's fields (inbound-mail.parse.ts). The agency is named by `?agency=<slug>`,
// the JSON's `agency`, or the user name of HTTP basic auth; the token is a bearer token or the basic
// auth password (what Postmark's and Mailgun's webhook URLs carry). A mail threads into its ticket by
// the signed token of our Reply-To (or subject), then by In-Reply-To/References against our
// Message-IDs; otherwise it opens a ticket. Auto-replies and bounces do neither.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { routeContext, useTenant, type AppServices, type RequestContext } from '../../graphql/context';
import { storeInboundAttachments } from '../attachments/attachment.service';
import { tokenMatches } from '../tenants/agency-mail';
import { cutQuotedHistory, isAutomatic, parseInboundMail, type InboundMail } from './inbound-mail.parse';
import { SupportTicket, TicketChannel } from './support-ticket.entity';
import { TicketMessage } from './ticket-message.entity';
import { findTicketToken, ticketTokenKey, verifyTicketToken } from './ticket-token';
import { appendMailReply, openTicketForAgency } from './ticket.service';

const LIMIT = '15mb';

function sameToken(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(`Bearer ${expected}`);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The agency's own token, or the single-agency installation's INBOUND_EMAIL_TOKEN (header above). */
async function mayPostFor(orm: MikroORM, app: AppServices, slug: string, token: string): Promise<boolean> {
  const em = orm.em.fork();
  const rows = await em.execute<{ hash: string | null; agencies: number }[]>(
    'select (select inbound_email_token_hash from sitecare_inbound_token_of(?)) as hash, sitecare_agency_count() as agencies',
    [slug],
  );
  const { hash, agencies } = rows[0] ?? { hash: null, agencies: 0 };
  if (hash) return tokenMatches(token, hash);
  const fallback = app.config.inboundEmailToken;
  return Number(agencies) === 1 && fallback !== undefined && sameToken(`Bearer ${token}`, fallback);
}

/** The agency and token of a request: bearer or basic auth; `?agency=`, the JSON's `agency` or the basic user. */
function credentials(req: express.Request): { agency?: string; token?: string } {
  const header = req.header('authorization') ?? '';
  const bearer = /^Bearer (.+)$/.exec(header)?.[1];
  const basic = /^Basic (.+)$/.exec(header)?.[1];
  let user: string | undefined;
  let password: string | undefined;
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) [user, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  }
  const fromBody = (req.body as { agency?: unknown } | undefined)?.agency;
  const agency =
    (typeof req.query.agency === 'string' ? req.query.agency : undefined) ??
    (!Buffer.isBuffer(req.body) && typeof fromBody === 'string' ? fromBody : undefined) ??
    user;
  return { agency: agency?.slice(0, 100), token: bearer ?? password };
}

/** The ticket a mail answers: by our signed token first, then by our Message-IDs (or the customer's earlier ones). */
async function threadOf(ctx: RequestContext, tenantId: string, mail: InboundMail): Promise<SupportTicket | null> {
  const token = findTicketToken(mail.recipients, mail.subject);
  if (token) {
    const number = verifyTicketToken(ticketTokenKey(ctx.app.config.secrets.session), tenantId, token);
    // A forged or expired token threads nothing (and is not looked past: it was meant for a ticket).
    return number === null ? null : ctx.em.findOne(SupportTicket, { number });
  }
  if (!mail.threadIds.length) return null;
  const ours = mail.threadIds
    .map((id) => /^<ticket\.\d+\.([0-9a-f-]{36})@/i.exec(id)?.[1])
    .filter((id): id is string => Boolean(id));
  const [row] = await ctx.em.execute<{ ticket_id: string }[]>(
    `select ticket_id from (
       select o.ticket_id, o.created_at from outbox_messages o
        where o.id in (select jsonb_array_elements_text(?::jsonb)::uuid) and o.ticket_id is not null
       union all
       select m.ticket_id, m.created_at from ticket_messages m
        where m.mail_message_id in (select jsonb_array_elements_text(?::jsonb))
     ) t order by created_at desc limit 1`,
    [JSON.stringify(ours), JSON.stringify(mail.threadIds)],
  );
  return row ? ctx.em.findOne(SupportTicket, { id: row.ticket_id }) : null;
}

export function inboundEmailRouter(orm: MikroORM, app: AppServices): Router {
  const router = express.Router();
  router.post(
    '/inbound/email',
    express.raw({ type: 'message/rfc822', limit: LIMIT }),
    express.json({ limit: LIMIT }),
    express.urlencoded({ extended: false, limit: LIMIT }),
    async (req, res) => {
      const { agency, token } = credentials(req);
      const authorised = agency !== undefined && token !== undefined && (await mayPostFor(orm, app, agency, token));
      if (!authorised) return void res.status(401).json({ error: 'unauthorized' });
      const mail = await parseInboundMail(req.header('content-type') ?? '', req.body).catch(() => null);
      if (!mail) return void res.status(400).json({ error: 'invalid', fields: ['body'] });
      // No mail loops: an auto-reply or a bounce opens nothing and is answered by nothing.
      if (isAutomatic(mail)) return void res.status(202).json({ accepted: true, ignored: 'automatic' });
      const text = cutQuotedHistory(mail.text) || mail.text.trim();
      if (!text) return void res.status(400).json({ error: 'invalid', fields: ['text'] });
      const outcome = await orm.em.fork().transactional(async (em) => {
        const ctx = routeContext(req, res, em, app, 'inbound-email');
        const [row] = await em.execute<{ id: string | null }[]>('select sitecare_tenant_by_slug(?) as id', [agency]);
        if (!row?.id) return 'unknown';
        await useTenant(ctx, row.id);
        const ticket = await threadOf(ctx, row.id, mail);
        const fromName = (mail.from.name ?? mail.from.email).slice(0, 200);
        const fields = { fromEmail: mail.from.email, fromName, text: text.slice(0, 100_000) };
        const target = ticket
          ? { messageId: (await appendMailReply(ctx, ticket, { ...fields, mailMessageId: mail.messageId })).message.id }
          : {
              ticketId: (
                await openTicketForAgency(
                  ctx,
                  row.id,
                  {
                    name: fromName,
                    email: mail.from.email,
                    subject: (mail.subject.trim() || '(no subject)').slice(0, 200),
                    message: fields.text,
                    mailMessageId: mail.messageId,
                  },
                  TicketChannel.EMAIL,
                )
              ).id,
            };
        // The mail's files go on the message it made (the reply, or the new ticket's first message), in
        // this transaction; a file the store refuses (type, size, count) is left out, never the mail.
        if (mail.attachments.length) {
          const messageId =
            'messageId' in target
              ? target.messageId
              : (await em.findOne(TicketMessage, { ticket: target.ticketId }, { orderBy: { createdAt: 'asc' } }))?.id;
          if (messageId) {
            const { refused } = await storeInboundAttachments(
              ctx,
              messageId,
              mail.attachments.map((a) => ({ filename: a.filename ?? 'attachment', bytes: a.content })),
            );
            if (refused.length)
              ctx.logger.info({ refused: refused.map((r) => r.reason) }, 'inbound attachments refused');
          }
        }
        return ticket ? 'threaded' : 'opened';
      });
      res.status(202).json({ accepted: true, ...(outcome === 'unknown' ? {} : { [outcome]: true }) });
    },
  );
  return router;
}
