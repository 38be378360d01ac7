// Issue 25 item 7: the one map from a failed request to what the user reads. Every typed error code
// of the API (server/src/graphql/errors.ts) has a message in both languages (sitecare.api_errors.*);
// a request that never reached the server is NETWORK_ERROR. Apollo's and fetch's own texts
// ("Failed to fetch") are never shown.
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
