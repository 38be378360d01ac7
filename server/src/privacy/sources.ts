// Every source of personal data, in export order (see personal-data.ts). Erasure runs them in
// reverse, so rows that point at a contact go before the contact itself (and attachments, with their
// files in the store, before the tickets they are on).
import { attachmentSource } from '../modules/attachments/attachment.source';
import { consentSource } from '../modules/consents/consent.source';
import { surveyResponseSource } from '../modules/surveys/survey.source';
import { visitSource } from '../modules/visits/visit.source';
import type { PersonalDataSource } from './personal-data';
import { coreSources } from './sources/index';

export const personalDataSources: PersonalDataSource[] = [
  ...coreSources,
  attachmentSource,
  consentSource,
  visitSource,
  surveyResponseSource,
];
