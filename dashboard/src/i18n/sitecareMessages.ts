// Sitecare's own messages (`sitecare.*`). English is the reference; the Swedish object must have
// exactly the same shape, which the `Messages` type checks at compile time.

export const sitecareEnglish = {
  sitecare: {
    home: {
      title: 'Welcome to Sitecare',
      intro: "Sitecare is where your agency looks after its clients' websites.",
      status_link: 'See system status',
    },
    status: {
      title: 'System status',
      summary: 'Checks that the API and its database answer.',
      loading: 'Checking system status…',
      api: 'API',
      database: 'Database',
      version: 'Version',
      refresh: 'Check again',
      error_title: 'The API could not be reached',
      error_hint: 'Check that the server is running, then try again.',
      error_details: 'Details: %{message}',
      values: {
        ok: 'OK',
        up: 'Up',
        down: 'Down',
        error: 'Error',
        degraded: 'Degraded',
        unavailable: 'Unavailable',
        unknown: 'Unknown',
      },
    },
  },
} as const;

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const sitecareSwedish: Messages<typeof sitecareEnglish> = {
  sitecare: {
    home: {
      title: 'Välkommen till Sitecare',
      intro: 'I Sitecare tar er byrå hand om kundernas webbplatser.',
      status_link: 'Visa systemstatus',
    },
    status: {
      title: 'Systemstatus',
      summary: 'Kontrollerar att API:et och dess databas svarar.',
      loading: 'Kontrollerar systemstatus…',
      api: 'API',
      database: 'Databas',
      version: 'Version',
      refresh: 'Kontrollera igen',
      error_title: 'Det gick inte att nå API:et',
      error_hint: 'Kontrollera att servern är igång och försök sedan igen.',
      error_details: 'Detaljer: %{message}',
      values: {
        ok: 'OK',
        up: 'Igång',
        down: 'Nere',
        error: 'Fel',
        degraded: 'Begränsad',
        unavailable: 'Ej tillgänglig',
        unknown: 'Okänd',
      },
    },
  },
};
