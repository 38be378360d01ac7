// Issue 22: each server process takes due checks every second (modules/monitoring/checks.ts: FOR
// UPDATE SKIP LOCKED, so several processes, and the lanes of one, share the work and each check runs
// once). Up to LANES runs overlap, each with its share of the configured concurrency, so a check that
// falls due while a batch is still waiting on its slowest site is taken at the next poll, not after it.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { allowsPrivateHosts } from '../net/public-address';
import type { AppServices } from '../graphql/context';
import { runDueChecks } from '../modules/monitoring/checks';
import { reviewIncidents } from '../modules/monitoring/incidents';

const POLL_MS = 1_000;
const LANES = 4;

export function startCheckLoop(opts: {
  config: Config;
  owner: MikroORM;
  logger: Logger;
  services: () => AppServices;
}): { stop(): Promise<void> } {
  const { config, owner, logger } = opts;
  let stopped = false;
  const running = new Set<Promise<void>>();
  const share = Math.max(1, Math.ceil(config.monitoring.concurrency / LANES));
  const tick = async () => {
    try {
      // Keep taking batches while there is due work (a backlog is worked off at full concurrency).
      for (;;) {
        if (stopped) return;
        const since = new Date();
        const report = await runDueChecks(owner.em, {
          batch: share * 2,
          concurrency: share,
          timeoutMs: config.monitoring.timeoutMs,
          allowPrivate: allowsPrivateHosts(config),
          rdapUrl: config.monitoring.rdapUrl,
        });
        const incidents = await reviewIncidents(owner.em, opts.services(), report.sites, {
          failuresToOpen: config.monitoring.failuresToOpen,
          since,
        });
        if (incidents.opened || incidents.reopened || incidents.closed) logger.info(incidents, 'site incidents');
        if (report.checked < share * 2) return;
      }
    } catch (error) {
      logger.error({ err: error }, 'site checks failed');
    }
  };
  const timer = setInterval(() => {
    if (running.size >= LANES) return;
    const run: Promise<void> = tick().finally(() => running.delete(run));
    running.add(run);
  }, POLL_MS);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await Promise.all(running);
    },
  };
}
