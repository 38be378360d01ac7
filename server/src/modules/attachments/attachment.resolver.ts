import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { readMany } from '../../graphql/sql/reads';
import { TicketMessage } from '../tickets/ticket-message.entity';
import { TicketAttachment } from './attachment.entity';

@Resolver(() => TicketMessage)
export class TicketMessageAttachmentsResolver {
  @FieldResolver(() => [TicketAttachment], {
    description: 'Files on this message, oldest first; each downloads at /attachments/<id>.',
  })
  attachments(@Root() m: TicketMessage, @Ctx() ctx: RequestContext): Promise<TicketAttachment[]> {
    return readMany(ctx, 'TicketMessage.attachments', TicketMessage, m.id);
  }
}
