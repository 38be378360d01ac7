import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { SupportTicket } from '../tickets/support-ticket.entity';
import { User } from '../users/user.entity';

/**
 * Time spent on a ticket (issue 18): minutes, who, when, a note. Staff and the contractors assigned
 * to the ticket's site write and read them; a customer reads only the monthly totals
 * (`Customer.supportHours`), never the entries (row rule in migration ticket_time_attachments).
 */
@ObjectType({ description: 'Time spent on a ticket.' })
@Entity({ tableName: 'ticket_time_entries' })
@Index({ properties: ['tenant', 'ticket', 'spentAt'] })
@Index({ properties: ['tenant', 'spentAt'] })
// For the foreign key's cascade (deleting a ticket, as an erasure does), which does not filter by tenant.
@Index({ properties: ['ticket'] })
// For the foreign key's `set null` when a login is deleted.
@Index({ properties: ['user'] })
export class TicketTimeEntry extends TenantOwned<'user' | 'note'> {
  @ManyToOne(() => SupportTicket, { deleteRule: 'cascade' })
  ticket!: Rel<SupportTicket>;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  user: Rel<User> | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  minutes!: number;

  @Field({ description: 'When the work was done (counts towards that month).' })
  @Property({ type: 'datetime' })
  spentAt!: Date;

  @Field()
  @Property({ type: 'text' })
  note: string = '';
}
