// Apollo Server with our error policy: client-facing codes pass, everything else is masked and logged.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import type { Logger } from '../logger';
import type { RequestContext } from './context';
import { ErrorCode, PUBLIC_ERROR_CODES } from './errors';

function errorPolicyPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
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
          for (const error of response.body.singleResult.errors as GraphQLFormattedError[]) {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}

/** No SQL, stack trace or internal message reaches a client. */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
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
}): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    schema: opts.schema,
    introspection: !opts.isProduction,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: opts.isProduction,
    csrfPrevention: true,
    // We stop Apollo ourselves, in order: HTTP, then the pool, then (embedded) PostgreSQL.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: opts.httpServer }), errorPolicyPlugin(opts.logger)],
  });
}
