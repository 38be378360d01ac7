import type { SitecareModule } from '../../system/module';
import { Processor } from './processor.entity';
import { ProcessorResolver } from './processor.resolver';
import { processorSeed } from './processor.seed';

export const processorsModule: SitecareModule = {
  name: 'processors',
  entities: [Processor],
  resolvers: [ProcessorResolver],
  seed: processorSeed, // its part of the demo data
};
