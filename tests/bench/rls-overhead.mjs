// Prints what tenant isolation by row-level security costs per request, on a throwaway embedded
// PostgreSQL with the demo data: one simple list query (a) alone as a role that bypasses RLS, (b) in
// the request shape Sitecare uses (begin; set_config; query; commit) as the same role, and (c) that
// shape as the application role, where the policy applies. Run: pnpm bench:rls
import { performance } from 'node:perf_hooks';

import { fromServer, startBenchDatabase } from './lib/database.mjs';

const { seedDemoIfEmpty } = fromServer('db/seed.js');
const { initOrm } = fromServer('db/orm.js');
const { Keyring } = fromServer('secrets/keyring.js');
const { Client } = fromServer('pg');

const ITERATIONS = Number(process.env.ITERATIONS ?? 3000);
const WARMUP = 300;

const db = await startBenchDatabase();
try {
  const ownerUrl = db.ownerUrl;
  const appUrl = db.appUrl;
  const orm = await initOrm(ownerUrl, { logger: () => undefined });
  await seedDemoIfEmpty(orm, new Keyring({ current: { version: 1, key: Buffer.alloc(32, 1) } }));
  await orm.close(true);

  const owner = new Client({ connectionString: ownerUrl });
  const app = new Client({ connectionString: appUrl });
  await owner.connect();
  await app.connect();
  const [{ id: tenantId }] = (await owner.query(`select id from tenants where slug = 'jj-media'`)).rows;
  const query = {
    name: 'users',
    text: 'select id, email, name, role from users where tenant_id = $1 order by name limit 25',
    values: [tenantId],
  };

  const variants = {
    'plain query (no RLS, no transaction)': async () => owner.query(query),
    'request shape, RLS bypassed (owner)': async () => {
      await owner.query('begin');
      await owner.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
      await owner.query(query);
      await owner.query('commit');
    },
    'request shape, RLS enforced (app role)': async () => {
      await app.query('begin');
      await app.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
      const { rowCount } = await app.query(query);
      if (!rowCount) throw new Error('RLS returned no rows: the benchmark is wrong');
      await app.query('commit');
    },
  };

  const results = [];
  for (const [name, run] of Object.entries(variants)) {
    for (let i = 0; i < WARMUP; i++) await run();
    const times = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    results.push({ name, mean: times.reduce((a, b) => a + b, 0) / times.length, p50: at(0.5), p99: at(0.99) });
  }
  await owner.end();
  await app.end();

  const base0 = results[0].mean;
  console.log(`RLS overhead, ${ITERATIONS} iterations each after ${WARMUP} warm-up (ms per request)\n`);
  console.log('| variant | mean | p50 | p99 | vs plain |');
  console.log('|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.mean.toFixed(3)} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} | +${(r.mean - base0).toFixed(3)} |`,
    );
  }
} finally {
  await db.stop();
}
