// Issue 25 part B: what the user reads when a request fails, per typed error code (the one map:
// providers/errorMessages.ts), merged into sitecareMessages.ts. Swedish in errorMessages.sv.ts.

export const errorEnglish = {
  sitecare: {
    api_errors: {
      NETWORK_ERROR: 'The server could not be reached. Check the connection and try again.',
      INTERNAL_SERVER_ERROR: 'Something went wrong on the server. Try again in a moment.',
      SERVICE_UNAVAILABLE: 'The service is unavailable right now. Try again in a moment.',
      UNAUTHENTICATED: 'Your session has ended. Log in again.',
      FORBIDDEN: 'You do not have access to this.',
      NOT_FOUND: 'This could not be found. It may have been removed.',
      BAD_USER_INPUT: 'Check the fields marked in red.',
      RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
      STEP_UP_REQUIRED: 'Confirm it is you first.',
      SECOND_FACTOR_REQUIRED: 'Enter the code from your authenticator app first.',
      SECOND_FACTOR_SETUP_REQUIRED: 'The agency requires two-step login. Set it up first.',
    },
    invite_notice: {
      sent: 'The invitation to %{email} is on its way.',
      queued:
        'The invitation to %{email} is queued: no mail server is set up (SMTP_URL), so it waits under Sent mail and is not delivered.',
      link_label: 'Invitation link (development only): pass it on by hand',
      copy: 'Copy link',
      copied: 'Link copied',
    },
    load_error: {
      title: 'Could not load this',
      retry: 'Try again',
    },
    // Issue 25 item 6: what a refused field says, by the server's code for it (class-validator's
    // constraint names, and a service's own codes). A code not here shows the server's text.
    field_errors: {
      isEmail: 'Enter a valid e-mail address, e.g. name@example.com.',
      isUrl: 'Enter a full web address, e.g. https://example.com.',
      isDomain: 'Enter a domain name, e.g. example.com.',
      isPhoneNumber: 'Enter a phone number, e.g. 070-123 45 67 or +46 70 123 45 67.',
      isCountryCode: 'Choose a country.',
      isTimeZone: 'Choose a time zone.',
      isUUID: 'Choose one from the list.',
      isEnum: 'Choose one of the options.',
      isIn: 'Choose one of the options.',
      isInt: 'Enter a whole number.',
      min: 'The number is too small.',
      max: 'The number is too large.',
      isBoolean: 'Answer yes or no.',
      isDate: 'Enter a date.',
      isString: 'Enter a text.',
      length: 'The text is too short or too long.',
      minLength: 'The text is too short.',
      maxLength: 'The text is too long.',
      matches: 'This is not in the expected form.',
      arrayMinSize: 'Choose at least one.',
      arrayMaxSize: 'Too many chosen.',
      equals: 'This must be accepted.',
      orderNotCancellable: 'Only an order waiting for payment can be cancelled; a paid order is refunded by us.',
      orderNotPayable:
        'Only an order waiting for payment can be paid here; an invoiced order is paid through its invoice.',
    },
  },
} as const;
