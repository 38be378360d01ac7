import { Client } from 'pg';

/** One process at a time migrates and seeds: others wait on a PostgreSQL advisory lock. */
export async function withMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('sitecare:migrate'))");
    return await work();
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('sitecare:migrate'))").catch(() => undefined);
    await client.end();
  }
}
