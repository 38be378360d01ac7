// Per-request DataLoaders (never module-level: they cache, and a cache must not outlive its viewer).
import type { EntityClass } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { RequestContext } from './context';

/** The request's loader for `name`, made on first use with `batch`. */
export function loaderFor<K, V>(
  ctx: RequestContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<Array<V | Error>>,
): DataLoader<K, V> {
  ctx.loaders ??= new Map();
  let loader = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>((keys) => serially(ctx, () => batch(keys)));
    ctx.loaders.set(name, loader);
  }
  return loader;
}

/**
 * One statement at a time on the request's connection: loaders of sibling fields dispatch in the same
 * tick, and node-postgres must not be handed a second query while one runs (an error in pg 9).
 * So a batch function must never wait on another loader: it would queue behind itself.
 */
export function serially<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
  const run = (ctx.queue ?? Promise.resolve()).then(work, work);
  ctx.queue = run.catch(() => undefined);
  return run;
}

/** Rows grouped under each key, in key order: the shape of a one-to-many batch. */
export function groupBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

/** Rows by key, in key order, with `missing` for absent keys: the shape of a by-id batch. */
export function byKey<K, T, M>(keys: readonly K[], rows: T[], keyOf: (row: T) => K, missing: M): Array<T | M> {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? missing);
}

/** Memoises per-request work (e.g. the viewer's scope) so field resolvers share one query. */
export function memo<T>(ctx: RequestContext, key: string, make: () => Promise<T>): Promise<T> {
  ctx.memo ??= new Map();
  let value = ctx.memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = make();
    ctx.memo.set(key, value);
  }
  return value;
}

/** Entities by id in one query per request and type; null where absent or hidden by the viewer's row rule. */
export function byIdLoader<T extends { id: string }>(
  ctx: RequestContext,
  entity: EntityClass<T>,
): DataLoader<string, T | null> {
  return loaderFor<string, T | null>(ctx, `byId:${entity.name}`, async (ids) => {
    const rows = (await ctx.em.find(entity, { id: { $in: [...ids] } } as never)) as T[];
    // A row the viewer's row rule hides (a site moved to another customer) is absent, as an unknown id.
    return byKey(ids, rows, (r) => r.id, null);
  });
}

/**
 * The newest `limit` rows of `entity` for each key (a customer's last 5 orders) in one statement:
 * one lateral subquery per key, each walking a (tenant_id, <key>, created_at) index and stopping
 * after `limit` rows, whatever the page size. Raw SQL: MikroORM's filters do not apply here; the
 * explicit tenant and row-level security (the viewer's row rules) do.
 */
export function latestByKey<T extends { id: string }>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  keyColumn: string,
  keyOf: (row: T) => string,
  limit: number,
): DataLoader<string, T[]> {
  return loaderFor<string, T[]>(ctx, `latest:${entity.name}:${keyColumn}:${limit}`, async (keys) => {
    const table = ctx.em.getMetadata().get(entity.name).tableName;
    const rows = await ctx.em.execute<Record<string, unknown>[]>(
      `select r.* from unnest(?::uuid[]) as k(key)
         cross join lateral (
           select * from "${table}" t
            where t.tenant_id = ? and t."${keyColumn}" = k.key
            order by t.created_at desc, t.id desc limit ${Number(limit)}) r`,
      // A PostgreSQL array literal: knex would spread a JS array into a list of parameters.
      [`{${keys.join(',')}}`, ctx.tenantId],
    );
    return groupBy(
      keys,
      rows.map((row) => ctx.em.map(entity, row as never)),
      keyOf,
    );
  });
}
