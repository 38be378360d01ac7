// The HTTP surface: /graphql (Apollo), /livez and /readyz (and /healthz), /metrics, and the built dashboard at /.
import { expressMiddleware } from '@as-integrations/express5';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import express, { type Express } from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import helmet from 'helmet';
import { Pool } from 'pg';
import { LoginThrottle } from './auth/throttle';
import { Keyring } from './secrets/keyring';
import type { Config } from './config';
import { REPO_ROOT } from './config';
import { createApolloServer } from './graphql/apollo';
import { QueryCosts } from './graphql/armor';
import { LIMITS } from './graphql/limits';
import { SqlAnswers } from './graphql/sql/answer';
import { rememberViewerRules, VIEWER_RULES_SQL } from './graphql/sql/viewer-rules';
import { compiledLane } from './graphql/sql/lane';
import type { AppServices, RequestContext } from './graphql/context';
import { buildSitecareSchema } from './graphql/schema';
import type { Logger } from './logger';
import { shippedMigrations } from './db/orm';
import { modules } from './modules';
import { checkReadiness } from './modules/health/health.service';
import { WEBSITE_GRAPHQL_PATH, websiteGraphql } from './modules/website/cors';
import { accessLog } from './observability/access-log';
import { observeGraphql } from './observability/graphql';
import { Metrics, metricsRoute, ormPoolUse, pgPoolUse } from './observability/metrics';

export const DASHBOARD_DIST = path.join(REPO_ROOT, 'dashboard', 'dist');

export interface HttpApp {
  app: Express;
  services: AppServices;
  httpServer: Server;
  /** Stops accepting connections and waits for in-flight requests. */
  close(): Promise<void>;
}

/**
 * helmet's headers for our settings, found once at boot and then set by one middleware: they do not
 * depend on the request, and helmet's twelve middlewares per request showed in the profiles.
 */
function staticHeaders(middleware: (req: never, res: never, next: () => void) => void): express.RequestHandler {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => void headers.set(name, String(value)),
    removeHeader: (name: string) => void headers.delete(name),
  };
  let done = false;
  middleware({} as never, recorder as never, () => (done = true));
  if (!done || !headers.size) throw new Error('helmet did not set its headers synchronously');
  const fixed = [...headers];
  return (_req, res, next) => {
    for (const [name, value] of fixed) res.setHeader(name, value);
    next();
  };
}

/** The request's id: the caller's X-Request-Id when it is a plausible one, else a new one; sent back. */
function requestIdOf(req: express.Request, res: express.Response): string {
  const given = req.header('x-request-id');
  const id = given && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
  res.locals.requestId = id;
  res.setHeader('x-request-id', id);
  return id;
}

export async function createHttpApp(opts: {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  appUrl: string;
  /** The owner's ORM, for the system path (webhooks), readiness and the queue and outbox metrics. */
  owner?: MikroORM;
  /** Whether the job queue runs (readiness); absent: the process runs none. */
  jobsRunning?: () => boolean;
}): Promise<HttpApp> {
  const { config, orm, logger } = opts;
  // Throttling state is written outside the request's transaction, so it survives a rolled-back request.
  const throttlePool = new Pool({ connectionString: opts.appUrl, max: 4 });
  // An idle connection cut by the server (a database restart) is dropped and reopened on demand (S29);
  // without a listener, pg would crash the process.
  throttlePool.on('error', (error) => logger.warn({ err: error }, 'throttle pool lost a connection'));
  const metrics = new Metrics({ processMetrics: config.metrics.enabled });
  metrics.watch({
    pools: {
      app: ormPoolUse(orm),
      throttle: pgPoolUse(throttlePool),
      // The compiled path's own pool (made below, read at each scrape).
      compiled: () => (sqlAnswers ? pgPoolUse(sqlAnswers.pool)() : undefined),
      ...(opts.owner ? { owner: ormPoolUse(opts.owner) } : {}),
    },
    owner: opts.owner,
  });
  const services: AppServices = {
    config,
    logger,
    throttle: new LoginThrottle(throttlePool),
    keyring: new Keyring(config.keyring),
    metrics,
  };
  const app = express();
  // Slow clients (slowloris) are cut off: headers and the whole request each have a deadline, checked
  // every second (Node's default check runs every 30 s, which would let a trickle live that long).
  const httpServer = createServer(
    {
      headersTimeout: config.http.headersTimeoutMs,
      requestTimeout: config.http.requestTimeoutMs,
      keepAliveTimeout: config.http.keepAliveTimeoutMs,
      connectionsCheckingInterval: 1000,
    },
    app,
  );
  app.disable('x-powered-by');
  // First, so that its duration covers everything; it gives every request its id.
  app.use(accessLog(logger, requestIdOf));
  // No ETag: every answer is per viewer and per request, and hashing a 200 kB list page costs.
  app.set('etag', false);
  app.set('trust proxy', config.isProduction ? 'loopback, linklocal, uniquelocal' : false);

  app.use(
    staticHeaders(
      helmet({
        // The dashboard is a same-origin SPA; Apollo's landing page is only served outside production.
        contentSecurityPolicy: config.isProduction
          ? { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'] } }
          : false,
        strictTransportSecurity: config.isProduction,
      }),
    ),
  );

  const schema = await buildSitecareSchema();
  const costs = new QueryCosts(schema);
  const sqlAnswers = config.compiledReads ? new SqlAnswers(schema, orm, opts.appUrl) : undefined;
  // The row rules as migrated, for the lists that state them to the planner (graphql/sql/viewer-rules.ts).
  rememberViewerRules(await orm.em.getConnection().execute(VIEWER_RULES_SQL));
  const context = (req: express.Request, res: express.Response): RequestContext => {
    const requestId = String(res.locals.requestId);
    // The request's EntityManager and logger are made on first use: a query answered by one
    // statement (graphql/sql) needs neither.
    let em: EntityManager | undefined;
    let requestLogger: Logger | undefined;
    return {
      requestId,
      get em() {
        return (em ??= orm.em.fork());
      },
      set em(value: EntityManager) {
        em = value;
      },
      get logger() {
        return (requestLogger ??= logger.child({ requestId }));
      },
      ip: req.ip,
      userAgent: req.header('user-agent'),
      req,
      res,
      app: services,
    };
  };
  const graphqlBody = express.json({ limit: LIMITS.maxBodyBytes });
  // A document answered in one statement before takes the compiled lane, ahead of the other routers
  // and of Apollo's pipeline; everything else goes on to Apollo below (the body is read once).
  const lane = sqlAnswers && compiledLane({ answers: sqlAnswers, costs, context });
  // Every GraphQL request is observed (span, duration, operation, path), whichever path answers it.
  app.use('/graphql', observeGraphql(metrics));
  if (lane) app.post('/graphql', graphqlBody, lane);

  // Liveness: the process answers (a restart would not help with anything else).
  app.get('/livez', (_req, res) => void res.json({ status: 'ok' }));
  // Readiness: PostgreSQL answers, the shipped migrations are applied and the job queue runs; a 503
  // takes the process out of a balancer's rotation until it recovers. /healthz is the same check.
  const shipped = opts.owner ? shippedMigrations() : undefined;
  const ready: express.RequestHandler = async (_req, res) => {
    const readiness = await checkReadiness({
      em: orm.em.fork(),
      owner: opts.owner,
      shippedMigrations: shipped,
      jobsRunning: opts.jobsRunning,
    });
    res.setHeader('cache-control', 'no-store');
    res.status(readiness.status === 'ok' ? 200 : 503).json(readiness);
  };
  app.get('/readyz', ready);
  app.get('/healthz', ready);
  app.get('/metrics', metricsRoute(metrics, config.metrics));

  // Each module's routes outside GraphQL (inbound e-mail, marketing links, privacy links, the agency's
  // logo, ticket attachments, the providers' webhooks): see its index.ts.
  for (const module of modules) {
    const router = module.routes?.({ orm, owner: opts.owner, services });
    if (router) app.use(router);
  }

  const apollo = createApolloServer({
    schema,
    httpServer,
    logger,
    isProduction: config.isProduction,
    sqlAnswers,
    costs,
    metrics,
  });
  await apollo.start();
  const apolloMiddleware = expressMiddleware(apollo, { context: async ({ req, res }) => context(req, res) });
  app.use('/graphql', graphqlBody, apolloMiddleware);
  // Issue 21 (S37): the agency's website calls its public operations here, with CORS by the agency's
  // allow-list and never with credentials; /graphql above sends no CORS headers.
  app.use(
    WEBSITE_GRAPHQL_PATH,
    observeGraphql(metrics),
    ...websiteGraphql(schema, throttlePool, graphqlBody),
    apolloMiddleware,
  );

  if (existsSync(path.join(DASHBOARD_DIST, 'index.html'))) {
    app.use(express.static(DASHBOARD_DIST, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET that accepts HTML gets the app shell.
    app.get(
      /^\/(?!graphql|healthz|livez|readyz|metrics|webhooks|inbound|agency-logo|public\/|a\/).*/,
      (req, res, next) => {
        if (!req.accepts('html')) return next();
        res.setHeader('cache-control', 'no-cache');
        res.sendFile(path.join(DASHBOARD_DIST, 'index.html'));
      },
    );
  } else {
    logger.warn({ dir: DASHBOARD_DIST }, 'dashboard is not built; run `pnpm build`');
  }

  // Errors outside GraphQL (a body over the limit, malformed JSON): a typed JSON answer without a
  // stack trace, in the shape of a GraphQL error so that clients read it the same way.
  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = Number((error as { status?: unknown }).status);
    const requestId = String(res.locals.requestId);
    if (status === 413) {
      metrics.countError('PAYLOAD_TOO_LARGE');
      const message = `The request body is larger than ${LIMITS.maxBodyBytes} bytes`;
      return void res.status(413).json({ errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE', requestId } }] });
    }
    if (status >= 400 && status < 500) {
      metrics.countError('BAD_REQUEST');
      const message = 'The request could not be read';
      return void res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST', requestId } }] });
    }
    logger.error({ err: error, requestId }, 'unhandled error in HTTP request');
    metrics.countError('INTERNAL_SERVER_ERROR');
    res.status(500).json({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
    });
  });

  return {
    app,
    services,
    httpServer,
    close: async () => {
      lane?.close();
      await apollo.stop(); // drains the HTTP server through its plugin
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await services.throttle.close();
      await sqlAnswers?.close();
    },
  };
}
