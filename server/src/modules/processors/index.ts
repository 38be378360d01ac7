import type { SitecareModule } from '../../system/module';
import { Processor } from './processor.entity';
import { ProcessorResolver } from './processor.resolver';

export const processorsModule: SitecareModule = {
  name: 'processors',
  entities: [Processor],
  resolvers: [ProcessorResolver],
};
