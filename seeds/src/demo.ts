// The demo data set: two agencies, deterministic, every address on a reserved test domain.
// The server loads it into an empty database; each module adds its own part here.

/** One login per role per agency, for the start banner and the README. */
export function demoLogins(): Array<{ tenant: string; role: DemoRole; email: string }> {
  const order: DemoRole[] = ['ADMIN', 'EMPLOYEE', 'CONTRACTOR', 'CUSTOMER'];
  return demoTenants.flatMap((t) =>
    order.map((role) => ({ tenant: t.name, role, email: t.users.find((u) => u.role === role)!.email })),
  );
}

export type DemoRole = 'ADMIN' | 'EMPLOYEE' | 'CONTRACTOR' | 'CUSTOMER';

export interface DemoUser {
  email: string;
  name: string;
  role: DemoRole;
  preferredLanguage: 'sv' | 'en';
}

/** Every demo login shares this password; `pnpm start` prints it with the logins. */
export const DEMO_PASSWORD = 'sitecare-demo-2026';

/**
 * Issue 20: the demo's one login with an authenticator app (TOTP), to show the second step. Known
 * here so that `pnpm sitecare totp:code <email>` (development only) and the tests can make codes.
 */
export const DEMO_TOTP_EMAIL = 'ida@nordvik.example.com';
export const DEMO_TOTP_SECRET = 'NORDVIKDEMOTOTPSECRETFORIDASTRAN';

/**
 * Issue 20: a passkey record of the same login (a public key whose private key was thrown away: it
 * shows on her profile and in the second step, and no one can use it). The second agency holds one
 * row of each type (the cross-tenant tests); passkeys are added for real in a browser.
 */
export const DEMO_PASSKEY = {
  name: 'Demo security key',
  credentialId: 'c2l0ZWNhcmUtZGVtby1wYXNza2V5',
  publicKey: 'pQECAyYgASFYIGmsvAA_sBc3RTS2NyTG9dmYXzL7zkZf8pu_-_zte8EfIlgguLTpyK5S0w7iKVr4yQjPpCI2eoh8aB17Y4AU2dOUASU',
};

export interface DemoCredential {
  kind: 'CMS_ADMIN' | 'SFTP' | 'SSH' | 'HOSTING_PANEL' | 'DNS' | 'DATABASE' | 'OTHER';
  label: string;
  url?: string;
  username?: string;
  secret: string;
}

export interface DemoSite {
  domain: string;
  platform: 'WORDPRESS' | 'WOOCOMMERCE' | 'WEBFLOW' | 'STATIC' | 'OTHER';
  status?: 'ACTIVE' | 'PAUSED' | 'ENDED';
  credentials: DemoCredential[];
  /** Daily backups for this many days, the oldest already expired (P10). */
  backupDays: number;
  /** Demo users (by e-mail) assigned to the site; `ended` assignments gave access in the past only. */
  assignments: Array<{ email: string; ended?: boolean; reason: string }>;
}

export interface DemoCustomer {
  name: string;
  organisationNumber?: string;
  billingCountry: string;
  /** Issue 19: the invoice address (street, postal code, city). */
  address?: { line1: string; postalCode: string; city: string };
  contacts: Array<{
    name: string;
    email: string;
    phone?: string;
    postalCode?: string;
    country?: string;
    preferredLanguage: 'sv' | 'en';
    socialIdentities?: Array<{ provider: string; externalId: string }>;
  }>;
  sites: DemoSite[];
}

export interface DemoTenant {
  slug: string;
  name: string;
  country: string;
  defaultLanguage: 'sv' | 'en';
  privacyContactEmail: string;
  supervisoryAuthority: { name: string; url: string };
  timezone: string;
  /** Issue 17: the agency's business profile (valid check digits). */
  profile: {
    legalName: string;
    organisationNumber: string;
    vatNumber: string;
    addressLine1: string;
    postalCode: string;
    city: string;
    fSkatt: boolean;
    bankgiro?: string;
    plusgiro?: string;
    iban?: string;
    bic?: string;
    supportEmail: string;
    senderName: string;
  };
  users: DemoUser[];
  customers: DemoCustomer[];
}

export const IMY = {
  name: 'Integritetsskyddsmyndigheten (IMY)',
  url: 'https://www.imy.se',
} as const;

/**
 * Issue 17: each demo agency's own (fake) payment accounts, told apart by key; the fakes in
 * tests/support/fake-payments serve them (`startFake…Accounts(demoPaymentAccounts)`). Sealed as agency
 * secrets by the seed; against the real providers these keys are refused (connect real ones first).
 */
export const demoPaymentAccounts = {
  'jj-media': {
    stripe: { secretKey: 'sk_test_demo_jj_media_4242', webhookSecret: 'whsec_demo_jj_media_signing' },
    mollie: { apiKey: 'test_demojjmedia0000000000000000000' },
    paypal: { clientId: 'demo-jj-media-client', clientSecret: 'demo-jj-media-secret', webhookId: 'WH-DEMO-JJ-MEDIA' },
  },
  'nordvik-webbyra': {
    stripe: { secretKey: 'sk_test_demo_nordvik_1881', webhookSecret: 'whsec_demo_nordvik_signing' },
    mollie: { apiKey: 'test_demonordvik0000000000000000000' },
    paypal: { clientId: 'demo-nordvik-client', clientSecret: 'demo-nordvik-secret', webhookId: 'WH-DEMO-NORDVIK' },
  },
} as const satisfies Record<string, DemoPaymentAccounts>;

/**
 * Issue 25: the card each agency's active renewing demo subscription is charged with (Stripe: the
 * customer and its saved payment method, `cus_…/pm_…`, as a checkout with renewal consent keeps it).
 * The local fake Stripe knows them when started with `savedCards` (tests/support/fake-payments).
 */
export const demoSavedCards = {
  'jj-media': { customer: 'cus_demo_jj_media_bageriet', paymentMethod: 'pm_demo_jj_media_visa4242' },
  'nordvik-webbyra': { customer: 'cus_demo_nordvik_fjallstuga', paymentMethod: 'pm_demo_nordvik_visa4242' },
} as const satisfies Record<string, { customer: string; paymentMethod: string }>;

export interface DemoPaymentAccounts {
  stripe: { secretKey: string; webhookSecret: string };
  mollie: { apiKey: string };
  paypal: { clientId: string; clientSecret: string; webhookId: string };
}

export const demoTenants: readonly DemoTenant[] = [
  {
    slug: 'jj-media',
    name: 'JJ Media (demo)',
    country: 'SE',
    defaultLanguage: 'sv',
    privacyContactEmail: 'privacy@jj-media.example.com',
    supervisoryAuthority: IMY,
    timezone: 'Europe/Stockholm',
    profile: {
      legalName: 'JJ Media AB',
      organisationNumber: '556712-3459',
      vatNumber: 'SE556712345901',
      addressLine1: 'Storgatan 1',
      postalCode: '111 22',
      city: 'Stockholm',
      fSkatt: true,
      bankgiro: '505-1057',
      iban: 'SE4550000000058398257466',
      bic: 'ESSESESS',
      supportEmail: 'support@jj-media.example.com',
      senderName: 'JJ Media support',
    },
    users: [
      { email: 'admin@jj-media.example.com', name: 'Johanna Jönsson', role: 'ADMIN', preferredLanguage: 'sv' },
      { email: 'erik@jj-media.example.com', name: 'Erik Lindqvist', role: 'EMPLOYEE', preferredLanguage: 'sv' },
      { email: 'sara@jj-media.example.com', name: 'Sara Nilsson', role: 'EMPLOYEE', preferredLanguage: 'en' },
      { email: 'kontraktor@freelance.example.com', name: 'Mikael Berg', role: 'CONTRACTOR', preferredLanguage: 'sv' },
      { email: 'anna@bageriet.example.com', name: 'Anna Ek', role: 'CUSTOMER', preferredLanguage: 'sv' },
    ],
    customers: [
      {
        name: 'Bageriet Ek AB',
        organisationNumber: '556677-8899',
        billingCountry: 'SE',
        address: { line1: 'Bagargatan 3', postalCode: '114 51', city: 'Stockholm' },
        contacts: [
          {
            name: 'Anna Ek',
            email: 'anna@bageriet.example.com',
            phone: '+46701234567',
            postalCode: '114 51',
            country: 'SE',
            preferredLanguage: 'sv',
            socialIdentities: [{ provider: 'facebook', externalId: 'anna.ek.bageriet' }],
          },
          {
            name: 'Olof Ek',
            email: 'olof@bageriet.example.com',
            phone: '+46731112233',
            postalCode: '114 51',
            country: 'SE',
            preferredLanguage: 'sv',
          },
        ],
        sites: [
          {
            domain: 'bageriet-ek.example.com',
            platform: 'WOOCOMMERCE',
            backupDays: 35,
            credentials: [
              {
                kind: 'CMS_ADMIN',
                label: 'WordPress admin',
                url: 'https://bageriet-ek.example.com/wp-admin',
                username: 'jjmedia',
                secret: 'demo-Wp!bageriet-2026',
              },
              {
                kind: 'SFTP',
                label: 'SFTP',
                url: 'sftp://sftp.bageriet-ek.example.com',
                username: 'bageriet',
                secret: 'demo-sftp-7f3k9q',
              },
            ],
            assignments: [
              { email: 'kontraktor@freelance.example.com', reason: 'Plugin updates and shop maintenance' },
              { email: 'erik@jj-media.example.com', reason: 'Account manager' },
            ],
          },
        ],
      },
      {
        name: 'Fjällbacka Bryggeri',
        billingCountry: 'SE',
        address: { line1: 'Hamngatan 12', postalCode: '457 40', city: 'Fjällbacka' },
        contacts: [
          {
            name: 'Maja Strand',
            email: 'maja@fjallbryggeri.example.com',
            phone: '+46705556677',
            country: 'SE',
            preferredLanguage: 'en',
          },
        ],
        sites: [
          {
            domain: 'fjallbryggeri.example.com',
            platform: 'WORDPRESS',
            backupDays: 10,
            credentials: [
              {
                kind: 'HOSTING_PANEL',
                label: 'Hosting panel',
                url: 'https://panel.host.example.com',
                username: 'fjall',
                secret: 'demo-panel-Qx81',
              },
            ],
            assignments: [
              { email: 'kontraktor@freelance.example.com', ended: true, reason: 'Theme migration (finished)' },
            ],
          },
          {
            domain: 'shop.fjallbryggeri.example.com',
            platform: 'WEBFLOW',
            status: 'PAUSED',
            backupDays: 3,
            credentials: [],
            assignments: [],
          },
        ],
      },
    ],
  },
  {
    slug: 'nordvik-webbyra',
    name: 'Nordvik Webbyrå (demo)',
    country: 'SE',
    defaultLanguage: 'en',
    privacyContactEmail: 'dataskydd@nordvik.example.com',
    supervisoryAuthority: IMY,
    timezone: 'Europe/Stockholm',
    profile: {
      legalName: 'Nordvik Webbyrå AB',
      organisationNumber: '559234-5671',
      vatNumber: 'SE559234567101',
      addressLine1: 'Fjällvägen 7',
      postalCode: '831 30',
      city: 'Östersund',
      fSkatt: true,
      plusgiro: '4183-0',
      supportEmail: 'hjalp@nordvik.example.com',
      senderName: 'Nordvik Webbyrå',
    },
    users: [
      { email: 'admin@nordvik.example.com', name: 'Nora Vik', role: 'ADMIN', preferredLanguage: 'en' },
      { email: 'oskar@nordvik.example.com', name: 'Oskar Holm', role: 'EMPLOYEE', preferredLanguage: 'sv' },
      { email: DEMO_TOTP_EMAIL, name: 'Ida Strand', role: 'EMPLOYEE', preferredLanguage: 'sv' },
      { email: 'dev@contractor.example.com', name: 'Priya Shah', role: 'CONTRACTOR', preferredLanguage: 'en' },
      { email: 'lars@fjallstuga.example.com', name: 'Lars Fjäll', role: 'CUSTOMER', preferredLanguage: 'sv' },
    ],
    customers: [
      {
        name: 'Fjällstuga Uthyrning',
        organisationNumber: '559900-1122',
        billingCountry: 'SE',
        address: { line1: 'Fjällvägen 4', postalCode: '837 52', city: 'Åre' },
        contacts: [
          {
            name: 'Lars Fjäll',
            email: 'lars@fjallstuga.example.com',
            phone: '+46709998877',
            postalCode: '837 52',
            country: 'SE',
            preferredLanguage: 'sv',
          },
        ],
        sites: [
          {
            domain: 'fjallstuga.example.com',
            platform: 'WORDPRESS',
            backupDays: 14,
            credentials: [
              {
                kind: 'CMS_ADMIN',
                label: 'WordPress admin',
                url: 'https://fjallstuga.example.com/wp-admin',
                username: 'nordvik',
                secret: 'demo-stuga-Wp-55',
              },
            ],
            assignments: [{ email: 'dev@contractor.example.com', reason: 'Booking plugin' }],
          },
        ],
      },
      {
        name: 'Harbour Design Ltd',
        billingCountry: 'GB',
        address: { line1: '14 Quay Street', postalCode: 'BS1 4DB', city: 'Bristol' },
        contacts: [
          {
            name: 'Emily Clarke',
            email: 'emily@harbourdesign.example.com',
            phone: '+447700900123',
            country: 'GB',
            preferredLanguage: 'en',
          },
        ],
        sites: [
          {
            domain: 'harbourdesign.example.com',
            platform: 'STATIC',
            backupDays: 5,
            credentials: [{ kind: 'DNS', label: 'DNS provider', username: 'harbour', secret: 'demo-dns-token-9' }],
            assignments: [],
          },
        ],
      },
    ],
  },
];
