// The demo data set (issue 16 item 6): each module seeds its own part, declared as its `seed` in its
// own `index.ts` (system/module.ts), and names the modules whose part it builds on (`after`). The run
// order comes from those declarations alone: a topological order, stable by the order of
// `modules/index.ts`. This file is the machinery, below the modules: it imports none of them; the
// composition root (db/seed.ts) hands it the module list.
//
// One transaction, as the tables' owner (the system path: no request, no viewer, every agency): for
// each demo agency (`@sitecare/seeds`), each module's `perAgency` in order, with one context that
// carries what earlier seeders made for the later ones; then, once every agency's rows are written,
// each `afterFlush` (set-based SQL over all agencies). After the commit, each `afterCommit`: work
// that runs through the services, in their own transactions (invoices are issued as payments issue
// them).
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { DemoTenant } from '@sitecare/seeds';
import type { Keyring } from '../secrets/keyring';
import type { SitecareModule } from './module';

/**
 * A value one module's seeder hands to later ones (the agency, its users by e-mail, its customers,
 * …), typed. The module that sets it exports the key; a module that reads it names the key's module
 * in its `after`.
 */
export interface DemoSeedKey<T> {
  /** The module that sets it. */
  readonly module: string;
  readonly name: string;
  /** Only for the type: never set. */
  readonly type?: T;
}

export function demoSeedKey<T>(module: string, name: string): DemoSeedKey<T> {
  return { module, name };
}

/** One demo agency's seeding: the transaction, the keyring, the agency's demo data, what was made. */
export class DemoSeedContext {
  private readonly values = new Map<DemoSeedKey<unknown>, unknown>();

  constructor(
    /** The seed's one transaction (the tables' owner). */
    readonly em: EntityManager,
    readonly keyring: Keyring,
    /** This agency's part of `@sitecare/seeds`. */
    readonly demo: DemoTenant,
    /** The first demo agency, which keeps the fuller registers. */
    readonly primary: boolean,
    /** Shared by every agency's context: work done once per seed (a password hash). */
    private readonly run: Map<string, Promise<unknown>>,
  ) {}

  set<T>(key: DemoSeedKey<T>, value: T): void {
    if (this.values.has(key)) throw new Error(`demo seed: '${key.name}' is set twice`);
    this.values.set(key, value);
  }

  get<T>(key: DemoSeedKey<T>): T {
    if (!this.values.has(key))
      throw new Error(
        `demo seed: '${key.name}' is not made yet: a seeder that reads it names '${key.module}' in its \`after\``,
      );
    return this.values.get(key) as T;
  }

  /** `make` once per seed run, whichever agency asks first. */
  once<T>(name: string, make: () => Promise<T>): Promise<T> {
    if (!this.run.has(name)) this.run.set(name, make());
    return this.run.get(name) as Promise<T>;
  }
}

/** A module's part of the demo data (`SitecareModule.seed`). */
export interface DemoSeeder {
  /** Modules whose seed must run before this one (their values are read, or their rows must exist). */
  after?: readonly string[];
  /** For each demo agency, before the flush: create its rows with `ctx.em`. */
  perAgency?: (ctx: DemoSeedContext) => void | Promise<void>;
  /** Once, in the same transaction, after every agency's rows are flushed. */
  afterFlush?: (em: EntityManager) => Promise<void>;
  /** Once, after the seed's transaction committed: work through the services, in its own transactions. */
  afterCommit?: (orm: MikroORM) => Promise<void>;
}

/**
 * The modules that seed, in the order their `after` gives (each after all it names), and otherwise
 * in the order of the list. Fails, naming them, on an `after` that names no module that seeds, and
 * on a cycle.
 */
export function demoSeedOrder(modules: readonly SitecareModule[]): SitecareModule[] {
  const seeding = modules.filter((m) => m.seed);
  const names = new Set(seeding.map((m) => m.name));
  for (const m of seeding)
    for (const name of m.seed!.after ?? [])
      if (!names.has(name))
        throw new Error(`demo seed: module '${m.name}' runs after '${name}', which is no module with a seed`);
  const order: SitecareModule[] = [];
  const placed = new Set<string>();
  while (order.length < seeding.length) {
    const next = seeding.find((m) => !placed.has(m.name) && (m.seed!.after ?? []).every((name) => placed.has(name)));
    if (!next) {
      // Each module still waiting waits for another one still waiting: follow them to the circle.
      const byName = new Map(seeding.map((m) => [m.name, m]));
      const path: string[] = [];
      let current = seeding.find((m) => !placed.has(m.name))!.name;
      while (!path.includes(current)) {
        path.push(current);
        current = (byName.get(current)!.seed!.after ?? []).find((name) => !placed.has(name))!;
      }
      const circle = [...path.slice(path.indexOf(current)), current];
      throw new Error(`demo seed: the modules' \`after\` run in a circle: ${circle.join(' → ')}`);
    }
    order.push(next);
    placed.add(next.name);
  }
  return order;
}

/** Loads the demo agencies: every module's seed, in their declared order (see the top of this file). */
export async function runDemoSeed(
  orm: MikroORM,
  keyring: Keyring,
  modules: readonly SitecareModule[],
  tenants: readonly DemoTenant[],
): Promise<void> {
  const order = demoSeedOrder(modules);
  const run = new Map<string, Promise<unknown>>();
  await orm.em.fork().transactional(async (tx) => {
    for (const [i, demo] of tenants.entries()) {
      const ctx = new DemoSeedContext(tx, keyring, demo, i === 0, run);
      for (const m of order) await m.seed!.perAgency?.(ctx);
    }
    await tx.flush();
    for (const m of order) await m.seed!.afterFlush?.(tx);
  });
  for (const m of order) await m.seed!.afterCommit?.(orm);
}
