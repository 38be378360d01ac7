import type { SitecareModule } from '../../system/module';
import { ConsentEvent } from './consent-event.entity';
import { NewsletterSignup } from './newsletter-signup.entity';
import { PolicyAcceptance, PolicyVersion } from './policy-version.entity';
import { ProcessingPurpose } from './processing-purpose.entity';
import {
  ConsentEventResolver,
  PolicyAcceptanceResolver,
  PolicyVersionResolver,
  ProcessingPurposeResolver,
} from './consent.resolver';
import { consentSource } from './consent.source';
import { purgeConsentLeftovers } from './consent.retention';
import { consentSeed } from './consent.seed';

export const consentsModule: SitecareModule = {
  name: 'consents',
  entities: [ProcessingPurpose, PolicyVersion, PolicyAcceptance, ConsentEvent, NewsletterSignup],
  resolvers: [ConsentEventResolver, PolicyAcceptanceResolver, PolicyVersionResolver, ProcessingPurposeResolver],
  personalData: [consentSource],
  retention: [(em, _app, now) => purgeConsentLeftovers(em, now)],
  seed: consentSeed, // its part of the demo data
};
