// Files a mail carries, made or read when it leaves (not copied into the outbox). A module registers
// a maker, which answers for the messages that are its own and gives nothing for the others: the care
// report's PDF from the report's figures (issue 22), an invoice's stored PDF on the receipt and
// renewal mails (issue 19). The sender asks every maker; this is the only way a mail gets a file.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OutboxMessage } from './outbox-message.entity';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

type Maker = (em: EntityManager, message: OutboxMessage) => Promise<MailAttachment[]>;
const makers: Maker[] = [];

export function registerMailAttachments(maker: Maker): void {
  makers.push(maker);
}

/** The attachments of `message` (none for most mail). */
export async function attachmentsOf(em: EntityManager, message: OutboxMessage): Promise<MailAttachment[]> {
  const all: MailAttachment[] = [];
  for (const maker of makers) all.push(...(await maker(em, message)));
  return all;
}
