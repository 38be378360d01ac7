// Apollo Server with our error policy: client-facing codes pass, everything else is masked and logged.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import type { Logger } from '../logger';
import { observabilityPlugin } from '../observability/graphql';
import type { Metrics } from '../observability/metrics';
import type { RequestContext } from './context';
import { armorProtection, costLimitPlugin, fieldRepeatLimit, QueryCosts } from './armor';
import { ErrorCode, PUBLIC_ERROR_CODES, isDatabaseUnavailable, serviceUnavailable } from './errors';
import type { SqlAnswers } from './sql/answer';
import { flattenValidation, type ClassValidatorError } from './validation';
import { transactionPlugin } from './transaction';

function errorPolicyPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    // An error thrown outside execution (e.g. graphql-armor's token limit while parsing) would become
    // a bare "Internal server error". A GraphQLError was written for the client: pass it on as a
    // refused request. Anything else (a driver error with addresses or SQL) stays masked.
    async unexpectedErrorProcessingRequest({ error }) {
      if (!(error instanceof GraphQLError)) return;
      const code = String(error.extensions?.code ?? '');
      throw new GraphQLError(error.message, {
        extensions: { code: PUBLIC_ERROR_CODES.has(code) ? code : 'GRAPHQL_VALIDATION_FAILED' },
      });
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const code = String(error.extensions?.code ?? '');
            if (!PUBLIC_ERROR_CODES.has(code)) {
              (contextValue?.logger ?? logger).error(
                { err: error.originalError ?? error, path: error.path, requestId: contextValue?.requestId },
                'internal error in GraphQL request',
              );
            }
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          let retryAfter = 0;
          for (const error of response.body.singleResult.errors as GraphQLFormattedError[]) {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            if (error.extensions?.code === ErrorCode.RATE_LIMITED)
              retryAfter = Math.max(retryAfter, Number(error.extensions.retryAfterSeconds) || 1);
          }
          // Every RATE_LIMITED answer (login, public forms, visits) carries the standard hint as well.
          if (retryAfter) response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}

/** type-graphql's argument validation: name each field; never echo the submitted value back. */
function formatValidationErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const fields = flattenValidation(formatted.extensions!.validationErrors as ClassValidatorError[]);
  const first = fields[0];
  return {
    message: first ? `Invalid ${first.field}: ${first.message}` : 'Invalid input',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCode.BAD_USER_INPUT, field: first?.field, fields },
  };
}

/**
 * A variable a scalar rejected before any resolver ran (`"probe"` for a DateTimeISO) arrives
 * coded as an internal error by Apollo; it is the client's input: BAD_USER_INPUT naming the field.
 */
function variableCoercionError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const code = formatted.extensions?.code;
  // Met first by the cost check (graphql-query-complexity coerces the variables), which codes it as the
  // client's input (armor.ts), as the executor does when the document's cost was cached; anything
  // else that reaches here uncoded arrives as an internal error.
  const coded = code === ErrorCode.INTERNAL_SERVER_ERROR || code === ErrorCode.BAD_USER_INPUT;
  if ((code && !coded) || !formatted.message.startsWith('Variable "$')) return undefined;
  const at = /got invalid value .* at "[^".]+\.([^"]+)"/.exec(formatted.message)?.[1];
  const field = at?.replace(/\[\d+\]/g, (m) => `.${m.slice(1, -1)}`);
  return {
    message: formatted.message,
    locations: formatted.locations,
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
  };
}

/** No SQL, stack trace or internal message reaches a client. */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  // A database outage (S29), wherever it surfaced: a clean, retryable answer without its details.
  if (isDatabaseUnavailable(error)) {
    const { message, extensions } = serviceUnavailable();
    return { message, path: formatted.path, locations: formatted.locations, extensions };
  }
  const coercion = variableCoercionError(formatted);
  if (coercion) return coercion;
  const code = String(formatted.extensions?.code ?? '');
  if (code === ErrorCode.BAD_USER_INPUT && formatted.extensions?.validationErrors) {
    return formatValidationErrors(formatted);
  }
  if (PUBLIC_ERROR_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions } };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

export function createApolloServer(opts: {
  schema: GraphQLSchema;
  httpServer: Server;
  logger: Logger;
  isProduction: boolean;
  /** Operations with SQL readers answered in one statement (graphql/sql); absent: always the resolvers. */
  sqlAnswers?: SqlAnswers;
  /** The cost of each document, shared with the compiled lane. */
  costs?: QueryCosts;
  /** Operations and error codes are counted here (observability/). */
  metrics?: Metrics;
}): ApolloServer<RequestContext> {
  const armor = armorProtection();
  return new ApolloServer<RequestContext>({
    ...armor,
    schema: opts.schema,
    introspection: !opts.isProduction,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: opts.isProduction,
    csrfPrevention: true,
    // We stop Apollo ourselves, in order: HTTP, then the pool, then (embedded) PostgreSQL.
    stopOnTerminationSignals: false,
    formatError,
    validationRules: [...armor.validationRules, fieldRepeatLimit],
    allowBatchedHttpRequests: false,
    plugins: [
      // graphql-armor's plugin turns every unexpected error into a "validation" error carrying the raw
      // message (SQL, addresses); without that hook they reach formatError and are masked or mapped.
      ...armor.plugins.map(({ unexpectedErrorProcessingRequest: _dropped, ...plugin }) => plugin),
      costLimitPlugin(opts.costs ?? new QueryCosts(opts.schema)),
      // Apollo installs cache control by default: a willResolveField hook on every field of every row
      // for HTTP cache hints we never send (every answer is per viewer).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: opts.httpServer }),
      errorPolicyPlugin(opts.logger),
      transactionPlugin(opts.sqlAnswers),
      ...(opts.metrics ? [observabilityPlugin(opts.metrics)] : []),
    ],
  });
}
