// OpenTelemetry tracing, loaded first by main.ts so that its instrumentations hook http, express and
// pg before anything requires them. Only when OTEL_EXPORTER_OTLP_ENDPOINT is set is the SDK loaded
// and started; otherwise nothing here loads, and the spans made with @opentelemetry/api elsewhere
// (graphql.ts, jobs) are its no-op ones.
import type { Tracing } from './tracing-sdk';

function configuredEndpoint(): string | undefined {
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return undefined;
  try {
    new URL(endpoint);
    return endpoint;
  } catch {
    return undefined; // config.ts refuses it with a message naming the variable
  }
}

const endpoint = configuredEndpoint();

/** A synchronous require: the instrumentations must be in place before main.ts's next import loads pg. */
function loadSdk(): typeof import('./tracing-sdk') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./tracing-sdk');
}

const started: Tracing | undefined = endpoint ? loadSdk().startTracing(process.env) : undefined;

/** Sends the spans still buffered and stops the exporter (at shutdown); nothing when tracing is off. */
export async function stopTracing(): Promise<void> {
  await started?.shutdown();
}
