// Compiled reads (graphql/sql) of tickets: the same rows and order as ticket.service.ts and the
// ticket field resolvers; and a reply (ticketMessageCreate) as replyToTicket does it.
import { escapeLike } from '../../db/like';
import { readRelation, readRoot, TENANT, VIEWER, writeRoot } from '../../graphql/sql/compile';
import { redactForStorage } from '../../privacy/redaction';
import { OPEN_TICKET_STATUSES, TicketStatus } from './support-ticket.entity';

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
  },
});

readRoot('Query.supportTicket', { kind: 'one', entity: 'SupportTicket' });

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

readRelation('Site.openTickets', {
  entity: 'SupportTicket',
  many: true,
  on: (t, site) => `${t}.site_id = ${site}.id`,
  where: (t) => `${t}.status in (${OPEN_TICKET_STATUSES.map((s) => `'${s}'`).join(', ')})`,
  orderBy: (t) => `${t}.first_response_due_at asc, ${t}.id asc`,
});

/**
 * A reply in one statement, as replyToTicket: the ticket in the viewer's rule, the message (masked as
 * redactForStorage masks it), and the ticket's status and first response as the replier's role
 * moves them. What the service audits (a masked card number or IBAN, a likely password) and what it
 * refuses (a customer's internal note) are left to it, as is a ticket out of scope (NOT_FOUND).
 */
writeRoot('Mutation.ticketMessageCreate', {
  entity: 'TicketMessage',
  write: (args, role, params) => {
    const input = args.input as { body: string; internal?: boolean | null };
    const internal = input.internal ?? false;
    const fromCustomer = role === 'CUSTOMER';
    if (fromCustomer && internal) return null;
    const redacted = redactForStorage(input.body);
    if (redacted.cardsMasked || redacted.ibansMasked || redacted.passwordHints.length) return null;
    const { NEW, OPEN, WAITING_ON_CUSTOMER } = TicketStatus;
    // The ticket's new status and first response (null: no change for this kind of reply).
    const moves = fromCustomer
      ? { status: `case when t.status = '${NEW}' then t.status else '${OPEN}' end`, first: 't.first_responded_at' }
      : internal
        ? null
        : {
            status: `case when t.status in ('${NEW}', '${OPEN}') then '${WAITING_ON_CUSTOMER}' else t.status end`,
            first: 'coalesce(t.first_responded_at, now())',
          };
    const ticket = `ticket as (select t.id, t.tenant_id, t.status, t.first_responded_at from support_tickets t
      where t.id = ${params.add(args.ticketId, 'uuid')} and t.tenant_id = ${TENANT})`;
    const moved = moves
      ? `, moved as (update support_tickets s set status = ${moves.status}, first_responded_at = ${moves.first},
          updated_at = now() from ticket t where s.id = t.id
          and (s.status is distinct from ${moves.status} or s.first_responded_at is distinct from ${moves.first}))`
      : '';
    return `with ${ticket}${moved}, written as (
      insert into ticket_messages (id, tenant_id, ticket_id, author_user_id, author_name, body, internal,
        password_hints, created_at, updated_at)
      select gen_random_uuid(), t.tenant_id, t.id, ${VIEWER}, null, ${params.add(redacted.text, 'text')},
        ${params.add(internal, 'boolean')}, '[]'::jsonb, now(), now() from ticket t
      returning *)`;
  },
});
