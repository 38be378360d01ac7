// A few lines of fetch for the GraphQL calls made before and around login (login, me, password
// pages, profile), so the login page loads without Apollo Client; the data provider uses Apollo.

/** One GraphQL error as the API sends it: a stable code in `extensions.code`, maybe the field. */
export interface ApiErrorExtensions {
  code?: string;
  field?: string;
  fields?: { field: string; message: string }[];
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

  /** Server validation messages per form field (`{ email: '…' }`), empty when none names a field. */
  get fieldErrors(): Record<string, string> {
    return fieldErrorsOf(this.message, this.extensions);
  }
}

export function fieldErrorsOf(message: string, extensions: ApiErrorExtensions): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message: fieldMessage } of extensions.fields ?? []) {
    errors[field] ??= fieldMessage;
  }
  if (extensions.field && !errors[extensions.field]) errors[extensions.field] = message;
  return errors;
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
