import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { TicketMessage } from '../tickets/ticket-message.entity';
import { User } from '../users/user.entity';

/**
 * A file attached to a ticket message (issue 18, S38). The bytes live in the attachment store
 * (storage.ts: disk under `.data/` or an S3-compatible bucket) under `storageKey`; the row is seen
 * exactly where its message is (row rule: through the message, so never on an internal note for a
 * customer).
 */
@ObjectType({ description: 'A file attached to a ticket message; download at `/attachments/<id>`.' })
@Entity({ tableName: 'ticket_attachments' })
@Index({ properties: ['tenant', 'message'] })
// For the foreign key's cascade (deleting a message or its ticket), which does not filter by tenant.
@Index({ properties: ['message'] })
// For the foreign key's `set null` when a login is deleted.
@Index({ properties: ['uploadedBy'] })
export class TicketAttachment extends TenantOwned<'uploadedBy'> {
  @ManyToOne(() => TicketMessage, { deleteRule: 'cascade' })
  message!: Rel<TicketMessage>;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  uploadedBy: Rel<User> | null = null;

  @Field({ description: 'The name it was uploaded with (cleaned); the type is sniffed, not taken from it.' })
  @Property({ type: 'text' })
  filename!: string;

  @Field({ description: 'Sniffed from the content.' })
  @Property({ type: 'text' })
  contentType!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sizeBytes!: number;

  @Property({ type: 'text' })
  storageKey!: string;
}
