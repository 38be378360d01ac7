// Issue 26: every agency table's keys lead with tenant_id (migration tenant_keys), so the tables
// distribute by agency (citus.sql). MikroORM keeps `id` as the entities' identity; this file tells its
// schema comparison that the composite keys in the database are those entities' keys.
import { DatabaseSchema, type MikroORM } from '@mikro-orm/postgresql';

/** The migration that led every key with `tenant_id` (its time on existing data: `pnpm bench`, tenant-keys.test). */
export const TENANT_KEYS_MIGRATION = 'Migration20261208010000_tenant_keys';

/**
 * The tables without an agency, and why. Every other table of the public schema is tenant-keyed: its
 * primary key and unique keys lead with `tenant_id`, and its foreign keys to other agency tables
 * include it (the catalog test in tenant-keys.test.ts holds every table to this).
 */
export const AGENCY_LESS_TABLES: Record<string, string> = {
  tenants: 'the agencies themselves: small and read everywhere, a Citus reference table',
  login_directory:
    'which agencies have a login for an e-mail (its hash), read before a login knows its agency: a reference table, kept by a trigger on users',
  mikro_orm_migrations: 'the applied migrations: a local table on the coordinator',
  rate_limits:
    'login and form throttling (rate-limiter-flexible), keyed by hashed e-mail or IP before any agency is known, write-heavy: a local table on the coordinator (or a separate store)',
  webauthn_challenges:
    'passkey challenges, taken once; a usernameless login has no agency yet: a local table on the coordinator',
};
// pg-boss keeps its queue in a schema of its own (`pgboss`), outside the public schema: local on the coordinator.

/** Same rule as migration tenant_keys: a public table with a tenant_id column that is not agency-less. */
const isAgencyTable = (table: { name: string; hasColumn(name: string): boolean }) =>
  table.hasColumn('tenant_id') && !(table.name in AGENCY_LESS_TABLES);

/**
 * The database's schema as MikroORM compares it with the entities, with the agency keys written back
 * in the entities' terms, by rule: an agency table's primary key `(tenant_id, id)` as `(id)`, a foreign
 * key `(tenant_id, x_id) → (tenant_id, id)` as `(x_id) → (id)` (its `set null (x_id)` is `set null`),
 * and the plain index on `id` that the owner's paths use is left out.
 */
export async function entityShapedSchema(orm: MikroORM): Promise<DatabaseSchema> {
  const config = orm.config;
  const schema = await DatabaseSchema.create(
    orm.em.getConnection(),
    orm.em.getPlatform(),
    config,
    undefined,
    undefined,
    undefined,
    config.get('schemaGenerator').skipTables,
  );
  for (const table of schema.getTables()) {
    if (!isAgencyTable(table)) continue;
    // DatabaseTable keeps its indexes private; getIndexes() gives a copy of the list (same objects).
    const own = table as unknown as { indexes: ReturnType<typeof table.getIndexes> };
    own.indexes = own.indexes.filter((i) => i.primary || i.unique || i.columnNames.join() !== 'id');
    for (const index of own.indexes)
      if (index.primary && index.columnNames.join() === 'tenant_id,id') index.columnNames = ['id'];
    for (const fk of Object.values(table.getForeignKeys())) {
      if (
        fk.columnNames.length === 2 &&
        fk.columnNames[0] === 'tenant_id' &&
        fk.referencedColumnNames.join() === 'tenant_id,id'
      ) {
        fk.columnNames = [fk.columnNames[1]];
        fk.referencedColumnNames = ['id'];
        fk.deleteRule = fk.deleteRule?.replace(/^(set (?:null|default)) \(.*\)$/i, '$1');
      }
    }
  }
  return schema;
}

/** The SQL that would bring the database to the entities (empty when they agree). */
export async function entitySchemaDiff(orm: MikroORM): Promise<string> {
  const fromSchema = await entityShapedSchema(orm);
  const { up } = await orm.getSchemaGenerator().getUpdateSchemaMigrationSQL({ wrap: false, fromSchema });
  return up;
}
