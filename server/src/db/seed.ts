// Loads the demo data set from @sitecare/seeds into an empty database: each module's part, declared
// as its `seed` (system/demo-seed.ts runs them in the order their declarations give). The one entry
// point: the server with SITECARE_DEMO, the CLI, the tests' global setup.
import type { MikroORM } from '@mikro-orm/postgresql';
import { demoTenants } from '@sitecare/seeds';
import { modules } from '../modules';
import type { Keyring } from '../secrets/keyring';
import { runDemoSeed } from '../system/demo-seed';

export interface DemoSummary {
  tenants: Array<{ name: string; slug: string; users: number; customers: number }>;
}

/** Seeds only when no agency exists yet, so a restart never adds a second copy. */
export async function seedDemoIfEmpty(orm: MikroORM, keyring: Keyring): Promise<DemoSummary | undefined> {
  const [{ seeded }] = await orm.em
    .fork()
    .execute<{ seeded: boolean }[]>('select exists (select 1 from tenants) as seeded');
  if (seeded) return undefined;
  await runDemoSeed(orm, keyring, modules, demoTenants);
  return {
    tenants: demoTenants.map(({ name, slug, users, customers }) => ({
      name,
      slug,
      users: users.length,
      customers: customers.length,
    })),
  };
}
