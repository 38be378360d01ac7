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
