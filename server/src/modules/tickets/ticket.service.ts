// The helpdesk (P6): tickets from the portal, the public form and inbound e-mail, with a message
// thread. Every message is stored after masking card numbers and IBANs (P4); likely passwords are
// flagged to staff, never echoed (P31).
import type { FilterQuery } from '@mikro-orm/core';
import { isStaff, ownCustomerId } from '../../auth/scopes';
import { escapeLike } from '../../db/like';
import type { RequestContext } from '../../graphql/context';
import { useTenant } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import type { Page, PageInput } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { redactForStorage } from '../../privacy/redaction';
import { audit } from '../audit/audit.service';
import { Contact } from '../customers/contact.entity';
import { getCustomer } from '../customers/customer.service';
import { getSite } from '../sites/site.service';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { SupportTicket, TicketChannel, TicketStatus } from './support-ticket.entity';
import { TicketMessage } from './ticket-message.entity';
import type {
  SupportRequestInput,
  SupportTicketFilter,
  SupportTicketInput,
  SupportTicketSort,
  SupportTicketUpdateInput,
} from './ticket.inputs';

export const DEFAULT_RESPONSE_HOURS = 24;

export async function listTickets(
  ctx: RequestContext,
  filter: SupportTicketFilter = {},
  sort: SupportTicketSort,
  page: PageInput,
): Promise<Page<SupportTicket>> {
  const where: FilterQuery<SupportTicket> = {};
  if (filter.status?.length) where.status = { $in: filter.status };
  if (filter.priority) where.priority = filter.priority;
  if (filter.customerId) where.customer = filter.customerId;
  if (filter.siteId) where.site = filter.siteId;
  if (filter.assigneeId) where.assignee = filter.assigneeId;
  if (filter.q) where.subject = { $ilike: `%${escapeLike(filter.q)}%` };
  const [nodes, totalCount] = await ctx.em.findAndCount(SupportTicket, where, {
    orderBy: { [sort.field]: sort.order.toLowerCase(), id: 'asc' },
    limit: page.take,
    offset: page.skip,
  });
  return { nodes, totalCount };
}

export async function getTicket(ctx: RequestContext, id: string): Promise<SupportTicket> {
  const ticket = await ctx.em.findOne(SupportTicket, { id });
  if (!ticket) throw notFound('Support ticket');
  return ticket;
}

/** Appends a message, redacted, flagging likely passwords on the ticket. */
async function addMessage(
  ctx: RequestContext,
  ticket: SupportTicket,
  body: string,
  options: { internal?: boolean; authorName?: string | null } = {},
): Promise<TicketMessage> {
  const redacted = redactForStorage(body);
  const message = ctx.em.create(TicketMessage, {
    tenant: ticket.tenant,
    ticket,
    authorUser: ctx.viewer ? ctx.em.getReference(User, ctx.viewer.userId) : null,
    authorName: options.authorName ?? null,
    body: redacted.text,
    internal: options.internal ?? false,
    passwordHints: redacted.passwordHints,
  });
  if (redacted.passwordHints.length) ticket.passwordFlagged = true;
  await ctx.em.flush();
  if (redacted.cardsMasked || redacted.ibansMasked || redacted.passwordHints.length) {
    await audit(ctx, {
      action: 'ticket.redaction',
      entityType: 'TicketMessage',
      entityId: message.id,
      detail: {
        cardsMasked: redacted.cardsMasked,
        ibansMasked: redacted.ibansMasked,
        passwordHints: redacted.passwordHints.length,
      },
    });
  }
  return message;
}

function responseDue(hours: number | undefined): Date {
  return new Date(Date.now() + (hours ?? DEFAULT_RESPONSE_HOURS) * 3600_000);
}

export function createTicket(ctx: RequestContext, input: SupportTicketInput): Promise<SupportTicket> {
  return inTransaction(ctx, async () => {
    const customerId = isStaff(ctx) ? input.customerId : ((await ownCustomerId(ctx)) ?? undefined);
    if (!customerId)
      throw badInput('customerId', isStaff(ctx) ? 'Choose the customer' : 'Your login is not linked to a customer');
    const customer = await getCustomer(ctx, customerId);
    const site = input.siteId ? await getSite(ctx, input.siteId) : null;
    if (site && site.customer.id !== customer.id) throw badInput('siteId', 'The site belongs to another customer');
    let contact: Contact | null = null;
    if (input.contactId) {
      contact = await ctx.em.findOne(Contact, { id: input.contactId, customer });
      if (!contact) throw badInput('contactId', 'Not a contact of this customer');
    } else if (ctx.viewer?.role === 'CUSTOMER') {
      contact = await ctx.em.findOne(Contact, {
        id: (await ctx.em.findOneOrFail(User, ctx.viewer.userId)).contact?.id ?? '',
      });
    }
    if (site?.servicePackage) await ctx.em.populate(site, ['servicePackage']);
    const ticket = ctx.em.create(SupportTicket, {
      tenant: customer.tenant,
      subject: redactForStorage(input.subject.trim()).text,
      customer,
      contact,
      site,
      priority: input.priority,
      channel: isStaff(ctx) ? (input.channel ?? TicketChannel.EMAIL) : TicketChannel.PORTAL,
      firstResponseDueAt: responseDue(site?.servicePackage?.responseTimeHours),
    });
    await ctx.em.flush();
    await addMessage(ctx, ticket, input.body);
    await audit(ctx, {
      action: 'ticket.create',
      entityType: 'SupportTicket',
      entityId: ticket.id,
      detail: { channel: ticket.channel },
    });
    return ticket;
  });
}

export function updateTicket(ctx: RequestContext, id: string, input: SupportTicketUpdateInput): Promise<SupportTicket> {
  return inTransaction(ctx, async () => {
    const ticket = await getTicket(ctx, id);
    const changes: Record<string, unknown> = {};
    if (input.status && input.status !== ticket.status) changes.status = ticket.status = input.status;
    if (input.priority && input.priority !== ticket.priority) changes.priority = ticket.priority = input.priority;
    if (input.assigneeId !== undefined) {
      if (!isStaff(ctx)) throw badInput('assigneeId', 'Only staff assign tickets');
      const assignee = input.assigneeId ? await ctx.em.findOne(User, { id: input.assigneeId }) : null;
      if (input.assigneeId && (!assignee || assignee.role === 'CUSTOMER'))
        throw badInput('assigneeId', 'Choose a colleague');
      ticket.assignee = assignee;
      changes.assigneeId = input.assigneeId;
    }
    await ctx.em.flush();
    if (Object.keys(changes).length)
      await audit(ctx, { action: 'ticket.update', entityType: 'SupportTicket', entityId: id, detail: changes });
    return ticket;
  });
}

/** A reply: staff and contractors may add internal notes; a customer's reply reopens the ticket. */
export function replyToTicket(
  ctx: RequestContext,
  ticketId: string,
  body: string,
  internal = false,
): Promise<TicketMessage> {
  return inTransaction(ctx, async () => {
    const ticket = await getTicket(ctx, ticketId);
    const fromCustomer = ctx.viewer?.role === 'CUSTOMER';
    if (fromCustomer && internal) throw badInput('internal', 'Customers cannot write internal notes');
    const message = await addMessage(ctx, ticket, body, { internal });
    if (fromCustomer) {
      if (ticket.status !== TicketStatus.NEW) ticket.status = TicketStatus.OPEN;
    } else if (!internal) {
      ticket.firstRespondedAt ??= new Date();
      if (ticket.status === TicketStatus.NEW || ticket.status === TicketStatus.OPEN)
        ticket.status = TicketStatus.WAITING_ON_CUSTOMER;
    }
    await ctx.em.flush();
    return message;
  });
}

/** The public support form and inbound e-mail: the agency by slug, the sender matched to a contact. */
export async function openTicketFromOutside(
  ctx: RequestContext,
  input: SupportRequestInput,
  channel: TicketChannel.FORM | TicketChannel.EMAIL,
): Promise<boolean> {
  const [row] = await ctx.em.execute<{ id: string | null }[]>('select sitecare_tenant_by_slug(?) as id', [
    input.agency,
  ]);
  if (!row?.id) return true; // an unknown agency answers like a known one
  await useTenant(ctx, row.id);
  await inTransaction(ctx, async () => {
    const contact = await ctx.em.findOne(
      Contact,
      { email: { $ilike: escapeLike(input.email.trim()) } },
      { populate: ['customer'] },
    );
    const ticket = ctx.em.create(SupportTicket, {
      tenant: ctx.em.getReference(Tenant, row.id!),
      subject: redactForStorage(input.subject.trim()).text,
      customer: contact?.customer ?? null,
      contact,
      requesterName: input.name.trim(),
      requesterEmail: input.email.trim(),
      channel,
      firstResponseDueAt: responseDue(undefined),
    });
    await ctx.em.flush();
    await addMessage(ctx, ticket, input.message, { authorName: input.name.trim() });
    await audit(ctx, {
      action: 'ticket.create',
      entityType: 'SupportTicket',
      entityId: ticket.id,
      detail: { channel, matchedContact: !!contact },
    });
  });
  await useTenant(ctx, undefined);
  return true;
}
