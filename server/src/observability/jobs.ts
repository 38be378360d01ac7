// A span per job run (pg-boss), the parent of the statements the job makes; a no-op without tracing.
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('sitecare');

export function tracedJob<A extends unknown[], R>(queue: string, handler: (...args: A) => Promise<R>) {
  return (...args: A): Promise<R> =>
    tracer.startActiveSpan(
      `job ${queue}`,
      { kind: SpanKind.CONSUMER, attributes: { 'messaging.system': 'pg-boss', 'messaging.destination.name': queue } },
      async (span) => {
        try {
          return await handler(...args);
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    );
}
