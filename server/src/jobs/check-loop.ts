// Issue 22: each server process takes due checks every couple of seconds (modules/monitoring/checks.ts:
// FOR UPDATE SKIP LOCKED, so several processes share the work and each check runs once). One run at a
// time per process; a run takes at most a few batches' worth, bounded by the configured concurrency.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { allowsPrivateHosts } from '../net/public-address';
import type { AppServices } from '../graphql/context';
import { runDueChecks } from '../modules/monitoring/checks';
import { reviewIncidents } from '../modules/monitoring/incidents';

const POLL_MS = 2_000;

export function startCheckLoop(opts: {
  config: Config;
  owner: MikroORM;
  logger: Logger;
  services: () => AppServices;
}): { stop(): Promise<void> } {
  const { config, owner, logger } = opts;
  let stopped = false;
  let current: Promise<void> | undefined;
  const tick = async () => {
    try {
      // Keep taking batches while there is due work (a backlog is worked off at full concurrency).
      for (;;) {
        if (stopped) return;
        const since = new Date();
        const report = await runDueChecks(owner.em, {
          batch: config.monitoring.concurrency * 2,
          concurrency: config.monitoring.concurrency,
          timeoutMs: config.monitoring.timeoutMs,
          allowPrivate: allowsPrivateHosts(config),
          rdapUrl: config.monitoring.rdapUrl,
        });
        const incidents = await reviewIncidents(owner.em, opts.services(), report.sites, {
          failuresToOpen: config.monitoring.failuresToOpen,
          since,
        });
        if (incidents.opened || incidents.reopened || incidents.closed) logger.info(incidents, 'site incidents');
        if (report.checked < config.monitoring.concurrency * 2) return;
      }
    } catch (error) {
      logger.error({ err: error }, 'site checks failed');
    }
  };
  const timer = setInterval(() => {
    current ??= tick().finally(() => (current = undefined));
  }, POLL_MS);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
