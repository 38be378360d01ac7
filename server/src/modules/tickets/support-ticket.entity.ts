import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Contact } from '../customers/contact.entity';
import { Customer } from '../customers/customer.entity';
import { Site } from '../sites/site.entity';
import { User } from '../users/user.entity';

export enum TicketStatus {
  NEW = 'NEW',
  OPEN = 'OPEN',
  WAITING_ON_CUSTOMER = 'WAITING_ON_CUSTOMER',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(TicketStatus, { name: 'TicketStatus' });

/**
 * Issue 25: the statuses a worker (staff or contractor) may give a ticket with a public reply: wait
 * for the customer, keep it open (the default), resolve or close it. NEW is what a ticket is before
 * anyone answered, so no reply sets it.
 */
export const REPLY_STATUSES = [
  TicketStatus.WAITING_ON_CUSTOMER,
  TicketStatus.OPEN,
  TicketStatus.RESOLVED,
  TicketStatus.CLOSED,
] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/**
 * The one rule for a status sent with a reply: only a worker's public reply carries one, and only one
 * of `REPLY_STATUSES`. Returns the field and the reason when the reply breaks it (the service answers
 * BAD_USER_INPUT; the compiled path leaves the reply to the service).
 */
export function replyStatusProblem(reply: {
  fromCustomer: boolean;
  internal: boolean;
  status?: TicketStatus | null;
}): string | undefined {
  if (reply.status == null) return undefined;
  if (reply.fromCustomer) return 'Customers cannot set the status; a customer’s reply reopens the ticket';
  if (reply.internal) return 'An internal note leaves the status as it is';
  if (!(REPLY_STATUSES as readonly TicketStatus[]).includes(reply.status))
    return `must be one of ${REPLY_STATUSES.join(', ')}`;
  return undefined;
}

/** Tickets still waiting on the agency or the customer: what a site's page lists. */
export const OPEN_TICKET_STATUSES = [TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER];

export enum TicketPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}
registerEnumType(TicketPriority, { name: 'TicketPriority' });

export enum TicketChannel {
  PORTAL = 'PORTAL',
  FORM = 'FORM',
  EMAIL = 'EMAIL',
  /** Issue 22: opened by the site checks (an incident or a warning). */
  MONITORING = 'MONITORING',
}
registerEnumType(TicketChannel, { name: 'TicketChannel' });

/** P6: a support request, from the portal, the public form or inbound e-mail. */
@ObjectType({ description: 'A support ticket.' })
@Entity({ tableName: 'support_tickets' })
// Issue 16: the staff home page counts the open tickets; the columns the viewer's row rule reads are in the
// index too, so PostgreSQL counts from the index alone (an index-only scan) instead of visiting every row.
@Index({
  name: 'support_tickets_tenant_id_status_first_response_due_at_index',
  expression:
    'create index support_tickets_tenant_id_status_first_response_due_at_index on support_tickets (tenant_id, status, first_response_due_at) include (customer_id, site_id)',
})
@Index({ properties: ['tenant', 'customer'] })
@Index({ properties: ['tenant', 'site'] })
// The ticket list's sorts and filters, tenant first (row-level security adds tenant_id to every query).
@Index({ properties: ['tenant', 'firstResponseDueAt'] })
@Index({ properties: ['tenant', 'createdAt'] })
@Index({ properties: ['tenant', 'assignee', 'firstResponseDueAt'] })
// For the foreign key's `set null` when a site is deleted, which does not filter by tenant.
@Index({ properties: ['site'] })
@Unique({ name: 'support_tickets_number_unique', properties: ['tenant', 'number'] })
export class SupportTicket extends TenantOwned<
  | 'status'
  | 'priority'
  | 'contact'
  | 'site'
  | 'customer'
  | 'assignee'
  | 'firstRespondedAt'
  | 'passwordFlagged'
  | 'requesterName'
  | 'requesterEmail'
  | 'number'
  | 'breachNotifiedAt'
> {
  @Field(() => Int, { description: 'The ticket number people quote (#1042), in ticket mail subjects.' })
  @Property({
    type: 'integer',
    autoincrement: true,
  })
  number!: number;

  @Field()
  @Property({ type: 'text' })
  subject!: string;

  /** Null only for a request from someone not (yet) known as a customer's contact. */
  @ManyToOne(() => Customer, { nullable: true, deleteRule: 'cascade' })
  customer: Rel<Customer> | null = null;

  @ManyToOne(() => Contact, { nullable: true, deleteRule: 'set null' })
  contact: Rel<Contact> | null = null;

  @ManyToOne(() => Site, { nullable: true, deleteRule: 'set null' })
  site: Rel<Site> | null = null;

  @Field(() => String, { nullable: true, description: 'Who asked, when not a known contact (form, e-mail).' })
  @Property({ type: 'text', nullable: true })
  requesterName: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  requesterEmail: string | null = null;

  @Field(() => TicketStatus)
  @Enum({ items: () => TicketStatus })
  status: TicketStatus = TicketStatus.NEW;

  @Field(() => TicketPriority)
  @Enum({ items: () => TicketPriority })
  priority: TicketPriority = TicketPriority.NORMAL;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  assignee: Rel<User> | null = null;

  @Field(() => TicketChannel)
  @Enum({ items: () => TicketChannel })
  channel!: TicketChannel;

  @Field({ description: "From the site's care package response time (default 24 h)." })
  @Property({ type: 'datetime' })
  firstResponseDueAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  firstRespondedAt: Date | null = null;

  @Field({ description: 'P31: a message seems to contain a password; staff should act (rotate it).' })
  @Property({ type: 'boolean' })
  passwordFlagged: boolean = false;

  /** Issue 18: when the assignee was mailed that the first response is overdue (once). */
  @Property({ type: 'datetime', nullable: true })
  breachNotifiedAt: Date | null = null;
}
