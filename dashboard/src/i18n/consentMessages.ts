// Messages of consents, processing purposes and policy versions, merged into sitecareMessages.ts.
// English is the reference; Swedish must have the same shape (checked at compile time below).

export const consentEnglish = {
  sitecare: {
    consent_decision: { GRANTED: 'Granted', WITHDRAWN: 'Withdrawn' },
    consent_channel: { EMAIL: 'E-mail', SMS: 'SMS', PHONE: 'Phone', SOCIAL: 'Social media', WEB: 'Website' },
    consent_method: {
      FORM: 'Form',
      PORTAL: 'Customer portal',
      IMPORT: 'Import',
      UNSUBSCRIBE_LINK: 'Unsubscribe link',
      STAFF_ON_INSTRUCTION: 'Staff, on instruction',
      DOUBLE_OPT_IN: 'Confirmed by e-mail',
      COOKIE_BANNER: 'Cookie banner',
    },
    purpose: {
      newsletter: 'Newsletter and offers',
      targeted_ads: 'Targeted advertising',
      profiling: 'Profiling',
      service_delivery: 'Delivering our services',
      analytics: 'Site analytics',
      email_tracking: 'E-mail opens and clicks',
    },
    legal_basis: {
      CONSENT: 'Consent',
      CONTRACT: 'Contract',
      LEGAL_OBLIGATION: 'Legal obligation',
      LEGITIMATE_INTEREST: 'Legitimate interest',
      VITAL_INTEREST: 'Vital interest',
      PUBLIC_TASK: 'Public task',
    },
    policy: {
      publish: 'Publish',
      publish_title: 'Publish version %{version}?',
      publish_content: 'The version becomes the privacy policy in force. It cannot be edited afterwards.',
      publish_material:
        'This is a material change: everyone with a login or a current consent is e-mailed and asked to accept it.',
      published: 'The version is published',
      material_help: 'People concerned are notified and must accept the change',
    },
    my_consents: {
      title: 'My consents',
      channels: 'What you have agreed to, and how we may contact you',
      age_confirmed: 'I am old enough to give consent myself',
      cookies: 'Cookies',
      necessary: 'Necessary (always on)',
      analytics: 'Analytics',
      marketing: 'Marketing',
      history: 'History',
      saved: 'Your choice is saved',
      policy_pending: 'Our privacy policy has changed (version %{version})',
      accept: 'I accept',
    },
  },
  resources: {
    consentEvents: {
      name: 'Consent |||| Consents',
      empty: 'No consents recorded.',
      fields: {
        createdAt: 'Time',
        subjectEmail: 'E-mail address',
        visitorId: 'Visitor',
        contactId: 'Contact (id)',
        purposeKey: 'Purpose',
        channel: 'Channel',
        decision: 'Decision',
        method: 'How',
        wording: 'Wording shown',
        ip: 'IP address',
      },
    },
    processingPurposes: {
      name: 'Processing purpose |||| Processing purposes',
      fields: {
        key: 'Purpose',
        description: 'Description',
        legalBasis: 'Legal basis',
        dataCategories: 'Data',
        retentionDays: 'Kept (days)',
      },
    },
    policyVersions: {
      name: 'Privacy policy |||| Privacy policies',
      empty: 'No versions yet.',
      fields: {
        version: 'Version',
        language: 'Language',
        text: 'Text',
        materialChange: 'Material change',
        publishedAt: 'Published',
      },
    },
  },
} as const;

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

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
