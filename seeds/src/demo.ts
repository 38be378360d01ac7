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

export interface DemoTenant {
  slug: string;
  name: string;
  country: string;
  defaultLanguage: 'sv' | 'en';
  privacyContactEmail: string;
  supervisoryAuthority: { name: string; url: string };
  timezone: string;
  users: DemoUser[];
}

export const IMY = {
  name: 'Integritetsskyddsmyndigheten (IMY)',
  url: 'https://www.imy.se',
} as const;

export const demoTenants: readonly DemoTenant[] = [
  {
    slug: 'jj-media',
    name: 'JJ Media (demo)',
    country: 'SE',
    defaultLanguage: 'sv',
    privacyContactEmail: 'privacy@jj-media.example.com',
    supervisoryAuthority: IMY,
    timezone: 'Europe/Stockholm',
    users: [
      { email: 'admin@jj-media.example.com', name: 'Johanna Jönsson', role: 'ADMIN', preferredLanguage: 'sv' },
      { email: 'erik@jj-media.example.com', name: 'Erik Lindqvist', role: 'EMPLOYEE', preferredLanguage: 'sv' },
      { email: 'sara@jj-media.example.com', name: 'Sara Nilsson', role: 'EMPLOYEE', preferredLanguage: 'en' },
      { email: 'kontraktor@freelance.example.com', name: 'Mikael Berg', role: 'CONTRACTOR', preferredLanguage: 'sv' },
      { email: 'anna@bageriet.example.com', name: 'Anna Ek', role: 'CUSTOMER', preferredLanguage: 'sv' },
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
    users: [
      { email: 'admin@nordvik.example.com', name: 'Nora Vik', role: 'ADMIN', preferredLanguage: 'en' },
      { email: 'oskar@nordvik.example.com', name: 'Oskar Holm', role: 'EMPLOYEE', preferredLanguage: 'sv' },
      { email: 'dev@contractor.example.com', name: 'Priya Shah', role: 'CONTRACTOR', preferredLanguage: 'en' },
      { email: 'lars@fjallstuga.example.com', name: 'Lars Fjäll', role: 'CUSTOMER', preferredLanguage: 'sv' },
    ],
  },
];
