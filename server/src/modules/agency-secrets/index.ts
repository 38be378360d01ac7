import type { SitecareModule } from '../../system/module';
import { AgencySecret } from './agency-secret.entity';

export const agencySecretsModule: SitecareModule = {
  name: 'agency-secrets',
  entities: [AgencySecret],
};
