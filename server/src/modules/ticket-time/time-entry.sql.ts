// The read definitions of time entries (both paths, see graphql/sql). The row rule (staff and the
// ticket's assigned contractors; never customers) is PostgreSQL's, migration ticket_time_attachments.
import { readRelation } from '../../graphql/sql/compile';

// Newest first: what the ticket view lists under the thread.
readRelation('SupportTicket.timeEntries', {
  entity: 'TicketTimeEntry',
  many: true,
  on: (t, ticket) => `${t}.ticket_id = ${ticket}.id`,
  orderBy: (t) => `${t}.spent_at desc, ${t}.id desc`,
});

readRelation('TicketTimeEntry.user', { entity: 'User', many: false, on: (t, e) => `${t}.id = ${e}.user_id` });
