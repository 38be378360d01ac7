import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const pg = globalThis.__SITECARE_PG__;
  if (!pg) return;
  await pg.handle.stop();
  await rm(pg.dir, { recursive: true, force: true });
}
