// Issue 18: the outbox rows of ticket mail, written once as SQL so that every path writes the same
// rows in its own transaction: the reply's one statement (ticket.sql.ts: the resolvers and the
// compiled path), the service's other writes (a ticket opened, a mail answer threaded) and the breach
// job. The subject is filled here from the template's text (templates.ts), the body at sending time
// (mail.sender.ts) from the payload, and a reply's quoted history then too (quotedHistorySql). The
// relay is woken by the outbox's insert trigger.
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '@sitecare/schema';
import { subjectText, type MailTemplate } from '../mail/templates';

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The template's subject in SQL, `%{var}` filled with the SQL expressions in `vars`, by `language`. */
function subjectSql(template: MailTemplate, language: string, vars: Record<string, string>): string {
  const fill = (lang: SupportedLanguage) =>
    subjectText(template, lang)
      .split(/(%\{\w+\})/)
      .filter(Boolean)
      .map((part) => {
        const key = /^%\{(\w+)\}$/.exec(part)?.[1];
        return key ? `coalesce((${vars[key] ?? 'null'})::text, '')` : literal(part);
      })
      .join(' || ');
  return `(case ${language} ${SUPPORTED_LANGUAGES.map((l) => `when '${l}' then ${fill(l)}`).join(' ')} end)`;
}

/** The portal's page of ticket `t` (made a link with the public URL when sent). */
const portalPath = (t: string) => `'/#/supportTickets/' || ${t}.id || '/show'`;
/** The agency's name as its mail signs it, of tenants row `a`. */
const senderName = (a: string) => `coalesce(${a}.sender_name, ${a}.name)`;
const agencyName = (t: string) => `(select ${senderName('a')} from tenants a where a.id = ${t}.tenant_id)`;
const COLUMNS = `(id, tenant_id, created_at, updated_at, recipient, template, language, subject, payload, status, attempts, ticket_id)`;

/**
 * A public staff or contractor reply, mailed to the requester (the ticket's contact, or the form or
 * e-mail requester) in their language: the reply, and for a contact with a login, the portal link.
 * The earlier public messages are quoted when the mail is sent (`quotedHistorySql`, by the reply's
 * `messageId`), not copied into the outbox: the request writes one small row, the mail quotes the
 * thread as it is then (a message erased or redacted meanwhile is not sent on), and a thread of n
 * replies does not keep n copies of its history. `written` is a relation of the new message(s): `id`,
 * `ticket_id`, `body`, `internal`. Internal notes are never mailed.
 */
export function requesterReplySql(written: string): string {
  const language = `(case when coalesce(c.preferred_language, tn.default_language) = 'en' then 'en' else 'sv' end)`;
  const login = `exists (select 1 from users l where l.tenant_id = t.tenant_id and l.contact_id = t.contact_id
      and l.status = 'ACTIVE')`;
  return `insert into outbox_messages ${COLUMNS}
    select gen_random_uuid(), t.tenant_id, now(), now(), coalesce(c.email, t.requester_email), 'ticket.reply',
      ${language}, ${subjectSql('ticket.reply', language, { number: 't.number', subject: 't.subject' })},
      jsonb_build_object('agency', ${senderName('tn')}, 'number', t.number, 'subject', t.subject,
        'body', w.body, 'messageId', w.id, 'portalPath', case when ${login} then ${portalPath('t')} end),
      'PENDING', 0, t.id
    from ${written} w join support_tickets t on t.id = w.ticket_id join tenants tn on tn.id = t.tenant_id
      left join contacts c on c.id = t.contact_id and c.erased_at is null
    where not w.internal and coalesce(c.email, t.requester_email) is not null`;
}

/**
 * The history a reply's mail quotes, as `quoted` (a JSON array, newest first): the 20 public messages
 * of its ticket written before the reply (parameters: the agency, the reply's id), each with its
 * author (the user's name by the users' whole key, or the name a mail or form gave, or the agency's).
 * Run by the sender (mail.sender.ts) when it sends the reply's mail.
 */
export const quotedHistorySql = `select coalesce(jsonb_agg(jsonb_build_object('author', coalesce(q.author_name,
      (select u.name from users u where u.tenant_id = q.tenant_id and u.id = q.author_user_id), ${agencyName('q')}),
      'at', q.created_at, 'body', q.body) order by q.created_at desc, q.id desc), '[]'::jsonb) as quoted
  from (select m.id, m.tenant_id, m.created_at, m.body, m.author_name, m.author_user_id
          from ticket_messages r
          join ticket_messages m on m.tenant_id = r.tenant_id and m.ticket_id = r.ticket_id
         where r.tenant_id = ? and r.id = ? and not m.internal and m.id <> r.id and m.created_at <= r.created_at
         order by m.created_at desc, m.id desc limit 20) q`;

/**
 * Staff notices (opened, answered by the customer, first response overdue): to the assignee, or when
 * there is none, to the agency's staff; only people who keep ticket mail on (their profile).
 * `tickets` is a relation with a `ticket_id` column.
 */
export function staffNoticeSql(
  tickets: string,
  template: Extract<MailTemplate, 'ticket.opened' | 'ticket.answered' | 'ticket.overdue'>,
): string {
  return `insert into outbox_messages ${COLUMNS}
    select gen_random_uuid(), t.tenant_id, now(), now(), u.email, '${template}', u.preferred_language,
      ${subjectSql(template, 'u.preferred_language', { number: 't.number', subject: 't.subject' })},
      jsonb_build_object('agency', ${agencyName('t')}, 'number', t.number, 'subject', t.subject, 'name', u.name,
        'portalPath', ${portalPath('t')}),
      'PENDING', 0, t.id
    from ${tickets} s join support_tickets t on t.id = s.ticket_id
      join users u on u.tenant_id = t.tenant_id and u.status = 'ACTIVE' and u.ticket_mail
        and (u.id = t.assignee_id or (t.assignee_id is null and u.role in ('ADMIN', 'EMPLOYEE')))`;
}
