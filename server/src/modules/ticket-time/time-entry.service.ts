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
  /** `YYYY-MM` (UTC). */
  month: string;
  minutesUsed: number;
  hoursIncluded: number;
}

function monthsBack(count: number, now = new Date()): string[] {
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

/**
 * The customer's last `months` months, oldest first: the minutes logged on its tickets (summed by
 * `sitecare_support_minutes`, which a customer may call for itself without reading the entries) and
 * the hours its sites' current care packages include per month.
 */
export async function supportHours(ctx: RequestContext, customerId: string, months = 6): Promise<SupportHoursMonth[]> {
  if (!Number.isInteger(months) || months < 1 || months > 24) throw badInput('months', 'Between 1 and 24 months');
  await getCustomer(ctx, customerId); // NOT_FOUND outside the viewer's customers
  const labels = monthsBack(months);
  const from = new Date(`${labels[0]}-01T00:00:00Z`);
  const used = await ctx.em.execute<{ month: string; minutes: string }[]>(
    'select month, minutes from sitecare_support_minutes(?::uuid, ?::timestamptz)',
    [customerId, from.toISOString()],
  );
  const [included] = await ctx.em.execute<{ hours: string | null }[]>(
    `select sum(p.support_hours_per_month) as hours from sites s join service_packages p on p.id = s.service_package_id
      where s.customer_id = ? and s.tenant_id = p.tenant_id`,
    [customerId],
  );
  const byMonth = new Map(used.map((r) => [r.month, Number(r.minutes)]));
  const hoursIncluded = Number(included?.hours ?? 0);
  return labels.map((month) => ({ month, minutesUsed: byMonth.get(month) ?? 0, hoursIncluded }));
}
