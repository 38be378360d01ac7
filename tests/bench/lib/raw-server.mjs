// The raw-SQL baseline: node:http and pg, the same bearer token as the PostGraphile peer, each
// request in one transaction with the tenant and viewer set for row-level security (as Sitecare does), and the
// hand-written SQL of queries.mjs building the JSON in PostgreSQL. Usage: node raw-server.mjs (env
// DATABASE_URL, BENCH_SECRET, PORT); prints "READY <port>".
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

import { QUERIES } from './queries.mjs';
import { verifyToken } from './token.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');
// The JSON built by PostgreSQL goes out as it came: no parse and re-serialise.
pg.types.setTypeParser(114, (text) => text);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const byKey = new Map(QUERIES.map((q) => [q.key, q]));

async function answer(query, params, claims) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // The tenant and the viewer, whose row rules (restrictive policies) apply as they do to Sitecare.
    await client.query(
      `select sitecare_set_viewer($2::uuid, null) from (select set_config('app.tenant_id', $1, true)) t`,
      [claims.tenantId, claims.userId],
    );
    const statements = [query.raw(params, claims)].flat();
    let data = 'null';
    for (const statement of statements) {
      const result = await client.query(statement);
      if (statement.expectRows !== undefined && result.rowCount !== statement.expectRows) {
        await client.query('rollback');
        return { status: 404, body: '{"errors":[{"message":"not found"}]}' };
      }
      if (result.rows[0]?.data !== undefined) data = result.rows[0].data ?? 'null';
    }
    await client.query('commit');
    // Fault injection for the harness's own test: a wrong answer the same-data check must catch.
    if (process.env.BENCH_BREAK === query.key) data = data.replace(/("name"\s*:\s*")/, '$1x');
    return { status: 200, body: `{"data":{"data":${data}}}` };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    };
    const claims = verifyToken(process.env.BENCH_SECRET, req.headers.authorization);
    if (!claims) return send(401, '{"errors":[{"message":"unauthenticated"}]}');
    const query = byKey.get(/^\/q\/(\w+)$/.exec(req.url ?? '')?.[1]);
    if (!query || req.method !== 'POST') return send(404, '{"errors":[{"message":"no such query"}]}');
    if (query.role !== claims.role) return send(403, '{"errors":[{"message":"forbidden"}]}');
    try {
      const { status, body } = await answer(query, JSON.parse(Buffer.concat(chunks).toString() || '{}'), claims);
      send(status, body);
    } catch (error) {
      send(500, JSON.stringify({ errors: [{ message: String(error.message) }] }));
    }
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`READY ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
