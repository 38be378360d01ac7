// Messages of the integrations on the Agency settings screen (admins; issue 21): API keys, webhook
// endpoints, the website's origins and the contact form snippet. Merged into sitecareMessages.ts.

export const integrationsEnglish = {
  sitecare: {
    integrations: {
      shown_once: 'Copy it now: it is shown only this once.',
      none: 'None yet.',
      keys: {
        title: 'API keys',
        help: 'Another system calls Sitecare with a key as "Authorization: Bearer …". A key acts as an employee of the agency (never an admin), on your behalf; every action is logged with its name.',
        name: 'Name',
        expires: 'Expires (optional)',
        create: 'Make a key',
        revoke: 'Revoke',
        revoked: 'revoked %{when}',
        expires_at: 'expires %{when}',
        last_used: 'last used %{when}',
        never_used: 'never used',
        new_key: 'New key',
      },
      hooks: {
        title: 'Webhooks',
        help: 'Sitecare posts signed events (Standard Webhooks) to these HTTPS addresses after each change, with retries for about a day. Only ids and changed fields are sent, never personal details.',
        url: 'Address (https://…)',
        events: 'Events',
        create: 'Add the endpoint',
        secret: 'Signing secret',
        rotate: 'New secret',
        rotate_help: 'The old secret keeps signing beside the new one for 24 hours.',
        remove: 'Remove',
        enable: 'Turn on',
        disable: 'Turn off',
        log: 'Delivery log',
        replay: 'Send again',
        status: { ACTIVE: 'Working', FAILING: 'Failing', off: 'Off' },
        delivery: '%{event}: %{status}, %{attempts} attempt(s), answer %{code}, %{when}',
        no_deliveries: 'Nothing sent yet.',
      },
      website: {
        title: 'Your website',
        help: 'Browsers on these origins may send the contact form, newsletter sign-ups, cookie choices, visits, support and privacy requests and orders to Sitecare, without cookies.',
        origins: 'Origins, one per line (e.g. https://www.example.com)',
        save: 'Save the origins',
        saved: 'The origins have been saved',
        snippet: 'Contact form for your website',
        snippet_help: 'Paste this into a page of your website (its origin must be in the list above).',
      },
    },
  },
};
