// Access logs (pino-http): one line per response with the request id, method, path, status, duration
// and, for GraphQL, the operation and the path that answered it. Never a body, a header (so no cookie
// and no authorization), a query string or a token in the path.
import type { Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { Logger } from '../logger';
import { observedOperation } from './graphql';

/** Probes and scrapes, every few seconds: not logged. */
const QUIET_PATHS = new Set(['/livez', '/readyz', '/healthz', '/metrics']);

/**
 * The path without its query, and without the tokens that some paths carry (unsubscribe, newsletter
 * and privacy confirmations, exports, tracking: `<tenant>.<43 characters>`): a segment with a run of
 * 32 or more token characters is replaced.
 */
export function loggedPath(url: string): string {
  return url.split('?')[0].replace(/\/[^/]*[\w-]{32,}[^/]*/g, '/:token');
}

export function accessLog(logger: Logger, requestId: (req: Request, res: Response) => string): HttpLogger {
  const withOperation = (res: ServerResponse, fields: Record<string, unknown>) => {
    const operation = observedOperation(res as Response);
    return operation ? { ...fields, ...operation } : fields;
  };
  return pinoHttp({
    logger,
    genReqId: (req, res) => requestId(req as Request, res as Response),
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    // The request id on the request's logger (req.log), without the request itself.
    quietReqLogger: true,
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage & { originalUrl?: string }) => ({
        method: req.method,
        path: loggedPath(req.originalUrl ?? req.url ?? ''),
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'warn' : 'info'),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (_req, res, fields) => withOperation(res, fields),
    // A 5xx without an exception (a database outage's 503) gets no invented error and stack trace.
    customErrorObject: (_req, res, error, fields) => {
      const { err: _err, ...rest } = fields as Record<string, unknown>;
      return withOperation(res, /^failed with status code/.test(error.message) ? rest : fields);
    },
  });
}
