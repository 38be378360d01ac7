import type { SitecareModule } from '../../system/module';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxResolver } from './outbox.resolver';
import { outboxSource } from '../../privacy/sources/records';

export const mailModule: SitecareModule = {
  name: 'mail',
  entities: [OutboxMessage],
  resolvers: [OutboxResolver],
  personalData: [outboxSource],
};
