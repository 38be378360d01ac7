// Issue 16 item 6 (M10): each module declares its demo seed in its own `index.ts`; the demo is those
// seeders, run in the order their declarations give. The demo data the suites rely on is pinned by a
// canonical summary (per table a row count and a checksum over what stays the same from one seeding
// to the next: testing/demo-summary.ts), so moving a seeder cannot change it unnoticed. A deliberate
// change to the demo data updates the snapshot (`npx jest server/src/system/demo-seed -u`).
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { demoTenants } from '@sitecare/seeds';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { initOrm } from '../db/orm';
import { seedDemoIfEmpty } from '../db/seed';
import { modules } from '../modules';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createDemoDatabase } from '../testing/demo';
import { summariseDatabase } from '../testing/demo-summary';
import { testKeyring } from '../testing/env';
import { DemoSeedContext, demoSeedKey, demoSeedOrder, runDemoSeed, type DemoSeeder } from './demo-seed';
import type { SitecareModule } from './module';

const MODULES = path.join(__dirname, '..', 'modules');

it("M10: the demo seed is the modules' seeders, in their declared order", async () => {
  // The order: every seeder after each module it names, and the modules that seed all in it.
  const order = demoSeedOrder(modules).map((m) => m.name);
  expect(order.length).toBeGreaterThan(15);
  expect(new Set(order)).toEqual(new Set(modules.filter((m) => m.seed).map((m) => m.name)));
  for (const m of modules)
    for (const name of m.seed?.after ?? []) expect(order.indexOf(name)).toBeLessThan(order.indexOf(m.name));
  // The data: as the demo template was seeded for this run (by seedDemoIfEmpty, in global setup).
  const db = await createDemoDatabase();
  try {
    const summary = await summariseDatabase(db.superuserUrl);
    expect(Object.keys(summary).length).toBeGreaterThan(50); // it read the schema
    expect(summary).toMatchSnapshot();
  } finally {
    await db.drop();
  }
}, 60_000);

describe('M10: every module that seeds is reached', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await initOrm(db.ownerUrl, { logger: () => undefined });
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('M10: each seeder runs for every demo agency, its after-hooks once, each after the modules it names', async () => {
    const calls: string[] = [];
    const spied = modules.map((m): SitecareModule => {
      if (!m.seed) return m;
      const seed = m.seed;
      const spy: DemoSeeder = {
        after: seed.after,
        perAgency: seed.perAgency && ((ctx) => (calls.push(`${m.name}:agency`), seed.perAgency!(ctx))),
        afterFlush: seed.afterFlush && ((em) => (calls.push(`${m.name}:flushed`), seed.afterFlush!(em))),
        afterCommit: seed.afterCommit && ((o) => (calls.push(`${m.name}:committed`), seed.afterCommit!(o))),
      };
      return { ...m, seed: spy };
    });
    await runDemoSeed(orm, testKeyring(), spied, demoTenants);
    const seeding = modules.filter((m) => m.seed);
    for (const m of seeding) {
      const count = (hook: string) => calls.filter((c) => c === `${m.name}:${hook}`).length;
      expect([m.name, count('agency')]).toEqual([m.name, m.seed!.perAgency ? demoTenants.length : 0]);
      expect([m.name, count('flushed')]).toEqual([m.name, m.seed!.afterFlush ? 1 : 0]);
      expect([m.name, count('committed')]).toEqual([m.name, m.seed!.afterCommit ? 1 : 0]);
      // A seeder first runs after the first run of every module it names.
      const first = (name: string) => calls.findIndex((c) => c.startsWith(`${name}:`));
      for (const name of m.seed!.after ?? [])
        expect([m.name, name, first(name) < first(m.name)]).toEqual([m.name, name, true]);
    }
    // The after-hooks run once every agency is seeded, the committed ones last.
    const lastAgency = calls.map((c) => c.endsWith(':agency')).lastIndexOf(true);
    expect(calls.slice(lastAgency + 1).every((c) => !c.endsWith(':agency'))).toBe(true);
    expect(calls.filter((c) => !c.endsWith(':agency')).length).toBeGreaterThan(0);
    // And the demo is there once: a second call finds the agencies and seeds nothing.
    expect(await seedDemoIfEmpty(orm, testKeyring())).toBeUndefined();
  }, 60_000);

  it('M10: every seeder a module file exports is some module’s declared seed', async () => {
    const declared = new Set(modules.map((m) => m.seed).filter(Boolean));
    const files = readdirSync(MODULES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(path.join(MODULES, d.name))
          .filter((f) => f.endsWith('.seed.ts'))
          .map((f) => path.join(d.name, f)),
      );
    expect(files.length).toBeGreaterThan(15);
    const looksLikeSeeder = (v: unknown): v is DemoSeeder =>
      typeof v === 'object' &&
      v !== null &&
      ['perAgency', 'afterFlush', 'afterCommit'].some(
        (hook) => typeof (v as Record<string, unknown>)[hook] === 'function',
      );
    const unregistered: string[] = [];
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the files are found at run time
      const exported = require(path.join(MODULES, file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported))
        if (looksLikeSeeder(value) && !declared.has(value)) unregistered.push(`${file}: ${name}`);
    }
    expect(unregistered).toEqual([]);
  });
});

describe('M10: the seed order comes from the declarations', () => {
  const mod = (name: string, after?: string[]): SitecareModule => ({ name, seed: { after, perAgency: () => {} } });

  it('M10: runs each module after the ones it names, otherwise in list order', () => {
    const order = demoSeedOrder([
      mod('a', ['c']),
      { name: 'no-seed' },
      mod('b'),
      mod('c', ['b']),
      mod('d'),
      mod('e', ['a']),
    ]).map((m) => m.name);
    expect(order).toEqual(['b', 'c', 'a', 'd', 'e']);
  });

  it('M10: an `after` that names an unknown module, or one that seeds nothing, fails at start with the names', () => {
    expect(() => demoSeedOrder([mod('a'), mod('b', ['a', 'nope'])])).toThrow(
      "demo seed: module 'b' runs after 'nope', which is no module with a seed",
    );
    expect(() => demoSeedOrder([{ name: 'quiet' }, mod('b', ['quiet'])])).toThrow(/module 'b' runs after 'quiet'/);
  });

  it('M10: a cycle of `after` fails at start, naming the modules in it', () => {
    expect(() => demoSeedOrder([mod('x'), mod('a', ['b']), mod('b', ['c']), mod('c', ['a']), mod('d', ['a'])])).toThrow(
      "demo seed: the modules' `after` run in a circle: a → b → c → a",
    );
    expect(() => demoSeedOrder([mod('self', ['self'])])).toThrow('self → self');
  });

  it('M10: a seeder that reads a value no earlier seeder made fails, naming the module to run after', () => {
    const key = demoSeedKey<number>('numbers', 'the number');
    const ctx = new DemoSeedContext(null as never, testKeyring(), demoTenants[0], true, new Map());
    expect(() => ctx.get(key)).toThrow("'the number' is not made yet: a seeder that reads it names 'numbers'");
    ctx.set(key, 7);
    expect(ctx.get(key)).toBe(7);
    expect(() => ctx.set(key, 8)).toThrow("'the number' is set twice");
  });
});
