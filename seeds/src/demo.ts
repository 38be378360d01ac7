// The demo data set: two agencies, deterministic, every address on a reserved test domain.
// The server loads it into an empty database; each module adds its own part here.

export interface DemoTenant {
  slug: string;
  name: string;
  country: string;
  defaultLanguage: 'sv' | 'en';
  privacyContactEmail: string;
  supervisoryAuthority: { name: string; url: string };
  timezone: string;
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
  },
  {
    slug: 'nordvik-webbyra',
    name: 'Nordvik Webbyrå (demo)',
    country: 'SE',
    defaultLanguage: 'en',
    privacyContactEmail: 'dataskydd@nordvik.example.com',
    supervisoryAuthority: IMY,
    timezone: 'Europe/Stockholm',
  },
];
