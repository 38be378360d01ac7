// The tracing SDK, started by tracing.ts when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans of incoming and
// outgoing HTTP, express's request handlers, PostgreSQL statements (only inside a request or a job, not
// pg-boss's polling), and our own GraphQL operation and job spans, sent in batches by OTLP over HTTP.
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Tracing {
  shutdown(): Promise<void>;
}

/** Probes and scrapes: frequent, and of no interest in a trace. */
const UNTRACED_PATHS = new Set(['/livez', '/readyz', '/healthz', '/metrics']);

function version(): string {
  try {
    return JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

export function startTracing(env: NodeJS.ProcessEnv): Tracing {
  // Both exporters read OTEL_EXPORTER_OTLP_ENDPOINT (and OTEL_EXPORTER_OTLP_HEADERS) themselves and
  // post to its /v1/traces.
  const exporter = env.OTEL_EXPORTER_OTLP_PROTOCOL === 'http/json' ? new JsonExporter() : new ProtobufExporter();
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME || 'sitecare',
      [ATTR_SERVICE_VERSION]: version(),
    }),
    // Batches as configured by OTEL_BSP_* (default: every 5 s, up to 512 spans).
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
      }),
      // The route on the HTTP span and one span per request handler; not one per middleware or router
      // passed on the way.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER] }),
      // Statement text only, never the values (personal data).
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  return { shutdown: () => provider.shutdown() };
}
