// The helpdesk (P6): tickets from the portal, the public form and inbound e-mail, with a message
// thread. Every message is stored after masking card numbers and IBANs (P4); likely passwords are
// flagged to staff, never echoed (P31).
import { readList, runWrite } from '../../graphql/sql/reads';
import { isStaff, ownCustomerId } from '../../auth/scopes';
import { rateLimitPublicForm } from '../../auth/throttle';
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
import { SupportTicket, TicketChannel } from './support-ticket.entity';
import { TicketMessage } from './ticket-message.entity';
import { replyStatement } from './ticket.sql';
import { staffNoticeSql } from './ticket-mail.sql';
import { enqueueMail } from '../mail/outbox.service';
import { Site } from '../sites/site.entity';
import { SiteAssignment } from '../sites/site-assignment.entity';
import { replyStatusProblem, TicketStatus, type ReplyStatus } from './support-ticket.entity';
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
  return readList(ctx, 'Query.supportTickets', { filter: { ...filter }, sort, page });
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
  options: { internal?: boolean; authorName?: string | null; mailMessageId?: string | null; heldFrom?: string } = {},
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
    mailMessageId: options.mailMessageId ?? null,
    heldFrom: options.heldFrom ?? null,
  });
  if (redacted.passwordHints.length) ticket.passwordFlagged = true;
  await ctx.em.flush();
  await auditRedaction(ctx, message, redacted);
  return message;
}

/** A message whose card numbers or IBANs were masked, or that looked like it held a password (P4, P31). */
async function auditRedaction(
  ctx: RequestContext,
  message: TicketMessage,
  redacted: ReturnType<typeof redactForStorage>,
): Promise<void> {
  if (!redacted.cardsMasked && !redacted.ibansMasked && !redacted.passwordHints.length) return;
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

function responseDue(hours: number | undefined): Date {
  return new Date(Date.now() + (hours ?? DEFAULT_RESPONSE_HOURS) * 3600_000);
}

/** Issue 18: mails the ticket's staff (assignee, or the agency's staff) about it, in this transaction. */
export async function noticeStaff(
  ctx: RequestContext,
  ticketId: string,
  template: 'ticket.opened' | 'ticket.answered',
): Promise<void> {
  await ctx.em.execute(staffNoticeSql('(select ?::uuid as ticket_id)', template), [ticketId]);
}

/**
 * Issue 18: the care package of a request from outside: a matched contact's site (its customer's
 * only site, or the quickest package among its sites when it has several). The site is set on the
 * ticket only when the customer has exactly one.
 */
async function outsideRequestSite(
  ctx: RequestContext,
  contact: Contact | null,
): Promise<{ site: Site | null; hours: number | undefined }> {
  if (!contact) return { site: null, hours: undefined };
  const sites = await ctx.em.find(Site, { customer: contact.customer }, { populate: ['servicePackage'] });
  const hours = sites
    .map((s) => s.servicePackage?.responseTimeHours)
    .filter((h): h is number => typeof h === 'number')
    .sort((a, b) => a - b)[0];
  return { site: sites.length === 1 ? sites[0]! : null, hours };
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
    await noticeStaff(ctx, ticket.id, 'ticket.opened');
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
  status: TicketStatus | null = null,
): Promise<TicketMessage> {
  return inTransaction(ctx, async () => {
    const fromCustomer = ctx.viewer?.role === 'CUSTOMER';
    if (fromCustomer && internal) throw badInput('internal', 'Customers cannot write internal notes');
    const statusProblem = replyStatusProblem({ fromCustomer, internal, status });
    if (statusProblem) throw badInput('status', `Invalid status: ${statusProblem}`);
    const redacted = redactForStorage(body);
    const reply = {
      ticketId,
      body: redacted.text,
      internal,
      passwordHints: redacted.passwordHints,
      fromCustomer,
      status: status as ReplyStatus | null,
    };
    const [message] = await runWrite<TicketMessage>(ctx, 'TicketMessage', (params) => replyStatement(reply, params));
    if (!message) throw notFound('Support ticket');
    await auditRedaction(ctx, message, redacted);
    return message;
  });
}

/**
 * The public support form, written once: the GraphQL operation (`supportRequestSubmit`) and the hosted
 * page (`/a/<agency>/support`) call it. No login; rate-limited; always answers true.
 */
export async function submitSupportForm(ctx: RequestContext, input: SupportRequestInput): Promise<boolean> {
  await rateLimitPublicForm(ctx);
  return openTicketFromOutside(ctx, input, TicketChannel.FORM);
}

/** The public support form and inbound e-mail: the agency by slug, the sender matched to a contact. */
export async function openTicketFromOutside(
  ctx: RequestContext,
  input: SupportRequestInput & { mailMessageId?: string | null },
  channel: TicketChannel.FORM | TicketChannel.EMAIL,
): Promise<boolean> {
  const [row] = await ctx.em.execute<{ id: string | null }[]>('select sitecare_tenant_by_slug(?) as id', [
    input.agency,
  ]);
  if (!row?.id) return true; // an unknown agency answers like a known one
  await useTenant(ctx, row.id);
  await inTransaction(ctx, () => openTicketForAgency(ctx, row.id!, input, channel));
  await useTenant(ctx, undefined);
  return true;
}

/**
 * A request from outside in the agency already set (`useTenant`): the ticket, its first message, the
 * receipt to the requester ("ticket #N, we answer within N hours", N from the care package) and the
 * staff notice, in the caller's transaction.
 */
export async function openTicketForAgency(
  ctx: RequestContext,
  tenantId: string,
  input: Omit<SupportRequestInput, 'agency'> & { mailMessageId?: string | null },
  channel: TicketChannel.FORM | TicketChannel.EMAIL,
): Promise<SupportTicket> {
  const contact = await ctx.em.findOne(
    Contact,
    { email: { $ilike: escapeLike(input.email.trim()) } },
    { populate: ['customer'] },
  );
  const { site, hours } = await outsideRequestSite(ctx, contact);
  const ticket = ctx.em.create(SupportTicket, {
    tenant: ctx.em.getReference(Tenant, tenantId),
    subject: redactForStorage(input.subject.trim()).text,
    customer: contact?.customer ?? null,
    contact,
    site,
    requesterName: input.name.trim(),
    requesterEmail: input.email.trim(),
    channel,
    firstResponseDueAt: responseDue(hours),
  });
  await ctx.em.flush();
  await addMessage(ctx, ticket, input.message, { authorName: input.name.trim(), mailMessageId: input.mailMessageId });
  const tenant = await ctx.em.findOneOrFail(Tenant, tenantId, { filters: false });
  const language = (contact?.preferredLanguage ?? tenant.defaultLanguage) === 'en' ? 'en' : 'sv';
  await enqueueMail(ctx, {
    tenantId,
    to: contact?.email ?? input.email.trim(),
    template: 'ticket.receipt',
    language,
    payload: {
      agency: tenant.senderName ?? tenant.name,
      name: contact?.name ?? input.name.trim(),
      number: ticket.number,
      subject: ticket.subject,
      hours: hours ?? DEFAULT_RESPONSE_HOURS,
    },
    ticketId: ticket.id,
  });
  await noticeStaff(ctx, ticket.id, 'ticket.opened');
  await audit(ctx, {
    action: 'ticket.create',
    entityType: 'SupportTicket',
    entityId: ticket.id,
    detail: { channel, matchedContact: !!contact },
  });
  return ticket;
}

/**
 * Issue 22: a ticket opened by the site checks (an incident or a warning), in the agency already set
 * and the caller's transaction: for the site's customer, assigned to the person currently assigned to
 * the site (the latest assignment), who is mailed; nobody assigned, the agency's staff are.
 */
export async function openTicketForSite(
  ctx: RequestContext,
  input: { siteId: string; subject: string; body: string },
): Promise<SupportTicket> {
  const site = await ctx.em.findOneOrFail(Site, input.siteId, { populate: ['servicePackage'] });
  const now = new Date();
  const assignment = await ctx.em.findOne(
    SiteAssignment,
    { site, startsAt: { $lte: now }, $or: [{ endsAt: null }, { endsAt: { $gt: now } }] },
    { orderBy: { startsAt: 'desc' } },
  );
  const ticket = ctx.em.create(SupportTicket, {
    tenant: site.tenant,
    subject: input.subject,
    customer: site.customer,
    site,
    assignee: assignment?.user ?? null,
    channel: TicketChannel.MONITORING,
    firstResponseDueAt: responseDue(site.servicePackage?.responseTimeHours),
  });
  await ctx.em.flush();
  await addMessage(ctx, ticket, input.body, { authorName: 'Sitecare' });
  await noticeStaff(ctx, ticket.id, 'ticket.opened');
  await audit(ctx, {
    action: 'ticket.create',
    entityType: 'SupportTicket',
    entityId: ticket.id,
    detail: { channel: TicketChannel.MONITORING },
  });
  return ticket;
}

/** Issue 22: a note from the site checks on their ticket (a recovery), in the caller's transaction. */
export async function noteOnTicket(ctx: RequestContext, ticketId: string, body: string): Promise<void> {
  const ticket = await ctx.em.findOne(SupportTicket, ticketId);
  if (ticket) await addMessage(ctx, ticket, body, { authorName: 'Sitecare' });
}

/**
 * Issue 18: a mail answer threaded into its ticket (in the agency already set). From an address on
 * the ticket (its contact or requester) it is the customer's message: a closed or resolved ticket
 * reopens, the staff are told. From anyone else it is held, as an internal note naming the address,
 * for staff to accept or reject.
 */
export async function appendMailReply(
  ctx: RequestContext,
  ticket: SupportTicket,
  mail: { fromEmail: string; fromName: string; text: string; mailMessageId: string | null },
): Promise<{ held: boolean; message: TicketMessage }> {
  await ctx.em.populate(ticket, ['contact']);
  const from = mail.fromEmail.trim().toLowerCase();
  const onTicket = [ticket.contact?.email, ticket.requesterEmail].some((a) => a?.trim().toLowerCase() === from);
  if (!onTicket) {
    const message = await addMessage(ctx, ticket, mail.text, {
      internal: true,
      authorName: mail.fromName,
      mailMessageId: mail.mailMessageId,
      heldFrom: mail.fromEmail.trim(),
    });
    await audit(ctx, {
      action: 'ticket.mail.held',
      entityType: 'TicketMessage',
      entityId: message.id,
      detail: { ticketId: ticket.id },
    });
    return { held: true, message };
  }
  const message = await addMessage(ctx, ticket, mail.text, {
    authorName: mail.fromName,
    mailMessageId: mail.mailMessageId,
  });
  await customerAnswered(ctx, ticket);
  return { held: false, message };
}

/** A customer's answer from outside: the ticket reopens (as a portal reply moves it) and staff are told. */
async function customerAnswered(ctx: RequestContext, ticket: SupportTicket): Promise<void> {
  const before = ticket.status;
  if (ticket.status !== TicketStatus.NEW) ticket.status = TicketStatus.OPEN;
  await ctx.em.flush();
  await noticeStaff(ctx, ticket.id, 'ticket.answered');
  if (before !== ticket.status)
    await audit(ctx, {
      action: 'ticket.reopen',
      entityType: 'SupportTicket',
      entityId: ticket.id,
      detail: { from: before, to: ticket.status },
    });
}

/** Issue 18: staff accept a held mail (it becomes the customer's message) or reject it (deleted); audited. */
export function decideHeldMail(ctx: RequestContext, messageId: string, accept: boolean): Promise<TicketMessage> {
  return inTransaction(ctx, async () => {
    if (!isStaff(ctx)) throw notFound('Ticket message');
    const message = await ctx.em.findOne(
      TicketMessage,
      { id: messageId, heldFrom: { $ne: null } },
      {
        populate: ['ticket'],
      },
    );
    if (!message) throw notFound('Ticket message');
    const detail = { ticketId: message.ticket.id };
    if (accept) {
      message.internal = false;
      message.heldFrom = null;
      await ctx.em.flush();
      await customerAnswered(ctx, message.ticket);
    } else {
      ctx.em.remove(message);
      await ctx.em.flush();
    }
    await audit(ctx, {
      action: accept ? 'ticket.mail.accept' : 'ticket.mail.reject',
      entityType: 'TicketMessage',
      entityId: messageId,
      detail,
    });
    return message;
  });
}
