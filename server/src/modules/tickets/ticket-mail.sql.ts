// Issue 18: the outbox rows of ticket mail, written once as SQL so that every path writes the same
// rows in its own transaction: the reply's one statement (ticket.sql.ts: the resolvers and the
// compiled path), the service's other writes (a ticket opened, a mail answer threaded) and the breach
// job. The subject is filled here from the template's text (templates.ts), the body at sending time
// (mail.sender.ts) from the payload. The relay is woken by the outbox's insert trigger.
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
const agencyName = (t: string) => `(select coalesce(a.sender_name, a.name) from tenants a where a.id = ${t}.tenant_id)`;
const COLUMNS = `(id, tenant_id, created_at, updated_at, recipient, template, language, subject, payload, status, attempts, ticket_id)`;

/**
 * A public staff or contractor reply, mailed to the requester (the ticket's contact, or the form or
 * e-mail requester) in their language: the reply, the earlier public messages quoted, and for a
 * contact with a login, the portal link. `written` is a relation of the new message(s): `id`,
 * `ticket_id`, `body`, `internal`, `created_at`. Internal notes are never mailed.
 */
export function requesterReplySql(written: string): string {
  const language = `(case when coalesce(c.preferred_language, tn.default_language) = 'en' then 'en' else 'sv' end)`;
  // The 20 messages first, then each one's author by the users' whole key (tenant, id), as every join
  // between agency tables should be (issue 26: on Citus a join without the agency leaves its node).
  // Measured on the scale data: the same time as the join it replaces, about 0.5 ms for the mail.
  const author = `coalesce(q.author_name,
      (select u.name from users u where u.tenant_id = q.tenant_id and u.id = q.author_user_id), ${agencyName('t')})`;
  const quoted = `(select coalesce(jsonb_agg(jsonb_build_object('author', ${author}, 'at', q.created_at, 'body', q.body)
      order by q.created_at desc, q.id desc), '[]'::jsonb) from (
        select m.id, m.tenant_id, m.created_at, m.body, m.author_name, m.author_user_id
          from ticket_messages m
         where m.ticket_id = t.id and not m.internal and m.id <> w.id
         order by m.created_at desc, m.id desc limit 20) q)`;
  const login = `exists (select 1 from users l where l.tenant_id = t.tenant_id and l.contact_id = t.contact_id
      and l.status = 'ACTIVE')`;
  return `insert into outbox_messages ${COLUMNS}
    select gen_random_uuid(), t.tenant_id, now(), now(), coalesce(c.email, t.requester_email), 'ticket.reply',
      ${language}, ${subjectSql('ticket.reply', language, { number: 't.number', subject: 't.subject' })},
      jsonb_build_object('agency', ${agencyName('t')}, 'number', t.number, 'subject', t.subject, 'body', w.body,
        'quoted', ${quoted}, 'portalPath', case when ${login} then ${portalPath('t')} end),
      'PENDING', 0, t.id
    from ${written} w join support_tickets t on t.id = w.ticket_id join tenants tn on tn.id = t.tenant_id
      left join contacts c on c.id = t.contact_id and c.erased_at is null
    where not w.internal and coalesce(c.email, t.requester_email) is not null`;
}

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
