// The privacy mail (P29, P34, S23), in Swedish and English. Every one names the agency's privacy contact.
export const PRIVACY_TEMPLATES = {
  'privacy.received': {
    sv: {
      subject: 'Vi har tagit emot din begäran hos %{agency}',
      paragraphs: [
        'Hej!',
        'Vi har tagit emot din begäran (%{type}) den %{received} och svarar senast %{due}.',
        'Frågor om dina personuppgifter: %{privacyContact}',
      ],
    },
    en: {
      subject: 'We have received your request with %{agency}',
      paragraphs: [
        'Hello,',
        'We received your request (%{type}) on %{received} and will answer by %{due} at the latest.',
        'Questions about your personal data: %{privacyContact}',
      ],
    },
  },
  'privacy.confirm': {
    sv: {
      subject: 'Bekräfta din begäran om personuppgifter hos %{agency}',
      paragraphs: [
        'Hej!',
        'Vi har tagit emot en begäran (%{type}) för den här e-postadressen. Bekräfta att det var du genom att följa länken; först då behandlar vi begäran.',
        'Länken gäller i %{expiresInHours} timmar och kan bara användas en gång. Var det inte du kan du bortse från meddelandet.',
        'Frågor om dina personuppgifter: %{privacyContact}',
      ],
      action: 'Bekräfta begäran',
    },
    en: {
      subject: 'Confirm your personal data request with %{agency}',
      paragraphs: [
        'Hello,',
        'We received a request (%{type}) for this e-mail address. Confirm that it was you by following the link; only then do we act on it.',
        'The link is valid for %{expiresInHours} hours and works once. If it was not you, ignore this message.',
        'Questions about your personal data: %{privacyContact}',
      ],
      action: 'Confirm the request',
    },
  },
  'privacy.extended': {
    sv: {
      subject: 'Vi behöver mer tid för din begäran hos %{agency}',
      paragraphs: [
        'Hej!',
        'Vi behöver mer tid för att besvara din begäran (%{type}). Skäl: %{reason}',
        'Du får svar senast %{dueDate}.',
        'Frågor om dina personuppgifter: %{privacyContact}',
      ],
    },
    en: {
      subject: 'We need more time for your request with %{agency}',
      paragraphs: [
        'Hello,',
        'We need more time to answer your request (%{type}). Reason: %{reason}',
        'You will have our answer by %{dueDate}.',
        'Questions about your personal data: %{privacyContact}',
      ],
    },
  },
  'privacy.export_ready': {
    sv: {
      subject: 'Dina personuppgifter från %{agency}',
      paragraphs: [
        'Hej!',
        'Här är allt vi har om dig, som en ZIP-fil med maskinläsbar JSON och en beskrivning.',
        'Länken fungerar en gång och gäller i %{expiresInDays} dagar.',
        'Frågor om dina personuppgifter: %{privacyContact}',
      ],
      action: 'Ladda ner',
    },
    en: {
      subject: 'Your personal data from %{agency}',
      paragraphs: [
        'Hello,',
        'Here is everything we hold about you, as a ZIP file with machine-readable JSON and a description.',
        'The link works once and is valid for %{expiresInDays} days.',
        'Questions about your personal data: %{privacyContact}',
      ],
      action: 'Download',
    },
  },
  'privacy.completed': {
    sv: {
      subject: 'Din begäran hos %{agency} är klar',
      paragraphs: [
        'Hej!',
        'Vi har behandlat din begäran (%{type}). %{outcome}',
        'Är du inte nöjd kan du klaga hos %{authority} (%{authorityUrl}).',
        'Frågor om dina personuppgifter: %{privacyContact}',
      ],
    },
    en: {
      subject: 'Your request with %{agency} is done',
      paragraphs: [
        'Hello,',
        'We have handled your request (%{type}). %{outcome}',
        'If you are not satisfied you may complain to %{authority} (%{authorityUrl}).',
        'Questions about your personal data: %{privacyContact}',
      ],
    },
  },
  'privacy.rejected': {
    sv: {
      subject: 'Din begäran hos %{agency} kunde inte genomföras',
      paragraphs: [
        'Hej!',
        'Vi kan inte genomföra din begäran (%{type}). Skäl: %{reason}',
        'Du kan klaga hos %{authority} (%{authorityUrl}).',
        'Frågor om dina personuppgifter: %{privacyContact}',
      ],
    },
    en: {
      subject: 'Your request with %{agency} could not be carried out',
      paragraphs: [
        'Hello,',
        'We cannot carry out your request (%{type}). Reason: %{reason}',
        'You may complain to %{authority} (%{authorityUrl}).',
        'Questions about your personal data: %{privacyContact}',
      ],
    },
  },
  'privacy.overdue': {
    sv: {
      subject: '%{count} integritetsbegäranden är försenade hos %{agency}',
      paragraphs: [
        'Hej!',
        '%{count} begäranden om personuppgifter har passerat sitt slutdatum. Öppna listan och hantera dem nu.',
      ],
    },
    en: {
      subject: '%{count} privacy requests are overdue at %{agency}',
      paragraphs: [
        'Hello,',
        '%{count} personal data requests are past their due date. Open the list and handle them now.',
      ],
    },
  },
} satisfies Record<string, Record<'sv' | 'en', { subject: string; paragraphs: string[]; action?: string }>>;

/** The request types as people read them. */
export const TYPE_LABELS = {
  sv: {
    ACCESS: 'tillgång till dina uppgifter',
    RECTIFICATION: 'rättelse',
    ERASURE: 'radering',
    RESTRICTION: 'begränsning av behandling',
    OBJECTION: 'invändning mot marknadsföring',
    PORTABILITY: 'dataportabilitet',
    WITHDRAW_CONSENT: 'återkallat samtycke',
  },
  en: {
    ACCESS: 'access to your data',
    RECTIFICATION: 'rectification',
    ERASURE: 'erasure',
    RESTRICTION: 'restriction of processing',
    OBJECTION: 'objection to marketing',
    PORTABILITY: 'data portability',
    WITHDRAW_CONSENT: 'withdrawal of consent',
  },
} as const;
