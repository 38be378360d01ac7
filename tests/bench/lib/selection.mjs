// The fields each variant selects, from the committed SDL, by the data provider's rule
// (dashboard/src/providers/dataProvider.ts, selectionOf): every scalar and enum field the viewer's
// role may read, plus the embedded relations. The same field lists give PostGraphile's selection
// (its primary key is `rowId`) and the raw-SQL baseline's json_build_object, so all three variants
// answer with the same fields.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { buildSchema, getNamedType, isLeafType } from 'graphql';

import { fromServer, REPO_ROOT } from './database.mjs';

const require = createRequire(import.meta.url);
const { FIELD_PERMISSIONS } = require(path.join(REPO_ROOT, 'schema', 'dist', 'index.js'));
const schema = buildSchema(readFileSync(path.join(REPO_ROOT, 'schema', 'schema.graphql'), 'utf8'));

const mayRead = (role, coordinate) => !FIELD_PERMISSIONS[coordinate] || FIELD_PERMISSIONS[coordinate].includes(role);

/** The scalar and enum fields of `typeName` that `role` reads, in SDL order. */
export function scalarFields(typeName, role) {
  const type = schema.getType(typeName);
  if (!type?.getFields) throw new Error(`The SDL has no object type ${typeName}`);
  return Object.values(type.getFields())
    .filter((field) => isLeafType(getNamedType(field.type)) && mayRead(role, `${typeName}.${field.name}`))
    .map((field) => field.name);
}

/** The named type of `typeName.field` (`Customer.sites` → `Site`). */
export function relatedType(typeName, field) {
  const found = schema.getType(typeName)?.getFields()[field];
  if (!found) throw new Error(`${typeName} has no field ${field}`);
  return getNamedType(found.type).name;
}

/** Sitecare's selection, as the data provider builds it: scalars, then embedded relations. */
export function sitecareSelection(typeName, role, embed = []) {
  const nested = new Map();
  for (const dotted of embed) {
    const [head, ...rest] = dotted.split('.');
    const paths = nested.get(head) ?? [];
    if (rest.length) paths.push(rest.join('.'));
    nested.set(head, paths);
  }
  const parts = scalarFields(typeName, role);
  for (const [field, paths] of nested) {
    if (!mayRead(role, `${typeName}.${field}`)) continue;
    parts.push(`${field} { ${sitecareSelection(relatedType(typeName, field), role, paths)} }`);
  }
  return parts.join(' ');
}

/** PostGraphile's selection of the same scalars (`id` is `rowId` there), plus hand-written relations. */
export function postgraphileSelection(typeName, role, relations = '') {
  const fields = scalarFields(typeName, role).map((f) => (f === 'id' ? 'rowId' : f));
  return [...fields, relations].filter(Boolean).join(' ');
}

/**
 * Fields Sitecare computes rather than reads from a column (`readComputed` in a module's `*.sql.ts`):
 * their SQL is Sitecare's own read definition, read from the server's build with every module
 * loaded. The raw baseline inlines it, and `computedColumnFunctions()` wraps it for PostGraphile as a
 * computed column, so no copy of a rule lives here and a new computed field needs nothing.
 */
fromServer('reflect-metadata');
fromServer('modules/index.js');
const { computedReader } = fromServer('graphql/sql/compile.js');

/** Sitecare's SQL of computed field `coordinate` for table alias `alias`, or undefined for a column. */
const computedSql = (coordinate, alias) => computedReader(coordinate)?.(alias);

const SQL_TYPES = { Boolean: 'boolean', Int: 'integer', Float: 'double precision', String: 'text' };

/** PostGraphile's computed column functions (`orders_refundable_minor(orders)`) for `tables`' computed fields. */
export function computedColumnFunctions(tables) {
  const statements = [];
  for (const [typeName, table] of tables) {
    for (const field of Object.values(schema.getType(typeName).getFields())) {
      const sql = computedSql(`${typeName}.${field.name}`, 't');
      if (sql === undefined) continue;
      const returns = SQL_TYPES[getNamedType(field.type).name];
      if (!returns) throw new Error(`${typeName}.${field.name}: no SQL type for ${getNamedType(field.type).name}`);
      const signature = `${table}_${snakeCase(field.name)}(${table})`;
      statements.push(
        `create or replace function ${table}_${snakeCase(field.name)}(t ${table}) returns ${returns} language sql stable as $$ select ${sql} $$;`,
        `alter function ${signature} owner to sitecare_owner;`,
        `grant execute on function ${signature} to sitecare_app, bench_contractor;`,
      );
    }
  }
  return statements.join('\n');
}

/**
 * The reply's mail to the requester (issue 18) as Sitecare's reply queues it, in Sitecare's own SQL
 * (`requesterReplySql`, modules/tickets/ticket-mail.sql.ts): the peers' reply (d) queues the same outbox
 * row, so that all three do the same work. `written` is a relation of the new message (`id`,
 * `ticket_id`, `body`, `internal`).
 */
export const { requesterReplySql: replyMailSql } = fromServer('modules/tickets/ticket-mail.sql.js');

/** `bench_reply_mail(message)`, which PostGraphile's `ticket_reply` (peers.sql) calls (PL/pgSQL: its plan is kept). */
export const replyMailFunction = () =>
  `create or replace function bench_reply_mail(p_id uuid, p_ticket uuid, p_body text) returns void
     language plpgsql volatile as $$ begin
       with written as (select p_id as id, p_ticket as ticket_id, p_body as body, false as internal)
       ${replyMailSql('written')};
     end $$;
   alter function bench_reply_mail(uuid, uuid, text) owner to sitecare_owner;
   grant execute on function bench_reply_mail(uuid, uuid, text) to sitecare_app, bench_contractor;`;

export const snakeCase = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * `json_build_object('id', t.id, 'name', t.name, …)` of the same scalars for table alias `alias`,
 * with `extra` entries (`{ contacts: '(select …)' }`) for relations.
 */
export function jsonObject(typeName, role, alias, extra = {}) {
  const pairs = scalarFields(typeName, role).map(
    (f) => `'${f}', ${computedSql(`${typeName}.${f}`, alias) ?? `${alias}.${snakeCase(f)}`}`,
  );
  for (const [name, sql] of Object.entries(extra)) pairs.push(`'${name}', ${sql}`);
  return `json_build_object(${pairs.join(', ')})`;
}

/** Fails loudly when a field of the SDL has no column of the same (snake_case) name. */
export async function checkColumns(client, tables) {
  const { rows } = await client.query(
    `select table_name, column_name from information_schema.columns where table_schema = 'public'`,
  );
  const columns = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
  for (const [typeName, table, role] of tables) {
    for (const field of scalarFields(typeName, role)) {
      if (computedReader(`${typeName}.${field}`)) continue;
      if (!columns.has(`${table}.${snakeCase(field)}`))
        throw new Error(
          `${typeName}.${field} has no column ${table}.${snakeCase(field)}: the raw-SQL baseline needs one`,
        );
    }
  }
}
