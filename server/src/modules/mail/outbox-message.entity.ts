import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';

export enum OutboxStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(OutboxStatus, { name: 'OutboxStatus' });

/**
 * Mail to send, written in the same transaction as the change that causes it (the outbox pattern).
 * A worker sends it later; until SMTP is configured it stays here, visible to admins.
 */
@ObjectType({ description: 'An e-mail in the outbox.' })
@Entity({ tableName: 'outbox_messages' })
@Index({ properties: ['status', 'createdAt'] })
@Index({
  name: 'outbox_messages_tenant_id_ticket_id_index',
  expression:
    'create index "outbox_messages_tenant_id_ticket_id_index" on "outbox_messages" ("tenant_id", "ticket_id") where "ticket_id" is not null',
})
export class OutboxMessage extends TenantOwned<
  'status' | 'attempts' | 'sentAt' | 'lastError' | 'headers' | 'ticketId' | 'invoiceId'
> {
  @Field({ description: 'Recipient address.' })
  @Property({ type: 'text' })
  recipient!: string;

  @Field({ description: 'Template key, e.g. user.invitation.' })
  @Property({ type: 'text' })
  template!: string;

  @Field()
  @Property({ type: 'text' })
  language!: string;

  @Field()
  @Property({ type: 'text' })
  subject!: string;

  /** Template variables. Links with tokens live here until sent; admins see them (development outbox). */
  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Field(() => OutboxStatus)
  @Enum({ items: () => OutboxStatus })
  status: OutboxStatus = OutboxStatus.PENDING;

  @Field(() => Int)
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  /** Extra headers of this message, e.g. P32's List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  @Property({ type: 'json', nullable: true })
  headers: Record<string, string> | null = null;

  /** Issue 18: the ticket of a ticket mail (its Message-ID threads the customer's answer back). */
  @Property({ type: 'uuid', nullable: true })
  ticketId: string | null = null;

  /** Issue 19: the invoice or credit note whose stored PDF is attached when the mail is sent. */
  @Property({ type: 'uuid', nullable: true })
  invoiceId: string | null = null;
}
