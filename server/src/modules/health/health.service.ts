import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SITECARE_VERSION: string = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
).version;

/** True when PostgreSQL answers a trivial query within `timeoutMs`. */
export async function checkDatabase(em: EntityManager, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([em.execute('select 1').then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** What /readyz reports: each part "ok", or what is wrong with it. */
export interface Readiness {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unavailable';
  migrations?: 'ok' | 'pending' | 'unavailable';
  jobs?: 'ok' | 'stopped';
}

/** True when every migration this build ships is recorded as applied (read as the tables' owner). */
async function migrationsApplied(owner: MikroORM, shipped: readonly string[], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)),
  );
  try {
    const rows = await Promise.race([
      owner.em.getConnection().execute<Array<{ name: string }>>('select name from mikro_orm_migrations'),
      timeout,
    ]);
    const applied = new Set(rows.map((row) => row.name));
    return shipped.every((name) => applied.has(name));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Ready for traffic: PostgreSQL answers, every shipped migration is applied (when the owner's ORM is
 * given) and the job queue runs (when there is one).
 */
export async function checkReadiness(opts: {
  em: EntityManager;
  owner?: MikroORM;
  shippedMigrations?: readonly string[];
  jobsRunning?: () => boolean;
  timeoutMs?: number;
}): Promise<Readiness> {
  const timeoutMs = opts.timeoutMs ?? 2000;
  const [database, migrations] = await Promise.all([
    checkDatabase(opts.em, timeoutMs),
    opts.owner && opts.shippedMigrations
      ? migrationsApplied(opts.owner, opts.shippedMigrations, timeoutMs).then(
          (ok) => (ok ? ('ok' as const) : ('pending' as const)),
          () => 'unavailable' as const,
        )
      : undefined,
  ]);
  const jobs = opts.jobsRunning ? (opts.jobsRunning() ? 'ok' : 'stopped') : undefined;
  const ready = database && (migrations ?? 'ok') === 'ok' && (jobs ?? 'ok') === 'ok';
  return {
    status: ready ? 'ok' : 'unavailable',
    database: database ? 'ok' : 'unavailable',
    ...(migrations ? { migrations } : {}),
    ...(jobs ? { jobs } : {}),
  };
}
