// Prints what observability costs per request (M24): the built server on a throwaway embedded
// PostgreSQL with the demo data, measured with autocannon on one query answered by the compiled path
// and one answered by the resolvers, (a) without access logs or tracing (LOG_LEVEL=warn), (b) with the
// access log (the default), and (c) with the access log and OpenTelemetry tracing exported by OTLP to a
// local sink. Metrics are always on. Run: pnpm build && node tests/bench/observability-overhead.mjs
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import path from 'node:path';

import { REPO_ROOT, startBenchDatabase } from './lib/database.mjs';
import { cpuMs } from './lib/measure.mjs';

const SECONDS = Number(process.env.SECONDS ?? 8);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const MAIN_JS = path.join(REPO_ROOT, 'server', 'dist', 'main.js');
const QUERIES = {
  'customers (compiled)': 'query BenchCustomers { customers { totalCount nodes { id name billingCountry } } }',
  'me (resolvers)': 'query BenchMe { me { role user { id email name } tenant { id name } } }',
};

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

/** An OTLP receiver that accepts and drops everything, counting the exports. */
async function startSink() {
  let exports = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      exports++;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${server.address().port}`, exports: () => exports, close: () => server.close() };
}

async function startServer(db, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN_JS], {
    cwd: REPO_ROOT,
    // Logs go where a supervisor would write them (here: nowhere), not through a pipe this process drains.
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: db.appUrl,
      DATABASE_MIGRATION_URL: db.ownerUrl,
      CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
      SESSION_SECRET: 'bench-session-secret-0123456789abcdef',
      SITECARE_DEMO: 'true',
      PORT: String(port),
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() - started > 60_000) throw new Error('the server was not ready within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

async function login(url) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: LoginInput!) { login(input: $i) { role } }',
      variables: { i: { email: 'admin@jj-media.example.com', password: 'sitecare-demo-2026' } },
    }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .find((pair) => pair.startsWith('sc_session='));
  if (!cookie) throw new Error(`login failed: ${await res.text()}`);
  return cookie;
}

function measure(url, cookie, query, seconds) {
  return autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query }),
  });
}

const db = await startBenchDatabase();
const sink = await startSink();
const variants = {
  'no access log, no tracing': { LOG_LEVEL: 'warn' },
  'access log (default)': { LOG_LEVEL: 'info' },
  'access log + OTLP tracing': { LOG_LEVEL: 'info', OTEL_EXPORTER_OTLP_ENDPOINT: sink.url },
};
const rows = [];
try {
  for (const [variant, env] of Object.entries(variants)) {
    const server = await startServer(db, env);
    try {
      const cookie = await login(server.url);
      for (const [name, query] of Object.entries(QUERIES)) {
        await measure(server.url, cookie, query, 2); // warm-up
        const cpuBefore = cpuMs(server.pid);
        const result = await measure(server.url, cookie, query, SECONDS);
        const cpu = cpuMs(server.pid) - cpuBefore;
        if (result.non2xx || result.errors)
          throw new Error(`${variant} / ${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
        rows.push({
          variant,
          query: name,
          'req/s': Math.round(result.requests.average),
          'p50 ms': result.latency.p50,
          'p99 ms': result.latency.p99,
          'server CPU µs/req': Math.round((cpu * 1000) / result.requests.total),
        });
      }
    } finally {
      await server.stop();
    }
  }
} finally {
  sink.close();
  await db.stop();
}
console.table(rows);
console.log(`OTLP exports received by the sink: ${sink.exports()}`);
