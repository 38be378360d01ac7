// Typed error codes: expected failures name a stable code (and the field); faults are masked.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
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
export const badInput = (field: string, message: string) => new AppError(ErrorCode.BAD_USER_INPUT, message, { field });

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
