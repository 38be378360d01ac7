import { Client } from 'pg';

/** Runs `work` while holding the PostgreSQL advisory lock `name`: one process at a time, across machines. */
export async function withAdvisoryLock<T>(url: string, name: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    return await work(client);
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await client.end();
  }
}

/** One process at a time migrates and seeds: others wait on a PostgreSQL advisory lock. */
export function withMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  return withAdvisoryLock(url, 'sitecare:migrate', work);
}
