// Files a mail carries, made when it leaves (not stored in the outbox): a module registers a maker for
// its template (issue 22: the care report's PDF, from the report's figures), the sender asks it.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OutboxMessage } from './outbox-message.entity';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

type Maker = (em: EntityManager, message: OutboxMessage) => Promise<MailAttachment[]>;
const makers = new Map<string, Maker>();

export function registerMailAttachments(template: string, maker: Maker): void {
  makers.set(template, maker);
}

/** The attachments of `message` (none for most templates). */
export function attachmentsOf(em: EntityManager, message: OutboxMessage): Promise<MailAttachment[]> {
  return makers.get(message.template)?.(em, message) ?? Promise.resolve([]);
}
