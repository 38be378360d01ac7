// The Swedish of consentMessages.ts: the same keys (the `Messages` type checks it at compile time).
import type { Messages } from './types';
import type { consentEnglish } from './consentMessages';

export const consentSwedish: Messages<typeof consentEnglish> = {
  sitecare: {
    consent_decision: { GRANTED: 'Givet', WITHDRAWN: 'Återkallat' },
    consent_channel: { EMAIL: 'E-post', SMS: 'Sms', PHONE: 'Telefon', SOCIAL: 'Sociala medier', WEB: 'Webbplatsen' },
    consent_method: {
      FORM: 'Formulär',
      PORTAL: 'Kundportalen',
      IMPORT: 'Import',
      UNSUBSCRIBE_LINK: 'Avregistreringslänk',
      STAFF_ON_INSTRUCTION: 'Personal, på uppdrag',
      DOUBLE_OPT_IN: 'Bekräftat via e-post',
      COOKIE_BANNER: 'Kakbanner',
    },
    purpose: {
      newsletter: 'Nyhetsbrev och erbjudanden',
      targeted_ads: 'Riktad marknadsföring',
      profiling: 'Profilering',
      service_delivery: 'Leverans av våra tjänster',
      analytics: 'Webbstatistik',
      email_tracking: 'Öppningar och klick i e-post',
    },
    legal_basis: {
      CONSENT: 'Samtycke',
      CONTRACT: 'Avtal',
      LEGAL_OBLIGATION: 'Rättslig förpliktelse',
      LEGITIMATE_INTEREST: 'Berättigat intresse',
      VITAL_INTEREST: 'Grundläggande intresse',
      PUBLIC_TASK: 'Allmänt intresse',
    },
    policy: {
      publish: 'Publicera',
      publish_title: 'Publicera version %{version}?',
      publish_content: 'Versionen blir den gällande integritetspolicyn. Den kan inte ändras efteråt.',
      publish_material:
        'Det här är en väsentlig ändring: alla med inloggning eller ett gällande samtycke får e-post och ombeds godkänna den.',
      published: 'Versionen är publicerad',
      material_help: 'De berörda meddelas och måste godkänna ändringen',
    },
    consent_record: {
      record: 'Registrera samtycke',
      title: 'Registrera ett samtyckesbeslut för %{name}',
      help: 'Bara på personens egen begäran (ett samtal, ett mejl, ett möte). Det loggas med ditt namn.',
      granted: 'Personen ger sitt samtycke',
      withdrawn: 'Personen återkallar sitt samtycke',
      recorded: 'Beslutet är registrerat',
      only_consent: 'Bara ändamål som bygger på samtycke visas.',
    },
    my_consents: {
      title: 'Mina samtycken',
      channels: 'Vad du har samtyckt till, och hur vi får kontakta dig',
      age_confirmed: 'Jag är gammal nog att själv ge mitt samtycke',
      cookies: 'Kakor',
      necessary: 'Nödvändiga (alltid på)',
      analytics: 'Statistik',
      marketing: 'Marknadsföring',
      history: 'Historik',
      saved: 'Ditt val är sparat',
      policy_pending: 'Vår integritetspolicy har ändrats (version %{version})',
      accept: 'Jag godkänner',
    },
  },
  resources: {
    consentEvents: {
      name: 'Samtycke |||| Samtycken',
      empty: 'Inga samtycken registrerade.',
      fields: {
        createdAt: 'Tid',
        subjectEmail: 'E-postadress',
        visitorId: 'Besökare',
        contactId: 'Kontaktperson (id)',
        purposeKey: 'Ändamål',
        channel: 'Kanal',
        decision: 'Beslut',
        method: 'Hur',
        wording: 'Visad text',
        granted: 'Beslut',
        ageConfirmed: 'Gammal nog att samtycka',
        ip: 'IP-adress',
      },
    },
    processingPurposes: {
      name: 'Ändamål |||| Ändamål',
      fields: {
        key: 'Ändamål',
        description: 'Beskrivning',
        legalBasis: 'Rättslig grund',
        dataCategories: 'Uppgifter',
        retentionDays: 'Sparas (dagar)',
      },
    },
    policyVersions: {
      name: 'Integritetspolicy |||| Integritetspolicyer',
      empty: 'Inga versioner ännu.',
      fields: {
        version: 'Version',
        language: 'Språk',
        text: 'Text',
        materialChange: 'Väsentlig ändring',
        publishedAt: 'Publicerad',
      },
    },
  },
};
