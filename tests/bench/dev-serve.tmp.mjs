import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fromServer, REPO_ROOT, startBenchDatabase } from './lib/database.mjs';
const require = createRequire(import.meta.url);
const db = await startBenchDatabase({ dir: '/tmp/benchdev', settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' } });
const { DEFAULT_SCALE, scaledPlan } = require(path.join(REPO_ROOT, 'seeds', 'dist', 'index.js'));
const { loadScale } = fromServer('db/scale.js');
const { hashPassword } = fromServer('auth/passwords.js');
const plan = Object.fromEntries(Object.entries(scaledPlan(DEFAULT_SCALE, Number(process.argv[2] ?? 0.1))).map(([k, v]) => [k, Math.max(1, Math.round(v))]));
try { await loadScale(db.ownerUrl, plan, await hashPassword('sitecare-bench-2026'), false); } catch (e) { console.log(String(e)); }
const { Client } = fromServer('pg');
const admin = new Client({ connectionString: db.superuserUrl }); await admin.connect();
await admin.query(await readFile(path.join(import.meta.dirname, 'lib', 'peers.sql'), 'utf8'));
await writeFile('/tmp/benchdev/urls.json', JSON.stringify(db));
console.log('READY', JSON.stringify(db));
setInterval(() => {}, 1e9);
