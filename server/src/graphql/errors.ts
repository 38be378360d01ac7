// Typed error codes: expected failures name a stable code (and the field); faults are masked.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  /** Issue 20: a high-value action needs a second step within the last minutes (S34). */
  STEP_UP_REQUIRED: 'STEP_UP_REQUIRED',
  /** Issue 20: the login still owes its second step; nothing else answers until it is given. */
  SECOND_FACTOR_REQUIRED: 'SECOND_FACTOR_REQUIRED',
  /** Issue 20: the agency requires a second factor the user has not set up; nothing else answers. */
  SECOND_FACTOR_SETUP_REQUIRED: 'SECOND_FACTOR_SETUP_REQUIRED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes whose message is written for the client and may be shown as is. */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.RATE_LIMITED,
  ErrorCode.STEP_UP_REQUIRED,
  ErrorCode.SECOND_FACTOR_REQUIRED,
  ErrorCode.SECOND_FACTOR_SETUP_REQUIRED,
  ErrorCode.SERVICE_UNAVAILABLE,
  // Raised by Apollo / graphql-js before any resolver runs.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export const notFound = (what = 'Record') => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const forbidden = () => new AppError(ErrorCode.FORBIDDEN, 'You are not allowed to do this');
/**
 * Bad input naming its field; with a `code` (a stable name of what is wrong, as class-validator's
 * constraint names are) the client shows its own words for it (issue 25: translated by code).
 */
export const badInput = (field: string, message: string, code?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { field, ...(code ? { fields: [{ field, message, code }] } : {}) });

/** Errors that mean "the database cannot be reached right now" (connection refused or cut, shutdown). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNAVAILABLE_MESSAGE =
  /connection terminated|connection ended unexpectedly|timeout exceeded when trying to connect|Connection is not established/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current = error as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown } | undefined;
  for (let depth = 0; current && depth < 6; depth++) {
    if (UNAVAILABLE_CODES.has(String(current.code)) || UNAVAILABLE_MESSAGE.test(String(current.message ?? '')))
      return true;
    current = (current.originalError ?? current.cause) as typeof current;
  }
  return false;
}

/** Retryable: HTTP 503 when it ends the whole request. */
export const serviceUnavailable = () =>
  new AppError(
    ErrorCode.SERVICE_UNAVAILABLE,
    'The service is briefly unavailable; nothing was changed. Try again shortly.',
    {
      http: { status: 503 },
    },
  );
