// The PostGraphile 5 peer (needs Node 22+: the same Node 24 as the rest). Amber preset
// plus the connection-filter plugin, on the same database as the application role; each request's
// bearer token gives pgSettings: the tenant (row-level security, as Sitecare) and, for a contractor,
// the role whose policy limits tickets to assigned sites (peers.sql). Env: DATABASE_URL, BENCH_VIEWER_SETTINGS (per user: the viewer settings),
// BENCH_SECRET, PORT; prints "READY <port>".
import { createServer } from 'node:http';

import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

import { verifyToken } from './token.mjs';

/** Per user: the viewer's settings as sitecare_set_viewer makes them (run.mjs). */
const VIEWER_SETTINGS = JSON.parse(process.env.BENCH_VIEWER_SETTINGS ?? '{}');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/**
 * Every key of an agency's table leads with `tenant_id` (issue 26): names made of a key's columns
 * leave it out, so relations read as before (`customerByCustomerId`, not
 * `customerByTenantIdAndCustomerId`); a look-up by a unique key still takes `tenantId`.
 */
const TenantlessNamesPlugin = {
  name: 'TenantlessNamesPlugin',
  version: '0.0.0',
  inflection: {
    replace: {
      _joinAttributeNames(previous, _options, codec, names) {
        return previous(codec, names.length > 1 ? names.filter((name) => name !== 'tenant_id') : names);
      },
    },
  },
};

const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  plugins: [TenantlessNamesPlugin],
  // Relations and orderings regardless of which indexes exist (Sitecare's are tenant-first), so
  // PostGraphile can express the dashboard's queries; the planner still uses the indexes.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: {
    explain: false,
    context(requestContext) {
      const req = requestContext.node?.req;
      const claims = verifyToken(process.env.BENCH_SECRET, req?.headers.authorization);
      if (!claims) throw new Error('unauthenticated');
      return {
        pgSettings: {
          'app.tenant_id': claims.tenantId,
          'app.user_id': claims.userId,
          // The viewer whose row rules (Sitecare's restrictive policies) apply: the settings Sitecare's
          // sitecare_set_viewer makes for this viewer (run.mjs finds them once).
          ...VIEWER_SETTINGS[claims.userId],
          ...(claims.role === 'CONTRACTOR' ? { role: 'bench_contractor' } : {}),
        },
      };
    },
  },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`READY ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => pgl.release().then(() => process.exit(0))));
