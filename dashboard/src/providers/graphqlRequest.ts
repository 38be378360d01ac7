// A few lines of fetch for the GraphQL calls made before and around login (login, me, password
// pages, profile), so the login page loads without Apollo Client; the data provider uses Apollo.
import { fieldErrorKeyOf } from './errorMessages';

/** One GraphQL error as the API sends it: a stable code in `extensions.code`, maybe the field. */
export interface ApiErrorExtensions {
  code?: string;
  field?: string;
  /** Each refused field, with the server's code for what is wrong (issue 25 item 6) and its English text. */
  fields?: { field: string; message: string; code?: string }[];
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly code: string;
  readonly extensions: ApiErrorExtensions;

  constructor(message: string, extensions: ApiErrorExtensions = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = extensions.code ?? 'INTERNAL_SERVER_ERROR';
    this.extensions = extensions;
  }

  /** What the person reads about this refusal: BAD_USER_INPUT's first field by its code (an i18n key), else the message. */
  get inputMessage(): string {
    return this.code === 'BAD_USER_INPUT' ? inputErrorMessage(this.message, this.extensions) : this.message;
  }

  /** Server validation messages per form field (`{ email: '…' }`), empty when none names a field. */
  get fieldErrors(): Record<string, string> {
    return fieldErrorsOf(this.message, this.extensions);
  }
}

/**
 * What each refused field says, for every form (the data provider's and the hand-made ones): the
 * i18n key of its code when the dashboard knows the code (react-admin's inputs translate it; other
 * forms show it through `translate`), otherwise the server's own text.
 */
export function fieldErrorsOf(message: string, extensions: ApiErrorExtensions): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message: fieldMessage, code } of extensions.fields ?? []) {
    errors[field] ??= fieldErrorKeyOf(code) ?? fieldMessage;
  }
  if (extensions.field && !errors[extensions.field]) errors[extensions.field] = message;
  return errors;
}

/** A BAD_USER_INPUT's notice: its first field's message by code (an i18n key), else the server's text. */
export function inputErrorMessage(message: string, extensions: ApiErrorExtensions): string {
  return fieldErrorKeyOf(extensions.fields?.[0]?.code) ?? message;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: ApiErrorExtensions }[];
}

/** The operation's name (`query Me {…}` is "Me"), sent with every request (issue 25 item 9). */
export const operationNameOf = (query: string): string | null =>
  /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1] ?? null;

/** Runs one operation against /graphql with the session cookie; rejects with the first ApiError. */
export async function graphqlRequest<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ operationName: operationNameOf(query), query, variables }),
    });
  } catch {
    throw new ApiError('The server could not be reached', { code: 'NETWORK_ERROR' });
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The server answered ${response.status}`, { code: 'NETWORK_ERROR' });
  }
  const [first] = body.errors ?? [];
  if (first) throw new ApiError(first.message, first.extensions);
  if (!body.data) throw new ApiError('The server sent no data');
  return body.data;
}
