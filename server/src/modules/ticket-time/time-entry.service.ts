// Time spent on tickets (issue 18) and a customer's support hours per month against its care
// packages' `supportHoursPerMonth`. Who may write and read an entry is the table's row rule
// (PostgreSQL): a ticket outside the viewer's rows is NOT_FOUND here like one that does not exist.
import type { RequestContext } from '../../graphql/context';
import { requireViewer } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { redactForStorage } from '../../privacy/redaction';
import { audit } from '../audit/audit.service';
import { getCustomer } from '../customers/customer.service';
import { SupportTicket } from '../tickets/support-ticket.entity';
import { User } from '../users/user.entity';
import { TicketTimeEntry } from './time-entry.entity';
import type { TicketTimeEntryInput } from './time-entry.inputs';

export function addTimeEntry(
  ctx: RequestContext,
  ticketId: string,
  input: TicketTimeEntryInput,
): Promise<TicketTimeEntry> {
  return inTransaction(ctx, async () => {
    const viewer = requireViewer(ctx);
    const spentAt = input.spentAt ?? new Date();
    if (spentAt.getTime() > Date.now() + 60_000) throw badInput('spentAt', 'Time cannot be logged in the future');
    const ticket = await ctx.em.findOne(SupportTicket, { id: ticketId });
    if (!ticket) throw notFound('Support ticket');
    const entry = ctx.em.create(TicketTimeEntry, {
      tenant: ticket.tenant,
      ticket,
      user: ctx.em.getReference(User, viewer.userId),
      minutes: input.minutes,
      spentAt,
      note: redactForStorage((input.note ?? '').trim()).text,
    });
    await ctx.em.flush();
    await audit(ctx, {
      action: 'ticket.time',
      entityType: 'SupportTicket',
      entityId: ticket.id,
      detail: { minutes: entry.minutes, entryId: entry.id },
    });
    return entry;
  });
}

export function deleteTimeEntry(ctx: RequestContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async () => {
    const viewer = requireViewer(ctx);
    const entry = await ctx.em.findOne(TicketTimeEntry, { id }, { populate: ['ticket'] });
    if (!entry) throw notFound('Time entry');
    // Staff remove any entry of their agency; a contractor only their own.
    if (viewer.role === 'CONTRACTOR' && entry.user?.id !== viewer.userId) throw notFound('Time entry');
    ctx.em.remove(entry);
    await ctx.em.flush();
    await audit(ctx, {
      action: 'ticket.time.delete',
      entityType: 'SupportTicket',
      entityId: entry.ticket.id,
      detail: { minutes: entry.minutes, entryId: id },
    });
    return true;
  });
}

export interface SupportHoursMonth {
  /** `YYYY-MM`, in the agency's time zone. */
  month: string;
  minutesUsed: number;
  hoursIncluded: number;
}

/**
 * The customer's last `months` months, oldest first: the minutes logged on its tickets (summed by
 * `sitecare_support_minutes`, which a customer may call for itself without reading the entries) and
 * the hours its sites' current care packages include per month.
 */
export async function supportHours(ctx: RequestContext, customerId: string, months = 6): Promise<SupportHoursMonth[]> {
  if (!Number.isInteger(months) || months < 1 || months > 24) throw badInput('months', 'Between 1 and 24 months');
  await getCustomer(ctx, customerId); // NOT_FOUND outside the viewer's customers
  // The last `months` months in the agency's time zone, as the care report counts them.
  const used = await ctx.em.execute<{ month: string; minutes: string }[]>(
    `with m as (
       select generate_series(date_trunc('month', now() at time zone a.timezone) - make_interval(months => ?::int - 1),
                              date_trunc('month', now() at time zone a.timezone), interval '1 month') as start, a.timezone
         from tenants a where a.id = nullif(current_setting('app.tenant_id', true), '')::uuid)
     select to_char(m.start, 'YYYY-MM') as month, coalesce(u.minutes, 0) as minutes from m
       left join sitecare_support_minutes(?::uuid, (select min(start at time zone timezone) from m)) u
         on u.month = to_char(m.start, 'YYYY-MM')
      order by m.start`,
    [months, customerId],
  );
  const [included] = await ctx.em.execute<{ hours: string | null }[]>(
    `select sum(p.support_hours_per_month) as hours from sites s join service_packages p on p.id = s.service_package_id
      where s.customer_id = ? and s.tenant_id = p.tenant_id`,
    [customerId],
  );
  const hoursIncluded = Number(included?.hours ?? 0);
  return used.map((r) => ({ month: r.month, minutesUsed: Number(r.minutes), hoursIncluded }));
}
