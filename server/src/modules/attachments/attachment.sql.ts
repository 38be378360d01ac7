// The read definition of a message's attachments (both paths, see graphql/sql). Who sees them is
// PostgreSQL's row rule: through the message (migration ticket_time_attachments).
import { readRelation } from '../../graphql/sql/compile';

readRelation('TicketMessage.attachments', {
  entity: 'TicketAttachment',
  many: true,
  on: (t, message) => `${t}.message_id = ${message}.id`,
  orderBy: (t) => `${t}.created_at asc, ${t}.id asc`,
});
