// M24: observability of a running server: /metrics (Prometheus, behind a token), access logs, /livez and
// /readyz, and OpenTelemetry traces sent by OTLP to a collector (a small local receiver here).
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, as } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

const TOKEN = 'm24-metrics-token-0123456789abcdef';

/** OTLP/HTTP JSON as the exporter sends it (only what the tests read). */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: { stringValue?: string; intValue?: string | number } }>;
}
interface OtlpExport {
  resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
}
const SERVER_KIND = 2;
const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : String(value.intValue));
};

/** A collector's OTLP/HTTP endpoint, keeping every span it receives. */
async function startReceiver(): Promise<{ url: string; spans: OtlpSpan[]; contentTypes: string[]; server: Server }> {
  const spans: OtlpSpan[] = [];
  const contentTypes: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        contentTypes.push(String(req.headers['content-type']));
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
        for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, contentTypes, server };
}

async function waitFor<T>(find: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The value of one sample of the Prometheus text format, matched by name and labels (any order). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const given = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => given[key] === value)) return Number(match[3]);
  }
  return undefined;
}

let demo: DemoApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

const metrics = async () => {
  const res = await fetch(`${demo.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
};

beforeAll(async () => {
  receiver = await startReceiver();
  demo = await startDemoApp({
    METRICS_TOKEN: TOKEN,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '100',
    LOG_LEVEL: 'info',
  });
}, 60_000);
afterAll(async () => {
  await demo?.stop();
  receiver?.server.close();
});

const CUSTOMERS = 'query M24Customers { customers { totalCount nodes { id name } } }';

describe('M24: metrics', () => {
  it('M24: /metrics refuses a request without the token (or with a wrong one) and serves Prometheus text with it', async () => {
    const without = await fetch(`${demo.url}/metrics`);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await without.text()).not.toContain('sitecare_');
    const wrong = await fetch(`${demo.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);

    const res = await fetch(`${demo.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE sitecare_graphql_request_duration_seconds histogram');
    expect(text).toContain('# TYPE sitecare_login_failures_total counter');
    // Read from the database at the scrape: the job queues, the outbox, and the pools.
    expect(sample(text, 'sitecare_job_queue_depth', { queue: 'retention.run' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'sitecare_job_queue_oldest_seconds', { queue: 'subscriptions.renew' })).toBeGreaterThanOrEqual(
      0,
    );
    expect(sample(text, 'sitecare_outbox_pending_messages')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'sitecare_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'sitecare_db_pool_max_connections', { pool: 'app' })).toBe(10);
    expect(sample(text, 'sitecare_db_pool_connections', { pool: 'app', state: 'used' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'sitecare_db_pool_connections', { pool: 'owner', state: 'idle' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('M24: one operation is counted by the path that answered it: compiled for a session, the resolvers without one', async () => {
    const before = await metrics();
    const count = (text: string, path: string) =>
      sample(text, 'sitecare_graphql_request_duration_seconds_count', { operation: 'M24Customers', path }) ?? 0;
    const answers = (text: string, path: string) => sample(text, 'sitecare_graphql_answers_total', { path }) ?? 0;
    const unauthenticated = (text: string) => sample(text, 'sitecare_errors_total', { code: 'UNAUTHENTICATED' }) ?? 0;

    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    // The first answer is made inside Apollo's pipeline, the next ones by the compiled lane ahead of it.
    for (let i = 0; i < 3; i++) expect((await admin.ok(CUSTOMERS)).customers.totalCount).toBeGreaterThan(0);
    const anonymous = await new ApiClient(demo.url).gql(CUSTOMERS);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const after = await metrics();
    expect(count(after, 'compiled') - count(before, 'compiled')).toBe(3);
    expect(count(after, 'resolvers') - count(before, 'resolvers')).toBe(1);
    expect(answers(after, 'compiled') - answers(before, 'compiled')).toBe(3);
    expect(answers(after, 'resolvers') - answers(before, 'resolvers')).toBeGreaterThanOrEqual(2); // the login too
    expect(unauthenticated(after) - unauthenticated(before)).toBe(1);
    // Names of operations the server did not recognise never become labels.
    await fetch(`${demo.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query NoSuchField { noSuchField }', operationName: 'NoSuchField' }),
    });
    const last = await metrics();
    expect(last).not.toContain('NoSuchField');
    expect(sample(last, 'sitecare_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBeGreaterThanOrEqual(1);
  });

  it('M24: a refused login counts as a login failure', async () => {
    const failures = async () =>
      sample(await metrics(), 'sitecare_login_failures_total', { reason: 'invalid_credentials' }) ?? 0;
    const before = await failures();
    const refused = await new ApiClient(demo.url).login('admin@jj-media.example.com', 'not-the-password');
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await failures()) - before).toBe(1);
  });
});

describe('M24: health', () => {
  it('M24: /livez says the process is up; /readyz (and its alias /healthz) checks the database, migrations and jobs', async () => {
    const live = await fetch(`${demo.url}/livez`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    for (const path of ['/readyz', '/healthz']) {
      const ready = await fetch(`${demo.url}${path}`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok', jobs: 'ok' });
    }
    expect(demo.app.output()).toMatch(/Health\s+\S+\/livez .*\/readyz/);
  });
});

describe('M24: access log', () => {
  it('M24: one line per request with its id, operation, path, status and duration; no cookie, no token', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const cookieValue = admin.cookie!.split('=')[1];
    const requestId = 'm24-access-log-0001';
    const res = await fetch(`${demo.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: admin.cookie!,
        authorization: 'Bearer m24-not-a-real-credential',
        'x-request-id': requestId,
      },
      body: JSON.stringify({ query: CUSTOMERS }),
    });
    expect(res.status).toBe(200);
    const line = await waitFor(
      () =>
        demo.app
          .output()
          .split('\n')
          .find((l) => l.includes(`"requestId":"${requestId}"`) && l.includes('request completed')),
      'the access log line',
    );
    const entry = JSON.parse(line);
    expect(entry).toMatchObject({
      requestId,
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
      operation: 'M24Customers',
      // A request with an Authorization header is answered by the resolvers (issue 21: API keys never
      // take the compiled path); the header is still never logged.
      graphqlPath: 'resolvers',
      msg: 'request completed',
    });
    expect(typeof entry.durationMs).toBe('number');
    const output = demo.app.output();
    expect(output).not.toContain(cookieValue);
    expect(output).not.toContain('m24-not-a-real-credential');
    expect(output).not.toContain('totalCount'); // no bodies

    // A token in a path is not logged.
    const token = `00000000-0000-4000-8000-000000000000.${'a'.repeat(43)}`;
    await fetch(`${demo.url}/unsubscribe/${token}?m24=1`, { headers: { 'x-request-id': 'm24-access-log-0002' } });
    const tokenLine = await waitFor(
      () =>
        demo.app
          .output()
          .split('\n')
          .find((l) => l.includes('"requestId":"m24-access-log-0002"')),
      'the access log line of the unsubscribe link',
    );
    expect(JSON.parse(tokenLine).req.path).toBe('/unsubscribe/:token');
    expect(demo.app.output()).not.toContain('a'.repeat(43));
  });
});

describe('M24: traces', () => {
  it('M24: with OTEL_EXPORTER_OTLP_ENDPOINT set, spans arrive for the HTTP request, the GraphQL operation and its SQL, on both paths', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    await admin.ok(CUSTOMERS); // compiled
    await admin.ok('query M24Me { me { user { email } } }'); // resolvers

    const operation = (name: string, path: string) =>
      receiver.spans.find((s) => s.name === `query ${name}` && attribute(s, 'sitecare.graphql.path') === path);
    for (const [name, path] of [
      ['M24Customers', 'compiled'],
      ['M24Me', 'resolvers'],
    ]) {
      const graphql = await waitFor(() => operation(name, path), `the span of ${name}`);
      expect(attribute(graphql, 'graphql.operation.name')).toBe(name);
      expect(attribute(graphql, 'graphql.operation.type')).toBe('query');
      const inTrace = () => receiver.spans.filter((s) => s.traceId === graphql.traceId);
      // The HTTP server span is the root; the GraphQL span sits under it; the statements under that.
      const http = await waitFor(
        () => inTrace().find((s) => s.kind === SERVER_KIND && !s.parentSpanId),
        `the HTTP span of ${name}`,
      );
      expect(attribute(http, 'http.request.method') ?? attribute(http, 'http.method')).toBe('POST');
      const statement = await waitFor(
        // (a statement's span: the pool's connect spans have no text)
        () =>
          inTrace().find(
            (s) =>
              (attribute(s, 'db.system.name') ?? attribute(s, 'db.system')) === 'postgresql' &&
              (attribute(s, 'db.query.text') ?? attribute(s, 'db.statement')) !== undefined,
          ),
        `a PostgreSQL span of ${name}`,
      );
      // Statement text, never its values.
      expect(attribute(statement, 'db.query.text') ?? attribute(statement, 'db.statement')).toBeDefined();
      expect(JSON.stringify(inTrace())).not.toContain('admin@jj-media.example.com');
    }
    expect(receiver.contentTypes[0]).toBe('application/json');
    // Probes and scrapes are not traced.
    await fetch(`${demo.url}/readyz`);
    expect(receiver.spans.some((s) => /readyz|metrics/.test(JSON.stringify(s.attributes)))).toBe(false);
  });
});
