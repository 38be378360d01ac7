// Issue 25 item 7: the one map from a failed request to what the user reads. Every typed error code
// of the API (server/src/graphql/errors.ts) has a message in both languages (sitecare.api_errors.*);
// a request that never reached the server is NETWORK_ERROR. Apollo's and fetch's own texts
// ("Failed to fetch") are never shown.
import { useTranslate } from 'react-admin';

import { errorEnglish } from '../i18n/errorMessages';

export type ApiErrorCode = keyof typeof errorEnglish.sitecare.api_errors;

const isCode = (code: unknown): code is ApiErrorCode =>
  typeof code === 'string' && Object.prototype.hasOwnProperty.call(errorEnglish.sitecare.api_errors, code);

/** The typed code of an error from graphqlRequest (ApiError), the data provider (HttpError) or Apollo. */
export function errorCodeOf(error: unknown): ApiErrorCode {
  const e = error as {
    code?: unknown;
    body?: { code?: unknown; graphQLErrors?: { extensions?: { code?: unknown } }[] };
    graphQLErrors?: { extensions?: { code?: unknown } }[];
    networkError?: unknown;
    status?: unknown;
  } | null;
  const code =
    e?.code ??
    e?.body?.code ??
    e?.graphQLErrors?.[0]?.extensions?.code ??
    e?.body?.graphQLErrors?.[0]?.extensions?.code;
  if (isCode(code)) return code;
  if (e?.networkError || error instanceof TypeError || e?.status === 0) return 'NETWORK_ERROR';
  return 'INTERNAL_SERVER_ERROR';
}

/** The i18n key of what the user reads for `error`. */
export const errorMessageKey = (error: unknown) => `sitecare.api_errors.${errorCodeOf(error)}`;

/**
 * Issue 25 item 6: the i18n key of a refused field's code (`isEmail` → sitecare.field_errors.isEmail),
 * or undefined for a code the dashboard does not know (the server's text is shown then).
 */
export function fieldErrorKeyOf(code: unknown): string | undefined {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(errorEnglish.sitecare.field_errors, code)
    ? `sitecare.field_errors.${code}`
    : undefined;
}

/**
 * For forms that show a field's error themselves (not through react-admin's inputs, which translate
 * it): the text of a field error from `fieldErrorsOf`, an i18n key or the server's own words.
 */
export function useFieldErrorText(): (message: string | undefined) => string | undefined {
  const translate = useTranslate();
  return (message) => (message ? translate(message, { _: message }) : message);
}

/**
 * The notice for a failed call made with graphqlRequest (or any error): a refused input says its
 * first field's problem by code (the server's text only for a code not known); everything else the
 * code's message, in the UI's language.
 */
export function errorNotice(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; extensions?: { fields?: { code?: string }[] } } | null;
  if (e?.code === 'BAD_USER_INPUT') {
    return fieldErrorKeyOf(e.extensions?.fields?.[0]?.code) ?? (typeof e.message === 'string' ? e.message : '');
  }
  return errorMessageKey(error);
}
