// Demo care packages, tickets and leads, shared by both agencies (each gets its own copy).

export interface DemoPackage {
  key: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  backups: boolean;
  /** A backup is promised at least every this many hours (issue 22). */
  backupIntervalHours: number;
  updates: boolean;
  uptimeMonitoring: boolean;
  supportHoursPerMonth: number;
  responseTimeHours: number;
  /** Monthly price in SEK minor units; EUR and USD and the yearly prices derive from it. */
  monthlySekMinor: number;
}

/**
 * A demo package's prices, from its monthly price in SEK: monthly and yearly (ten months' price) in
 * SEK, EUR and USD, at round demo rates. The demo data and the scale data price packages alike.
 */
export function demoPackagePrices(
  monthlySekMinor: number,
): Array<{ interval: 'MONTHLY' | 'YEARLY'; currency: 'SEK' | 'EUR' | 'USD'; amountMinor: number }> {
  return (['SEK', 'EUR', 'USD'] as const).flatMap((currency) => {
    const monthly =
      currency === 'SEK'
        ? monthlySekMinor
        : Math.round(monthlySekMinor / (currency === 'EUR' ? 11.5 : 10.5) / 100) * 100;
    return [
      { interval: 'MONTHLY' as const, currency, amountMinor: monthly },
      { interval: 'YEARLY' as const, currency, amountMinor: monthly * 10 },
    ];
  });
}

export const demoPackages: readonly DemoPackage[] = [
  {
    key: 'bas',
    nameSv: 'Bas',
    nameEn: 'Basic',
    descriptionSv: 'Uppdateringar och säkerhetskopior varje vecka, drifttidsövervakning.',
    descriptionEn: 'Weekly updates and backups, uptime monitoring.',
    backups: true,
    backupIntervalHours: 168,
    updates: true,
    uptimeMonitoring: true,
    supportHoursPerMonth: 1,
    responseTimeHours: 48,
    monthlySekMinor: 29_900,
  },
  {
    key: 'plus',
    nameSv: 'Plus',
    nameEn: 'Plus',
    descriptionSv: 'Dagliga säkerhetskopior, drifttidsövervakning och två supporttimmar.',
    descriptionEn: 'Daily backups, uptime monitoring and two support hours.',
    backups: true,
    backupIntervalHours: 24,
    updates: true,
    uptimeMonitoring: true,
    supportHoursPerMonth: 2,
    responseTimeHours: 24,
    monthlySekMinor: 59_900,
  },
  {
    key: 'premium',
    nameSv: 'Premium',
    nameEn: 'Premium',
    descriptionSv: 'Allt i Plus, fem supporttimmar och svar inom fyra timmar.',
    descriptionEn: 'Everything in Plus, five support hours and replies within four hours.',
    backups: true,
    backupIntervalHours: 24,
    updates: true,
    uptimeMonitoring: true,
    supportHoursPerMonth: 5,
    responseTimeHours: 4,
    monthlySekMinor: 119_900,
  },
];

export type DemoTicketStatus = 'NEW' | 'OPEN' | 'WAITING_ON_CUSTOMER' | 'RESOLVED' | 'CLOSED';

export interface DemoTicket {
  subject: string;
  status: DemoTicketStatus;
  priority: 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
  channel: 'PORTAL' | 'FORM' | 'EMAIL';
  /** Index into the agency's customers, and into that customer's sites (or none). */
  customer: number;
  site?: number;
  /** The thread: `customer` messages come from the customer's first contact; `staff` from an employee. */
  messages: Array<{ from: 'customer' | 'staff'; body: string; internal?: boolean }>;
  /** Time the employee logged on it (issue 18): minutes, a note, how many days ago. */
  time?: Array<{ minutes: number; note: string; daysAgo: number }>;
}

/** One ticket in every status, one with a pasted card number (masked) and one with a password (flagged). */
export const demoTickets: readonly DemoTicket[] = [
  {
    subject: 'Kassan visar fel pris',
    status: 'NEW',
    priority: 'HIGH',
    channel: 'PORTAL',
    customer: 0,
    site: 0,
    messages: [
      { from: 'customer', body: 'Kunder ser 0 kr i kassan sedan i morse. Mitt kort 4242 4242 4242 4242 drogs ändå.' },
    ],
  },
  {
    subject: 'Uppdatera öppettider',
    status: 'OPEN',
    priority: 'NORMAL',
    channel: 'EMAIL',
    customer: 0,
    site: 0,
    messages: [
      { from: 'customer', body: 'Kan ni byta öppettiderna på startsidan till 07–18?' },
      { from: 'staff', body: 'Kunden vill ha det före fredag.', internal: true },
    ],
    time: [{ minutes: 30, note: 'Bytte öppettider i sidfoten och på kontaktsidan', daysAgo: 1 }],
  },
  {
    subject: 'Login to the admin does not work',
    status: 'WAITING_ON_CUSTOMER',
    priority: 'NORMAL',
    channel: 'PORTAL',
    customer: 1,
    site: 0,
    messages: [
      { from: 'customer', body: 'I cannot log in. My password: Sommar2026! if you need it.' },
      {
        from: 'staff',
        body: 'Thanks, we have reset your login. Please change that password; never send it by e-mail.',
      },
    ],
    time: [
      { minutes: 45, note: 'Reset the admin login and checked the audit log', daysAgo: 2 },
      { minutes: 15, note: 'Follow-up', daysAgo: 1 },
    ],
  },
  {
    subject: 'Ny bild i sidhuvudet',
    status: 'RESOLVED',
    priority: 'LOW',
    channel: 'FORM',
    customer: 1,
    messages: [
      { from: 'customer', body: 'Vi vill byta bilden i sidhuvudet.' },
      { from: 'staff', body: 'Klart! Säg till om något ser fel ut.' },
    ],
  },
  {
    subject: 'Faktura för oktober',
    status: 'CLOSED',
    priority: 'LOW',
    channel: 'EMAIL',
    customer: 0,
    messages: [
      { from: 'customer', body: 'Kan ni skicka fakturan igen?' },
      { from: 'staff', body: 'Skickad till er faktura-adress.' },
    ],
  },
];

/**
 * Issue 22: a month of care on every monitored demo site: checks (raw for the last `rawDays`, daily
 * roll-ups before), one past outage on each agency's first site (closed, with its ticket), and
 * updates its agent reported. Backups come from each site's `backupDays`.
 */
export const demoCareHistory = {
  days: 30,
  rawDays: 3,
  /** Median response time of a demo site, ms (each site and day varies around it). */
  typicalMs: 240,
  outage: {
    daysAgo: 12,
    /** UTC hour and minute it began, and how long it lasted. */
    at: '03:10',
    minutes: 25,
    subjectSv: '%{domain} svarar inte',
    subjectEn: '%{domain} is down',
    bodySv: 'Övervakningen når inte %{domain} (HTTP 502).',
    bodyEn: 'The checks cannot reach %{domain} (HTTP 502).',
    noteSv: '%{domain} svarar igen, efter 25 min. Webbhotellet startade om PHP-FPM.',
    noteEn: '%{domain} is back up, after 25 min. The host restarted PHP-FPM.',
  },
  updates: [
    { component: 'wordpress', from: '6.8.3', to: '6.9', daysAgo: 4 },
    { component: 'plugin:woocommerce', from: '10.2.2', to: '10.3.0', daysAgo: 9 },
    { component: 'plugin:wordfence', from: '8.0.5', to: '8.1.0', daysAgo: 16 },
    { component: 'theme:astra', from: '4.11.10', to: '4.11.12', daysAgo: 23 },
  ],
} as const;

export interface DemoLead {
  name: string;
  email: string;
  company?: string;
  phone?: string;
  message: string;
  status: 'NEW' | 'CONTACTED' | 'ARCHIVED';
}

export const demoLeads: readonly DemoLead[] = [
  {
    name: 'Karin Lund',
    email: 'karin@lundsblommor.example.com',
    company: 'Lunds Blommor',
    phone: '+46702223344',
    message: 'Vi behöver hjälp med vår WordPress-sida, vad kostar Plus?',
    status: 'NEW',
  },
  {
    name: 'Tom Becker',
    email: 'tom@becker-consulting.example.com',
    message: 'Looking for someone to take care of our Webflow site.',
    status: 'CONTACTED',
  },
];

/** The wording a demo (or scale) subscriber agreed to at checkout: renewal and charge each period. */
export const RECURRING_CONSENT_TEXT =
  'Jag godkänner att abonnemanget förnyas och debiteras automatiskt varje period tills jag säger upp det. / I agree that the subscription renews and is charged automatically each period until I cancel.';

export const LEAD_CONSENT_TEXT =
  'Jag godkänner att ni kontaktar mig om min förfrågan. / I agree that you contact me about my request.';
