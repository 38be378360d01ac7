// Retention: data kept only as long as needed (P26). Each task is idempotent, runs on the system path
// (the owner's connection, every agency), and audits what it removed per agency (`system/tasks.ts`).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppServices } from '../graphql/context';
import { retentionTasks } from '../modules';
import type { RetentionReport } from '../system/tasks';

/** Every retention task, in order; the scheduler and `pnpm sitecare retention:run` call this. */
export async function runRetention(em: EntityManager, app: AppServices, now = new Date()): Promise<RetentionReport[]> {
  const reports: RetentionReport[] = [];
  for (const task of retentionTasks) reports.push(...[await task(em.fork(), app, now)].flat());
  return reports;
}
