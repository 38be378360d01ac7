// Issue 18: a first response that passes its due time mails the assignee (or the agency's staff, when
// nobody is assigned) once: the ticket is marked in the same statement that writes the mail. The
// system path (the job runs as the tables' owner, every agency).
import type { EntityManager } from '@mikro-orm/postgresql';
import { OPEN_TICKET_STATUSES } from './support-ticket.entity';
import { staffNoticeSql } from './ticket-mail.sql';

/** Open: a ticket of OPEN_TICKET_STATUSES (new, open, waiting on the customer). */
export const openSql = (t: string) => `${t}.status in (${OPEN_TICKET_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** Overdue: open, no first response, due time passed (the staff home page lists the same). */
export const overdueSql = (t: string) =>
  `${t}.first_responded_at is null and ${t}.first_response_due_at < now()
   and ${openSql(t)}`;

export const OVERDUE_NOTICE_SQL = `with breached as (
    update support_tickets s set breach_notified_at = now()
     where s.breach_notified_at is null and ${overdueSql('s')}
    returning s.id as ticket_id, s.tenant_id),
  noticed as (${staffNoticeSql('breached', 'ticket.overdue')} returning 1)
  select (select count(*) from breached)::int as tickets, (select count(*) from noticed)::int as mails`;

export async function notifyOverdueTickets(em: EntityManager): Promise<{ tickets: number; mails: number }> {
  const [row] = await em.fork().execute<{ tickets: number; mails: number }[]>(OVERDUE_NOTICE_SQL);
  return row ?? { tickets: 0, mails: 0 };
}
