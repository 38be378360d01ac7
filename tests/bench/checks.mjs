// pnpm bench:checks (issue 22): the site checks at scale. The built server on a throwaway embedded
// PostgreSQL with the demo data plus CHECK_SITES generated sites (default 30,000) under a package
// checked every 5 minutes (100 checks a second), pointed at local HTTP and HTTPS servers on loopback
// (spread over many 127.x addresses, so the per-host politeness limit applies as on the web) that answer
// with a spread of latencies and some failures. Three phases of CHECK_SECONDS each (default 60):
//   A. checks paused (every due time pushed out): the API's throughput on the bench operations;
//   B. checks only: checks per second, scheduling lag (start after due time, p50/p99), CPU per check;
//   C. checks and the same API load: the API's throughput as a ratio of A.
// Prints a Markdown table. Run: pnpm build && CHECK_SECONDS=20 node tests/bench/checks.mjs
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

import { fromServer, REPO_ROOT, startBenchDatabase } from './lib/database.mjs';
import { clusterCpuMs, cpuMs } from './lib/measure.mjs';

const require = createRequire(import.meta.url);
const { generate } = require('selfsigned');

const SITES = Number(process.env.CHECK_SITES ?? 30_000);
const SECONDS = Number(process.env.CHECK_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.CHECK_CONCURRENCY ?? 200);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const INTERVAL_MINUTES = 5;
const HTTP_HOSTS = 200; // 127.0.0.1 … 127.0.0.200
const HTTPS_HOSTS = 50; // 127.0.1.1 … 127.0.1.50
const MAIN_JS = path.join(REPO_ROOT, 'server', 'dist', 'main.js');
const log = (...args) => console.error(`[bench:checks ${new Date().toISOString().slice(11, 19)}]`, ...args);

/** The bench operations measured under load (answered by the compiled path and by the resolvers). */
const OPERATIONS = {
  customers: 'query BenchCustomers { customers { totalCount nodes { id name billingCountry } } }',
  sites: 'query BenchSites { sites(page: { take: 25 }) { totalCount nodes { id domain status } } }',
  tickets: 'query BenchTickets { supportTickets { totalCount nodes { id subject status } } }',
  me: 'query BenchMe { me { role user { id email name } tenant { id name } } }',
};

// The sites' answers: /l/<ms> answers 200 after <ms>; /fail answers 503; the body holds the expected text.
function handler(req, res) {
  const [, kind, ms] = (req.url ?? '').split('/');
  if (kind === 'fail') return void res.writeHead(503).end('maintenance');
  setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Bench site</h1>'), Number(ms) || 0);
}

async function listen(server, host = '0.0.0.0') {
  server.listen(0, host);
  await once(server, 'listening');
  return server.address().port;
}

async function freePort() {
  const server = createHttpServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

const root = await mkdtemp(path.join(tmpdir(), 'sitecare-bench-checks-'));
const ips = Array.from({ length: HTTPS_HOSTS }, (_, i) => `127.0.1.${i + 1}`);
const cert = await generate([{ name: 'commonName', value: 'sitecare-bench' }], {
  keyType: 'ec',
  notAfterDate: new Date(Date.now() + 90 * 86_400_000),
  extensions: [
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: ips.map((ip) => ({ type: 7, ip })) },
  ],
});
const caFile = path.join(root, 'ca.pem');
await writeFile(caFile, cert.cert);
const httpServer = createHttpServer({ keepAliveTimeout: 15_000 }, handler);
const httpsServer = createHttpsServer({ key: cert.private, cert: cert.cert, keepAliveTimeout: 15_000 }, handler);
const httpPort = await listen(httpServer);
const httpsPort = await listen(httpsServer);

log(`database, demo data, ${SITES} sites`);
const db = await startBenchDatabase({ name: 'bench_checks' });
const port = await freePort();
const server = spawn(process.execPath, [MAIN_JS], {
  cwd: REPO_ROOT,
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
    LOG_LEVEL: 'warn',
    MONITORING_CHECKS: 'true',
    MONITORING_CONCURRENCY: String(CONCURRENCY),
    MONITORING_TIMEOUT_MS: '5000',
    NODE_EXTRA_CA_CERTS: caFile, // the probes trust the loopback HTTPS servers' certificate
  },
});
const stopAll = () => server.exitCode === null && server.kill('SIGKILL');
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, stopAll);
const url = `http://127.0.0.1:${port}`;
for (const started = Date.now(); ;) {
  if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
  if (
    await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (Date.now() - started > 120_000) throw new Error('the server was not ready within 120 s');
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const owner = new pg.Client({ connectionString: db.ownerUrl });
await owner.connect();
const sql = async (text, params = []) => (await owner.query(text, params)).rows;
// The generated sites: JJ Media's first customer, under a package checked every 5 minutes; latencies
// from 5 ms to about 1.2 s (most under 300 ms), 3 % failing, 20 % over HTTPS, on many loopback hosts.
await sql(`update service_packages set uptime_monitoring = true, check_interval_minutes = ${INTERVAL_MINUTES}`);
await sql(`update sites set status = 'PAUSED'`); // only the generated sites are checked
await sql(
  `insert into sites (id, created_at, updated_at, tenant_id, customer_id, domain, platform, production_url, status, service_package_id)
   select gen_random_uuid(), now(), now(), c.tenant_id, c.id, 'bench-' || n || '.example.com', 'WORDPRESS',
          case when n % 5 = 0
               then 'https://127.0.1.' || (1 + n % ${HTTPS_HOSTS}) || ':${httpsPort}'
               else 'http://127.0.0.' || (1 + n % ${HTTP_HOSTS}) || ':${httpPort}' end
          || case when n % 33 = 0 then '/fail' else '/l/' || (5 + (n * 7919) % 300 + case when n % 10 = 0 then (n % 900) else 0 end) end,
          'ACTIVE', (select p.id from service_packages p where p.tenant_id = c.tenant_id order by p.name_en limit 1)
     from (select c.id, c.tenant_id from customers c join tenants t on t.id = c.tenant_id where t.slug = 'jj-media' order by c.name limit 1) c,
          generate_series(1, $1) n`,
  [SITES],
);
const { SYNC_SCHEDULES_SQL } = fromServer('modules/monitoring/checks.js');
await sql(SYNC_SCHEDULES_SQL);
await sql(`update site_check_schedules set due_at = now() + interval '1 day'`); // phase A: paused
await sql('truncate site_check_results');

async function login() {
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
const cookie = await login();

/** Requests per second of each operation, measured one after another within `seconds`. */
async function apiThroughput(seconds) {
  const each = Math.max(2, Math.floor(seconds / Object.keys(OPERATIONS).length));
  const out = {};
  for (const [name, query] of Object.entries(OPERATIONS)) {
    const result = await autocannon({
      url: `${url}/graphql`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: each,
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query }),
    });
    if (result.non2xx) throw new Error(`${name}: ${result.non2xx} answers were not 2xx`);
    out[name] = result.requests.average;
  }
  return out;
}

async function checksBetween(from, to) {
  const [row] = await sql(
    `select count(*)::int as checks, count(*) filter (where not r.ok)::int as failed,
            percentile_cont(0.5) within group (order by lag) as p50, percentile_cont(0.99) within group (order by lag) as p99
       from (select r.ok, mod(extract(epoch from r.checked_at - c.due_at)::numeric + 30000, ${INTERVAL_MINUTES * 60}) as lag
               from site_check_results r join site_check_schedules c on c.site_id = r.site_id
              where r.kind = 'HTTP' and r.checked_at >= $1 and r.checked_at < $2) r`,
    [from, to],
  );
  return row;
}

log(`phase A: API alone, ${SECONDS} s`);
await apiThroughput(Math.min(8, SECONDS)); // warm-up, discarded
const alone = await apiThroughput(SECONDS);

log(`phase B: checks alone, ${SECONDS} s`);
await sql(
  `update site_check_schedules set due_at = now() + make_interval(secs => abs(hashtext(site_id::text)) % ${INTERVAL_MINUTES * 60})`,
);
const bStart = new Date();
const cpuServer0 = cpuMs(server.pid);
const cpuDb0 = clusterCpuMs(path.join(db.dir, 'data'));
await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
const bEnd = new Date();
const cpuServer = cpuMs(server.pid) - cpuServer0;
const cpuDb = clusterCpuMs(path.join(db.dir, 'data')) - cpuDb0;
const b = await checksBetween(bStart, bEnd);

log(`phase C: checks and API, ${SECONDS} s`);
const cStart = new Date();
const loaded = await apiThroughput(SECONDS);
const c = await checksBetween(cStart, new Date());

const seconds = (bEnd - bStart) / 1000;
const rows = [
  ['sites checked every 5 minutes (target checks/s)', `${SITES} (${(SITES / (INTERVAL_MINUTES * 60)).toFixed(0)}/s)`],
  ['checks/s achieved (checks alone)', (b.checks / seconds).toFixed(1)],
  ['failed checks (expected ~3 %)', `${b.checks ? ((100 * b.failed) / b.checks).toFixed(1) : 0} %`],
  [
    'scheduling lag p50 / p99 (checks alone)',
    `${Number(b.p50 ?? 0).toFixed(2)} s / ${Number(b.p99 ?? 0).toFixed(2)} s`,
  ],
  [
    'scheduling lag p50 / p99 (with API load)',
    `${Number(c.p50 ?? 0).toFixed(2)} s / ${Number(c.p99 ?? 0).toFixed(2)} s`,
  ],
  [
    'CPU per check: server / PostgreSQL',
    `${(cpuServer / Math.max(1, b.checks)).toFixed(2)} ms / ${(cpuDb / Math.max(1, b.checks)).toFixed(2)} ms`,
  ],
  ...Object.keys(OPERATIONS).map((name) => [
    `API ${name}: req/s alone → with checks (ratio)`,
    `${alone[name].toFixed(0)} → ${loaded[name].toFixed(0)} (${(loaded[name] / alone[name]).toFixed(2)})`,
  ]),
];
console.log(`| measure | value |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}`);
console.log(
  `\n${SECONDS} s per phase, monitoring concurrency ${CONCURRENCY}, ${CONNECTIONS} API connections, node ${process.version}.`,
);

await owner.end();
stopAll();
httpServer.close();
httpsServer.close();
httpServer.closeAllConnections();
httpsServer.closeAllConnections();
await db.stop();
await rm(root, { recursive: true, force: true });
