// Prometheus metrics (prom-client), served at GET /metrics: GraphQL operations by name and by the path
// that answered them (the compiled SQL or the resolvers), error codes, login failures, and, read at
// each scrape, the job queues, the mail outbox and the database pools. Labels are bounded: operation
// names only of documents the server parsed and validated, at most OPERATION_NAMES of them.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ErrorCode, PUBLIC_ERROR_CODES } from '../graphql/errors';

/** Which executor answered a GraphQL operation. */
export type GraphqlPath = 'compiled' | 'resolvers';

/** Distinct operation names labelled at most; later ones count as "other". */
export const OPERATION_NAMES = 100;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** Error codes labelled as themselves; any other counts as "OTHER". */
const ERROR_CODES: ReadonlySet<string> = new Set([
  ...PUBLIC_ERROR_CODES,
  ...Object.values(ErrorCode),
  'PAYLOAD_TOO_LARGE',
]);

/** A pool's connections now: in use, idle, and requests waiting for one. */
export interface PoolUse {
  used: number;
  idle: number;
  waiting: number;
  max: number;
}

/** knex's pool (tarn) behind a MikroORM instance. */
export function ormPoolUse(orm: MikroORM): () => PoolUse | undefined {
  return () => {
    const pool = (
      orm.em.getConnection().getKnex().client as {
        pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number; max: number };
      }
    ).pool;
    if (!pool) return undefined;
    return { used: pool.numUsed(), idle: pool.numFree(), waiting: pool.numPendingAcquires(), max: pool.max };
  };
}

/** node-postgres's Pool. */
export function pgPoolUse(pool: {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}): () => PoolUse {
  return () => ({
    used: pool.totalCount - pool.idleCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
  });
}

/** What the scrape-time gauges read. */
export interface MetricSources {
  pools: Record<string, () => PoolUse | undefined>;
  /** The tables' owner (bypasses row-level security): job queues and the outbox across agencies. */
  owner?: MikroORM;
}

/** Scrape-time queries give up after this: /metrics answers even when PostgreSQL does not. */
const QUERY_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('metrics query timed out')), QUERY_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** One read shared by the collectors of one scrape (they all start in the same tick). */
function onePerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= read().finally(() => {
      pending = undefined;
    }));
}

export class Metrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();
  private sources: MetricSources = { pools: {} };

  readonly graphqlDuration = new Histogram({
    name: 'sitecare_graphql_request_duration_seconds',
    help: 'GraphQL requests: time from arrival to the response, by operation and by the path that answered',
    labelNames: ['operation', 'path'] as const,
    // The compiled path answers in about a millisecond, the resolvers in tens of them.
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly graphqlAnswers = new Counter({
    name: 'sitecare_graphql_answers_total',
    help: 'GraphQL requests by the path that answered them: compiled (one SQL statement) or resolvers',
    labelNames: ['path'] as const,
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'sitecare_errors_total',
    help: 'Errors answered to clients, by code (GraphQL error codes, and the HTTP errors before GraphQL)',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly loginFailures = new Counter({
    name: 'sitecare_login_failures_total',
    help: 'Refused logins: wrong e-mail or password (invalid_credentials), or throttled (rate_limited)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  /**
   * `processMetrics`: Node's own figures as well (prom-client's defaults: CPU, memory, GC, event-loop
   * lag), wanted only where /metrics is served. The event-loop lag is sampled every 100 ms instead of
   * prom-client's 10: that timer woke an idle process a hundred times a second (issue 24: with it and
   * pg-boss's instance registry, jobs/queue.ts, an idle server's main thread used 20 ms of CPU a
   * second; without them, 9 ms).
   */
  constructor(options: { processMetrics: boolean }) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 100 });
    for (const path of ['compiled', 'resolvers'] as const) this.graphqlAnswers.inc({ path }, 0);
    for (const reason of ['invalid_credentials', 'rate_limited']) this.loginFailures.inc({ reason }, 0);
    const sources = () => this.sources;

    new Gauge({
      name: 'sitecare_db_pool_connections',
      help: 'Database connections of this process by pool, in use, idle, and requests waiting for one',
      labelNames: ['pool', 'state'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [pool, read] of Object.entries(sources().pools)) {
          const use = read();
          if (!use) continue;
          this.set({ pool, state: 'used' }, use.used);
          this.set({ pool, state: 'idle' }, use.idle);
          this.set({ pool, state: 'waiting' }, use.waiting);
        }
      },
    });
    new Gauge({
      name: 'sitecare_db_pool_max_connections',
      help: 'The most connections each pool of this process opens',
      labelNames: ['pool'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [pool, read] of Object.entries(sources().pools)) {
          const use = read();
          if (use) this.set({ pool }, use.max);
        }
      },
    });

    // Each pair of gauges reads one query per scrape (prom-client collects all metrics at once).
    const queues = onePerScrape(async () => {
      const owner = sources().owner;
      if (!owner) return undefined;
      return withTimeout(
        owner.em.getConnection().execute<Array<{ name: string; waiting: string; oldest: number | null }>>(
          `select q.name, count(j.id) as waiting,
                  coalesce(extract(epoch from now() - min(j.created_on)), 0)::float8 as oldest
             from pgboss.queue q
             left join pgboss.job j on j.name = q.name and j.state in ('created', 'retry') and j.start_after <= now()
            group by q.name`,
        ),
      ).catch(() => undefined);
    });
    const perQueue = (name: string, help: string, value: (row: { waiting: unknown; oldest: unknown }) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['queue'] as const,
        registers: [this.registry],
        async collect() {
          const rows = await queues();
          if (!rows) return;
          this.reset();
          for (const row of rows) this.set({ queue: row.name }, value(row));
        },
      });
    perQueue('sitecare_job_queue_depth', 'Jobs waiting to run (created or to retry, and due), by queue', (row) =>
      Number(row.waiting),
    );
    perQueue(
      'sitecare_job_queue_oldest_seconds',
      'Age of the oldest job waiting to run, by queue (0 when none waits)',
      (row) => Number(row.oldest),
    );

    const outbox = onePerScrape(async () => {
      const owner = sources().owner;
      if (!owner) return undefined;
      const rows = await withTimeout(
        owner.em.getConnection().execute<Array<{ pending: string; oldest: number }>>(
          `select count(*) as pending, coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as oldest
               from outbox_messages where status = 'PENDING'`,
        ),
      ).catch(() => undefined);
      return rows?.[0];
    });
    new Gauge({
      name: 'sitecare_outbox_pending_messages',
      help: 'Mail in the outbox not sent yet',
      registers: [this.registry],
      async collect() {
        const row = await outbox();
        if (row) this.set(Number(row.pending));
      },
    });
    new Gauge({
      name: 'sitecare_outbox_oldest_pending_seconds',
      help: 'Age of the oldest mail not sent yet (0 when none)',
      registers: [this.registry],
      async collect() {
        const row = await outbox();
        if (row) this.set(Number(row.oldest));
      },
    });
  }

  /** The pools and the owner's ORM that the gauges read at each scrape. */
  watch(sources: MetricSources): void {
    this.sources = sources;
  }

  /**
   * The label of a parsed and validated operation's name: the name itself for the first
   * OPERATION_NAMES names, "anonymous" without a name, "other" beyond the limit.
   */
  operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (this.names.has(name)) return name;
    if (this.names.size >= OPERATION_NAMES || !OPERATION_NAME.test(name)) return 'other';
    this.names.add(name);
    return name;
  }

  countError(code: unknown): void {
    const label = typeof code === 'string' && ERROR_CODES.has(code) ? code : 'OTHER';
    this.errors.inc({ code: label });
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * GET /metrics: 404 when metrics are off (production without METRICS_TOKEN); with a token, 401 unless
 * the request carries `Authorization: Bearer <token>`.
 */
export function metricsRoute(
  metrics: Metrics,
  settings: { enabled: boolean; token: string | undefined },
): RequestHandler {
  const expected = settings.token ? digest(settings.token) : undefined;
  return async (req, res, next) => {
    if (!settings.enabled) return next();
    if (expected) {
      const given = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
      if (!given || !timingSafeEqual(digest(given), expected)) {
        res.setHeader('www-authenticate', 'Bearer realm="metrics"');
        return void res.status(401).type('text/plain').send('Unauthorized\n');
      }
    }
    try {
      const body = await metrics.registry.metrics();
      res.setHeader('cache-control', 'no-store');
      res.type(metrics.registry.contentType).send(body);
    } catch (error) {
      next(error);
    }
  };
}
