import type { SitecareModule } from '../../system/module';
import { SuppressionEntry } from './suppression-entry.entity';

export const suppressionModule: SitecareModule = {
  name: 'suppression',
  entities: [SuppressionEntry],
};
