// The read definitions of tickets and their messages (both paths: graphql/sql/compile.ts builds the
// compiled statement from them, graphql/sql/reads.ts the resolvers' queries), and the reply's one
// statement, which the service runs and the compiled path reuses.
import { escapeLike } from '../../db/like';
import {
  readComputed,
  readRelation,
  readRoot,
  TENANT,
  VIEWER,
  writeRoot,
  type Params,
} from '../../graphql/sql/compile';
import { redactForStorage, type PasswordHint } from '../../privacy/redaction';
import { replyStatusProblem, TicketStatus, type ReplyStatus } from './support-ticket.entity';
import { requesterReplySql, staffNoticeSql } from './ticket-mail.sql';
import { openSql, overdueSql } from './ticket-sla';

/** Open tickets, the first response due soonest first. */
const mostUrgentFirst = (t: string) => `${t}.first_response_due_at asc, ${t}.id asc`;

readRoot('Query.supportTickets', {
  kind: 'list',
  entity: 'SupportTicket',
  filters: {
    status: (value, t, params) =>
      (value as string[]).length ? `${t}.status = any(${params.add(value, 'text[]')})` : 'true',
    priority: (value, t, params) => `${t}.priority = ${params.add(value, 'text')}`,
    customerId: (value, t, params) => `${t}.customer_id = ${params.add(value, 'uuid')}`,
    siteId: (value, t, params) => `${t}.site_id = ${params.add(value, 'uuid')}`,
    assigneeId: (value, t, params) => `${t}.assignee_id = ${params.add(value, 'uuid')}`,
    q: (value, t, params) => `${t}.subject ilike ${params.add(`%${escapeLike(String(value))}%`, 'text')}`,
    // Issue 18: the overdue job's definition (ticket-sla.ts), for the staff home page.
    overdue: (value, t) => (value ? `(${overdueSql(t)})` : `not (${overdueSql(t)})`),
  },
});

readRoot('Query.supportTicket', { kind: 'one', entity: 'SupportTicket' });
// The same rule as the list's `overdue` filter and the overdue job: the dashboard shows this field.
readComputed('SupportTicket.overdue', (t) => `(${overdueSql(t)})`);

readRelation('SupportTicket.customer', {
  entity: 'Customer',
  many: false,
  on: (t, ticket) => `${t}.id = ${ticket}.customer_id`,
});
readRelation('SupportTicket.site', { entity: 'Site', many: false, on: (t, ticket) => `${t}.id = ${ticket}.site_id` });

readRelation('SupportTicket.contact', {
  entity: 'Contact',
  many: false,
  on: (t, ticket) => `${t}.id = ${ticket}.contact_id`,
});
readRelation('SupportTicket.assignee', {
  entity: 'User',
  many: false,
  on: (t, ticket) => `${t}.id = ${ticket}.assignee_id`,
});
readRelation('TicketMessage.author', { entity: 'User', many: false, on: (t, m) => `${t}.id = ${m}.author_user_id` });

// The thread, oldest first (customers: public messages only, by the messages' row rule).
readRelation('SupportTicket.messages', {
  entity: 'TicketMessage',
  many: true,
  on: (t, ticket) => `${t}.ticket_id = ${ticket}.id`,
  orderBy: (t) => `${t}.created_at asc, ${t}.id asc`,
});

readRelation('SupportTicket.latestMessages', {
  entity: 'TicketMessage',
  many: true,
  on: (t, ticket) => `${t}.ticket_id = ${ticket}.id`,
  orderBy: (t) => `${t}.created_at desc, ${t}.id desc`,
  limit: 3,
});

// Issue 25, the customer page: its open tickets, whatever the site (or none), most urgent first.
readRelation('Customer.openTickets', {
  entity: 'SupportTicket',
  many: true,
  on: (t, customer) => `${t}.customer_id = ${customer}.id`,
  where: openSql,
  orderBy: mostUrgentFirst,
  limit: 20,
});

readRelation('Site.openTickets', {
  entity: 'SupportTicket',
  many: true,
  on: (t, site) => `${t}.site_id = ${site}.id`,
  where: openSql,
  orderBy: mostUrgentFirst,
});

/** What a reply writes: the message as stored (masked by redactForStorage) and the replier's role. */
export interface Reply {
  ticketId: string;
  body: string;
  internal: boolean;
  passwordHints: PasswordHint[];
  fromCustomer: boolean;
  /** A worker's public reply: the status the replier chose (issue 25); none keeps the ticket open. */
  status?: ReplyStatus | null;
}

/**
 * A reply (P6), written once, as one statement whose CTE `written` is the new message: the ticket in
 * the viewer's row rules (none: no row, NOT_FOUND), the message, the ticket's status, first
 * response and password flag as the replier's role moves them, and the reply's mail (issue 18). `replyToTicket` (the service) runs
 * it and adds what a reply may also need (the redaction audit); the compiled path runs the same
 * statement with the answer's selection when there is nothing else to do.
 */
export function replyStatement(reply: Reply, params: Params): string {
  const { NEW, OPEN } = TicketStatus;
  const flagged = reply.passwordHints.length > 0;
  // The ticket's new status and first response (null: no change for this kind of reply).
  const moves = reply.fromCustomer
    ? { status: `case when t.status = '${NEW}' then t.status else '${OPEN}' end`, first: 't.first_responded_at' }
    : reply.internal
      ? { status: 't.status', first: 't.first_responded_at' }
      : {
          // Issue 25: the status the replier chose ("reply and wait for the customer", "reply and
          // close"); by default the ticket stays open, so the customer is never told to answer
          // when there is nothing to answer.
          status: params.add(reply.status ?? OPEN, 'text'),
          first: 'coalesce(t.first_responded_at, now())',
        };
  const flag = flagged ? 'true' : 't.password_flagged';
  // Issue 18: the reply's mail, in the same statement (so the same transaction, on either path): a
  // public staff or contractor reply goes to the requester; a customer's answer to the staff.
  const mail = reply.fromCustomer
    ? `, noticed as (${staffNoticeSql('written', 'ticket.answered')})`
    : reply.internal
      ? ''
      : `, mailed as (${requesterReplySql('written')})`;
  const ticket = `ticket as (select t.id, t.tenant_id, t.status, t.first_responded_at, t.password_flagged
      from support_tickets t where t.id = ${params.add(reply.ticketId, 'uuid')} and t.tenant_id = ${TENANT})`;
  const moved = `moved as (update support_tickets s set status = ${moves.status}, first_responded_at = ${moves.first},
      password_flagged = ${flag}, updated_at = now() from ticket t where s.id = t.id
      and (s.status is distinct from ${moves.status} or s.first_responded_at is distinct from ${moves.first}
        or s.password_flagged is distinct from ${flag}))`;
  return `with ${ticket}, ${moved}, written as (
      insert into ticket_messages (id, tenant_id, ticket_id, author_user_id, author_name, body, internal,
        password_hints, created_at, updated_at)
      select gen_random_uuid(), t.tenant_id, t.id, ${VIEWER}, null, ${params.add(reply.body, 'text')},
        ${params.add(reply.internal, 'boolean')}, ${params.add(JSON.stringify(reply.passwordHints), 'jsonb')},
        now(), now() from ticket t
      returning *)${mail}`;
}

// ticketMessageCreate on the compiled path: the service's statement, when the reply needs nothing
// else (a customer's internal note is refused and a masked reply audited, by the service).
writeRoot('Mutation.ticketMessageCreate', {
  entity: 'TicketMessage',
  write: (args, role, params) => {
    const input = args.input as { body: string; internal?: boolean | null; status?: TicketStatus | null };
    const fromCustomer = role === 'CUSTOMER';
    const internal = input.internal ?? false;
    const status = input.status ?? null;
    const redacted = redactForStorage(input.body);
    if (
      (fromCustomer && internal) ||
      replyStatusProblem({ fromCustomer, internal, status }) ||
      redacted.cardsMasked ||
      redacted.ibansMasked ||
      redacted.passwordHints.length
    )
      return null;
    return replyStatement(
      {
        ticketId: String(args.ticketId),
        body: redacted.text,
        internal,
        passwordHints: [],
        fromCustomer,
        status: status as ReplyStatus | null,
      },
      params,
    );
  },
});
