import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { User } from '../users/user.entity';
import { SupportTicket } from './support-ticket.entity';

@ObjectType({ description: 'P31: where a message seems to hold a password (never the password itself).' })
export class PasswordHintInfo {
  @Field()
  hint!: string;
}

/** One message of a ticket's thread; stored after card numbers and IBANs are masked (P4). */
@ObjectType({ description: 'A message in a ticket thread.' })
@Entity({ tableName: 'ticket_messages' })
@Index({ properties: ['tenant', 'ticket', 'createdAt'] })
// For the foreign key's cascade (deleting a ticket, as an erasure does), which does not filter by tenant.
@Index({ properties: ['ticket'] })
@Index({
  name: 'ticket_messages_tenant_id_mail_message_id_index',
  expression:
    'create index "ticket_messages_tenant_id_mail_message_id_index" on "ticket_messages" ("tenant_id", "mail_message_id") where "mail_message_id" is not null',
})
export class TicketMessage extends TenantOwned<
  'authorUser' | 'authorName' | 'internal' | 'passwordHints' | 'mailMessageId' | 'heldFrom'
> {
  @ManyToOne(() => SupportTicket, { deleteRule: 'cascade' })
  ticket!: Rel<SupportTicket>;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  authorUser: Rel<User> | null = null;

  @Field(() => String, { nullable: true, description: 'For messages from outside (form, e-mail).' })
  @Property({ type: 'text', nullable: true })
  authorName: string | null = null;

  @Field()
  @Property({ type: 'text' })
  body!: string;

  @Field({ description: 'Internal notes are never shown to the customer.' })
  @Property({ type: 'boolean' })
  internal: boolean = false;

  @Field(() => [PasswordHintInfo])
  @Property({ type: 'json' })
  passwordHints: PasswordHintInfo[] = [];

  /** The Message-ID of the inbound mail this message came from (threading: a later mail's References). */
  @Property({ type: 'text', nullable: true })
  mailMessageId: string | null = null;

  /**
   * Issue 18: a mail reply from an address not on the ticket is held (stored as an internal note, so a
   * customer never sees it) until staff accept it (it becomes the customer's message) or reject it.
   */
  @Field(() => String, { nullable: true, description: 'Held: a mail from this address not on the ticket.' })
  @Property({ type: 'text', nullable: true })
  heldFrom: string | null = null;
}
