// The resolvers' way of running the read definitions (`readRoot`, `readRelation` in the modules'
// `<noun>.sql.ts`): a list's filters, sort and page and a relation's join, condition, order and limit
// are the same SQL that the compiled path builds its one statement from, run on the request's
// EntityManager and mapped to entities. Nothing here restates a definition; the viewer's row rules
// are PostgreSQL's (migration viewer_rules).
import type { EntityClass } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import { rowViewer, type RequestContext } from '../context';
import { loaderFor } from '../loaders';
import type { Page } from '../pagination';
import {
  computedReader,
  listParts,
  Params,
  relationReader,
  relationWhere,
  rootReader,
  type ListArguments,
  type ListReader,
  type RelationReader,
} from './compile';

const NOBODY = '00000000-0000-0000-0000-000000000000';
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** An array as PostgreSQL's array literal (knex would spread a JS array into a list of bindings). */
const arrayLiteral = (values: unknown[]) =>
  `{${values.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/** `$n` placeholders (as the definitions write them) as knex's `?` with the values in text order. */
export function positional(text: string, values: unknown[]): { sql: string; bindings: unknown[] } {
  const bindings: unknown[] = [];
  const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    bindings.push(Array.isArray(value) ? arrayLiteral(value) : value);
    return '?';
  });
  return { sql, bindings };
}

function paramsOf(ctx: RequestContext): Params {
  if (!ctx.tenantId) throw new Error('a read definition needs the request scoped to a tenant');
  return new Params(ctx.tenantId, ctx.viewer?.userId ?? NOBODY, rowViewer(ctx)?.role);
}

async function run(ctx: RequestContext, text: string, values: unknown[]): Promise<Record<string, unknown>[]> {
  const { sql, bindings } = positional(text, values);
  return ctx.em.execute<Record<string, unknown>[]>(sql, bindings);
}

/** Rows as the ORM's entities (the identity map's instance where one is loaded already). */
function entities<T extends object>(ctx: RequestContext, entity: string, rows: Record<string, unknown>[]): T[] {
  const target = ctx.em.getMetadata().get(entity).class as EntityClass<T>;
  return rows.map((row) => ctx.em.map(target, row as never));
}

/**
 * A root list (`Query.sites`) by its definition: the page and the total, in two statements.
 * `orderBy` (an order over the row alias) replaces the list's order where a page of the same rows is
 * wanted in another order (the home page's oldest unpaid order, its stalest backups).
 */
export async function readList<T extends object>(
  ctx: RequestContext,
  coordinate: `Query.${string}`,
  args: ListArguments,
  orderBy?: (alias: string) => string,
): Promise<Page<T>> {
  const reader = rootReader(coordinate);
  if (reader?.kind !== 'list') throw new Error(`${coordinate} has no list definition`);
  const meta = ctx.em.getMetadata().get((reader as ListReader).entity);
  const params = paramsOf(ctx);
  const { table, where, order, take, skip } = listParts(meta, reader as ListReader, args, params);
  const limits = `limit ${params.add(take, 'int')} offset ${params.add(skip, 'int')}`;
  const rows = await run(
    ctx,
    `select r0.* from ${table} r0 where ${where} order by ${(orderBy ?? order)('r0')} ${limits}`,
    [...params.values],
  );
  const [{ n }] = (await run(ctx, `select count(*)::int as n from ${table} r0 where ${where}`, params.values)) as [
    { n: number },
  ];
  return { nodes: entities<T>(ctx, meta.className, rows), totalCount: n };
}

/**
 * A write by its one statement (CTEs that end in `written`, e.g. the ticket reply's), run on the
 * request's EntityManager in its transaction: the written rows, as entities.
 */
export async function runWrite<T extends object>(
  ctx: RequestContext,
  entity: string,
  statement: (params: Params) => string,
): Promise<T[]> {
  const params = paramsOf(ctx);
  const rows = await run(ctx, `${statement(params)} select * from written`, params.values);
  return entities<T>(ctx, entity, rows);
}

/**
 * The request's loader of relation `coordinate` (`Customer.sites`) by its definition: for every parent
 * id of a batch, one lateral subquery with the relation's join, condition, order and limit.
 */
function relationLoader<T extends object>(
  ctx: RequestContext,
  coordinate: string,
  parent: EntityClass<object>,
): DataLoader<string, T[]> {
  return loaderFor<string, T[]>(ctx, `relation:${coordinate}`, async (ids) => {
    const reader = relationReader(coordinate) as RelationReader;
    const metadata = ctx.em.getMetadata();
    const meta = metadata.get(reader.entity);
    const parentMeta = metadata.get(parent.name);
    const params = paramsOf(ctx);
    const order = reader.orderBy?.('r0');
    const limit = reader.limit ?? (reader.many ? undefined : 1);
    const text = `select p.id as "__parent", r.* from ${ident(parentMeta.tableName)} p
      cross join lateral (select r0.*${order ? `, row_number() over (order by ${order}) as "__rank"` : ''}
        from ${ident(meta.tableName)} r0 where ${relationWhere(meta, reader, 'r0', 'p')}
        ${order ? `order by ${order}` : ''} ${limit ? `limit ${limit}` : ''}) r
      where p.id = any(${params.add(ids, 'uuid[]')})${parentMeta.properties.tenant ? ` and p.tenant_id = $1` : ''}
      ${order ? 'order by "__rank"' : ''}`;
    const rows = await run(ctx, text, params.values);
    const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const { __parent, __rank: _rank, ...row } of rows)
      groups.get(String(__parent))?.push(...entities<T>(ctx, meta.className, [row]));
    return ids.map((id) => groups.get(id)!);
  });
}

/** A one-to-many relation (`Customer.sites`) of `parent`, by its definition. */
export function readMany<T extends object>(
  ctx: RequestContext,
  coordinate: string,
  parent: EntityClass<object>,
  id: string,
): Promise<T[]> {
  return relationLoader<T>(ctx, coordinate, parent).load(id);
}

/** A to-one relation (`SupportTicket.site`) of `parent`: null where absent or hidden by a row rule. */
export async function readOne<T extends object>(
  ctx: RequestContext,
  coordinate: string,
  parent: EntityClass<object>,
  id: string,
): Promise<T | null> {
  return (await relationLoader<T>(ctx, coordinate, parent).load(id))[0] ?? null;
}

/**
 * A computed field (`readComputed('Invoice.overdue', …)`) of row `id` of `entity`, by its definition:
 * the resolvers run the same SQL as the compiled path (one statement per batch of rows), so a rule
 * such as "overdue" is never restated in TypeScript.
 */
export function readComputedValue<V>(
  ctx: RequestContext,
  coordinate: string,
  entity: EntityClass<object>,
  id: string,
): Promise<V> {
  return loaderFor<string, V>(ctx, `computed:${coordinate}`, async (ids) => {
    const sql = computedReader(coordinate);
    if (!sql) throw new Error(`${coordinate} has no computed definition`);
    const meta = ctx.em.getMetadata().get(entity.name);
    const params = paramsOf(ctx);
    const rows = await run(
      ctx,
      `select r0.id, ${sql('r0')} as "value" from ${ident(meta.tableName)} r0
        where r0.id = any(${params.add(ids, 'uuid[]')})${meta.properties.tenant ? ' and r0.tenant_id = $1' : ''}`,
      params.values,
    );
    const values = new Map(rows.map((r) => [String(r.id), r.value as V]));
    return ids.map((i) => values.get(i) ?? new Error(`${coordinate}: no row ${i}`));
  }).load(id);
}
