// One observation per GraphQL request, whichever path answers it: the compiled lane (graphql/sql/lane.ts,
// ahead of Apollo and its plugins), Apollo with the compiled answer (transaction.ts), or Apollo's
// resolvers. It makes the request's GraphQL span (the parent of its SQL statements' spans), and at the
// end of the response records the duration by operation and path, and the error codes answered.
import type { ApolloServerPlugin } from '@apollo/server';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { Request, RequestHandler, Response } from 'express';
import type { GraphQLFormattedError, OperationDefinitionNode } from 'graphql';
import type { GraphqlPath, Metrics } from './metrics';

interface Observation {
  started: bigint;
  span: Span;
  operation?: { name: string | undefined; type: string };
  path: GraphqlPath;
  failed: boolean;
}

const observations = new WeakMap<Response, Observation>();
const tracer = trace.getTracer('sitecare');

/** The operation the request runs, once parsed and validated (Apollo) or recognised (the compiled lane). */
export function observeOperation(res: Response | undefined, operation: OperationDefinitionNode): void {
  const observation = res && observations.get(res);
  if (!observation || observation.operation) return;
  const name = operation.name?.value;
  observation.operation = { name, type: operation.operation };
  observation.span.updateName(name ? `${operation.operation} ${name}` : operation.operation);
  observation.span.setAttribute('graphql.operation.type', operation.operation);
  if (name) observation.span.setAttribute('graphql.operation.name', name);
}

/** The request was answered by the compiled SQL (graphql/sql), not by the resolvers. */
export function observeCompiledAnswer(res: Response | undefined): void {
  const observation = res && observations.get(res);
  if (observation) observation.path = 'compiled';
}

/** The operation, for the access log: its name (or "anonymous") and the path that answered. */
export function observedOperation(res: Response): { operation: string; graphqlPath: GraphqlPath } | undefined {
  const observation = observations.get(res);
  if (!observation?.operation) return undefined;
  return { operation: observation.operation.name ?? 'anonymous', graphqlPath: observation.path };
}

/** Mounted on /graphql ahead of the compiled lane and Apollo. */
export function observeGraphql(metrics: Metrics): RequestHandler {
  return (req: Request, res: Response, next) => {
    const span = tracer.startSpan('graphql', { kind: SpanKind.INTERNAL });
    const observation: Observation = { started: process.hrtime.bigint(), span, path: 'resolvers', failed: false };
    observations.set(res, observation);
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - observation.started) / 1e9;
      const { operation } = observation;
      // A GET without an operation is the landing page (outside production), not a request to count.
      if (operation || req.method === 'POST') {
        const label = operation ? metrics.operationLabel(operation.name) : 'other';
        metrics.graphqlDuration.observe({ operation: label, path: observation.path }, seconds);
        metrics.graphqlAnswers.inc({ path: observation.path });
      }
      span.setAttribute('sitecare.graphql.path', observation.path);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (observation.failed || res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    // Everything after this (the lane, Apollo, the resolvers' statements) runs inside the span.
    context.with(trace.setSpan(context.active(), span), next);
  };
}

/** Apollo's side: the resolved operation, and the error codes of every answer Apollo sends. */
export function observabilityPlugin(metrics: Metrics): ApolloServerPlugin<{ res?: Response }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (operation) observeOperation(contextValue.res, operation);
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const errors = (response.body.singleResult.errors ?? []) as GraphQLFormattedError[];
          for (const error of errors) {
            const code = error.extensions?.code;
            metrics.countError(code);
            if (code === 'INTERNAL_SERVER_ERROR') {
              const observation = contextValue.res && observations.get(contextValue.res);
              if (observation) observation.failed = true;
            }
          }
        },
      };
    },
  };
}
