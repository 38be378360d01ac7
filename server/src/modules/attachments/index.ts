import type { SitecareModule } from '../../system/module';
import { TicketAttachment } from './attachment.entity';
import { TicketMessageAttachmentsResolver } from './attachment.resolver';
import { attachmentRouter } from './attachment.routes';
import { attachmentSource } from './attachment.source';
import './attachment.sql'; // its read definitions

export const attachmentsModule: SitecareModule = {
  name: 'attachments',
  entities: [TicketAttachment],
  resolvers: [TicketMessageAttachmentsResolver],
  // After the tickets: erasure (in reverse) removes the files before the tickets they are on.
  personalData: [attachmentSource],
  routes: ({ orm, services }) => attachmentRouter(orm, services), // upload and download
};
