import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { entities, tenantOwnedEntities } from '../modules';

/** True when running TypeScript sources directly (jest with swc), false from dist/. */
const runningFromSource = __filename.endsWith('.ts');

function requireTenant(args: { tenantId?: string }): string {
  if (!args.tenantId) throw new Error('tenant filter used without a tenant: scope the request first');
  return args.tenantId;
}

export function ormConfig(url: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: url,
    driver: PostgreSqlDriver,
    entities,
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true },
    extensions: [Migrator],
    preferTs: runningFromSource,
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: path.join(__dirname, 'migrations'),
      pathTs: path.join(__dirname, '..', '..', 'src', 'db', 'migrations'),
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      snapshot: false,
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    // Tenant isolation, wall one: every query on a tenant-owned entity is scoped to the request's
    // tenant. Without a `tenantId` parameter the filter throws, so a forgotten context fails closed.
    filters: {
      tenant: {
        name: 'tenant',
        cond: (args: { tenantId?: string }) => ({ tenant: requireTenant(args) }),
        entity: tenantOwnedEntities.map((e) => e.name),
        default: true,
        args: true,
      },
      ownTenant: {
        name: 'ownTenant',
        cond: (args: { tenantId?: string }) => ({ id: requireTenant(args) }),
        entity: ['Tenant'],
        default: true,
        args: true,
      },
    },
    // The tenant filter on the root entity is enough: without this, MikroORM joins every related
    // table of every query (tickets: tenants, customers, contacts, sites, users) only to apply the
    // same tenant filter to the relation. Services link only rows of the request's tenant, loading a
    // relation applies the filter again, and row-level security hides any other tenant's row anyway.
    // The joins cost more than the query itself at scale.
    autoJoinRefsForFilters: false,
    // Tables made by migrations for libraries, not entities (rate-limiter-flexible's store), the WebAuthn
    // challenges (raw SQL, modules/auth/passkey.service.ts) and the login directory (kept by a trigger).
    schemaGenerator: { skipTables: ['rate_limits', 'webauthn_challenges', 'login_directory'] },
    pool: { min: 0, max: 10, acquireTimeoutMillis: 10_000 },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    ...overrides,
  });
}

export async function initOrm(url: string, overrides: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(url, overrides));
}

export async function migrateUp(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** The names of the migrations this build ships (as the migrations table records them). */
export function shippedMigrations(): string[] {
  const dir = path.join(__dirname, 'migrations');
  return readdirSync(dir)
    .filter((file) => /^Migration.*\.(js|ts)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => file.replace(/\.(js|ts)$/, ''));
}
