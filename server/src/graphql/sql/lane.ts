// The compiled lane: a POST /graphql whose document this server has already answered in one statement
// (parsed and validated by Apollo, then remembered by SqlAnswers) is answered again straight from the
// parsed body. It skips Apollo's request pipeline and the routers mounted ahead of it, which cost
// more CPU than the statement itself on the short operations (tests/bench/RESULTS.md). The lane
// checks what Apollo checks for such a request: the body's shape, the media type the client accepts,
// and the cost of this request's page values. CSRF needs no check, because only a JSON body is parsed
// and JSON is not one of the content types a form can send. Anything else, and any request the
// compiled path does not answer, goes on unchanged to Apollo (`next()`), which then answers it
// through the resolvers.
import type { Request, RequestHandler, Response } from 'express';
import type { DocumentNode } from 'graphql';
import type { QueryCosts } from '../armor';
import type { RequestContext } from '../context';
import { LIMITS } from '../limits';
import { logFallback, RawJson, type SqlAnswers } from './answer';

/** Apollo Server's media types for a single result, in its order of preference. */
const MEDIA_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];

const BODY_KEYS = new Set(['query', 'operationName', 'variables']);

/** The body of a plain GraphQL POST (no extensions, no batch), or undefined. */
function graphqlBody(
  body: unknown,
): { query: string; operationName: string | undefined; variables: Record<string, unknown> | undefined } | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { query, operationName, variables } = body as Record<string, unknown>;
  if (typeof query !== 'string') return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  // An empty name names no operation (Apollo refuses it); never the unnamed document learned before.
  if (operationName === '') return undefined;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  if (Object.keys(body).some((key) => !BODY_KEYS.has(key))) return undefined;
  return {
    query,
    operationName: operationName ?? undefined,
    variables: (variables ?? undefined) as Record<string, unknown> | undefined,
  };
}

/** The request's cost is within the limit; false as well when it cannot be computed (Apollo words why). */
function withinCost(
  costs: QueryCosts,
  document: DocumentNode,
  body: { operationName: string | undefined; variables: Record<string, unknown> | undefined },
): boolean {
  try {
    return costs.of(document, body.operationName, body.variables ?? {}) <= LIMITS.maxCost;
  } catch {
    return false; // variables the schema rejects: Apollo's pipeline reports them
  }
}

export interface CompiledLane extends RequestHandler {
  /** From now on every request goes to Apollo (shutdown: Apollo answers while it drains). */
  close(): void;
}

export function compiledLane(opts: {
  answers: SqlAnswers;
  costs: QueryCosts;
  context: (req: Request, res: Response) => RequestContext;
}): CompiledLane {
  let closed = false;
  const lane = (async (req, res, next) => {
    const body = closed ? undefined : graphqlBody(req.body);
    const learned = body && opts.answers.learnedDocument(body.query, body.operationName);
    if (!body || !learned) return next();
    const mediaType = req.headers.accept ? req.accepts(MEDIA_TYPES) : MEDIA_TYPES[0];
    if (!mediaType) return next();
    if (!withinCost(opts.costs, learned.document, body)) return next();
    const ctx = opts.context(req, res);
    let response;
    try {
      response = await opts.answers.answerInLane({ ...learned, variables: body.variables, ctx, raw: true });
    } catch (error) {
      logFallback(ctx, error, 'compiled lane failed; answered through Apollo');
      return next();
    }
    if (response?.body.kind !== 'single') return next();
    res.status(response.http.status ?? 200);
    res.setHeader('content-type', mediaType);
    // As Apollo Server writes a single result; PostgreSQL's JSON text as it is (RawJson).
    const { singleResult } = response.body;
    const data = singleResult.data as unknown;
    res.send(
      data instanceof RawJson && Object.keys(singleResult).length === 1
        ? `{"data":${data.text}}\n`
        : `${JSON.stringify(singleResult)}\n`,
    );
  }) as CompiledLane;
  lane.close = () => void (closed = true);
  return lane;
}
