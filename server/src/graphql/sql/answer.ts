// Answers a compiled operation (compile.ts) on a connection of its own pg.Pool (as the application
// role, like the ORM), without the ORM's unit of work. A query of a session seen before is one statement: the session (which sets the tenant for
// row-level security), then the answer. A mutation of a session seen before is one round trip: the
// session, then the statement, in one transaction (pipeline.ts). Otherwise: begin with the session
// (one round trip), the statement, commit. Any refusal or surprise returns null before an answer is
// made, and the request runs through the resolvers instead.
import { HeaderMap, type GraphQLRequestContext, type GraphQLResponse } from '@apollo/server';
import {
  getVariableValues,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { createHash } from 'node:crypto';
import { Pool, types, type PoolClient } from 'pg';
import { resumeStatement, setResumedViewer, type ResumedSession } from '../../auth/resume';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context';
import { observeCompiledAnswer, observeOperation } from '../../observability/graphql';
import type { Role } from '@sitecare/schema';
import {
  mayCompile,
  Refused,
  RefusedToRole,
  sessionStatementOf,
  SqlReads,
  statementOf,
  type Compiled,
} from './compile';
import { Pipeline, type PipelinedStatement } from './pipeline';

/** A connection of the compiled path's own pool (node-postgres). */
interface PgConnection {
  query<R>(query: string | { name?: string; text: string; values?: unknown[] }): Promise<{ rows: R[] }>;
  query(pipeline: Pipeline): Pipeline;
  escapeLiteral(value: string): string;
  /** Set when the connection must not go back to the pool (a rollback that failed). */
  broken?: unknown;
}

/** Every statement goes to the ORM's query log as well (`debug: ['query']`: statement counts in tests). */
async function run<R>(
  orm: MikroORM,
  connection: PgConnection,
  query: string | { name?: string; text: string; values?: unknown[]; types?: typeof JSON_AS_TEXT },
): Promise<{ rows: R[] }> {
  const started = Date.now();
  const result = await connection.query<R>(query);
  logStatement(orm, typeof query === 'string' ? query : query.text, started);
  return result;
}

function logStatement(orm: MikroORM, text: string, started: number): void {
  orm.config.getLogger().logQuery({ query: text, took: Date.now() - started, level: 'info' });
}

/** The session ahead of a pipelined statement: it raises (28000) unless the session is the viewer's. */
const RESUME_AS = 'select session_id, user_id, role from sitecare_resume_session_as($1, $2, $3, $4, $5, $6)';
const NOT_THE_COMPILED_SESSION = '28000';

/**
 * A statement that failed on the client's data (SQLSTATE class 22: a NUL in a filter, a value out of
 * range) is the resolvers' to refuse in their words: debug. Anything else is a bug here: an error.
 */
export function logFallback(ctx: RequestContext, error: unknown, message: string): void {
  const code = (error as { code?: unknown } | null)?.code;
  const badInput = typeof code === 'string' && code.startsWith('22');
  ctx.logger[badInput ? 'debug' : 'error']({ err: error, requestId: ctx.requestId }, message);
}

function learnedKey(query: string, operationName: string | undefined): string {
  // An unnamed request and one named "" are not the same request (Apollo refuses the second).
  return `${operationName === undefined ? '' : `#${operationName}`}\n${query}`;
}

/** A mutation with one root field: when its root finds nothing, nothing was written (WriteReader). */
function singleRoot(operation: OperationDefinitionNode): boolean {
  const [first, ...rest] = operation.selectionSet.selections;
  return operation.operation === 'mutation' && first?.kind === Kind.FIELD && !rest.length;
}

/** Sessions remembered at most (a digest, a user id and a role each): beyond it, the memory starts over. */
const REMEMBERED_SESSIONS = 10_000;

/**
 * Compiled queries kept (operations × viewers × variables), in all: a statement is a few kilobytes of
 * SQL, so the bound holds memory to tens of megabytes whatever clients send; when full, all are dropped.
 */
const COMPILED_KEPT = 2_000;

/** Prepared statements per connection at most: distinct documents beyond it are parsed each time. */
const PREPARED_PER_CONNECTION = 200;
const prepared = new WeakMap<PgConnection, Set<string>>();

/** Names by prefix and statement text, so that a text seen before is not hashed again (at most this many). */
const NAMES_REMEMBERED = 2_000;
const namesByText = new Map<string, Map<string, string>>();
function nameOf(prefix: string, text: string): string {
  let known = namesByText.get(prefix);
  if (!known) namesByText.set(prefix, (known = new Map()));
  let name = known.get(text);
  if (!name) {
    if (known.size >= NAMES_REMEMBERED) known.clear();
    known.set(text, (name = `${prefix}${createHash('sha1').update(text).digest('base64url')}`));
  }
  return name;
}

/**
 * The statement's name on this connection: the same SQL text is parsed and planned once per
 * connection; a client sending ever new documents fills no more than PREPARED_PER_CONNECTION of them.
 */
function statementName(connection: PgConnection, text: string, prefix = 'sc_'): string | undefined {
  const name = nameOf(prefix, text);
  let names = prepared.get(connection);
  if (!names) prepared.set(connection, (names = new Set()));
  if (names.has(name)) return name;
  if (names.size >= PREPARED_PER_CONNECTION) return undefined;
  names.add(name);
  return name;
}

/** What a compiled answer needs of a request, from Apollo's pipeline or from the compiled lane (lane.ts). */
export interface CompiledRequest {
  operation: OperationDefinitionNode;
  document: DocumentNode;
  variables: Record<string, unknown> | undefined;
  ctx: RequestContext;
  /** The lane writes the answer itself: `data` may stay the JSON text PostgreSQL wrote (RawJson). */
  raw?: boolean;
}

/**
 * A `data` object as the JSON text PostgreSQL built: the compiled lane sends it as it is, without
 * parsing and writing it again (the customer list's page is a quarter of a megabyte). Anything that
 * serialises it otherwise gets the parsed object.
 */
export class RawJson {
  constructor(readonly text: string) {}
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** The json column as its text: node-postgres parses every other type as usual. */
const JSON_AS_TEXT = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === types.builtins.JSON
      ? (value: string) => value
      : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

/** A request of a session seen before, on its connection. */
interface KnownSessionCall {
  request: CompiledRequest;
  connection: PgConnection;
  resume: { values: unknown[] };
  known: { userId: string; role: Role };
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** Documents answered here before, remembered for the compiled lane: at most this many. */
const LEARNED_DOCUMENTS = 500;

export class SqlAnswers {
  private compiler: SqlReads | undefined;

  /** `orm`: the application role's ORM, for its pool, metadata and query log (never its unit of work). */
  /** The compiled path's own connections, as the application role (the ORM keeps its own pool). */
  readonly pool: Pool;

  /** `appUrl`: the application role's database URL (the same role and limits as the ORM's). */
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly orm: MikroORM,
    appUrl: string,
  ) {
    this.pool = new Pool({
      connectionString: appUrl,
      max: 10,
      connectionTimeoutMillis: 10_000,
      application_name: 'sitecare-compiled',
    });
    // An idle connection that PostgreSQL ends (a restart, an outage) is dropped, not a crash (S29).
    this.pool.on('error', () => undefined);
  }

  /** Ends the pool's connections (before PostgreSQL stops). */
  close(): Promise<void> {
    return this.pool.end();
  }

  /**
   * Apollo's hook (transaction.ts): the answer, or null to run the operation through the resolvers. A
   * document answered here is remembered, parsed and validated, for the compiled lane.
   */
  async answer(request: GraphQLRequestContext<RequestContext>): Promise<GraphQLResponse | null> {
    const { operation, document, contextValue: ctx, source } = request;
    if (!operation || !document) return null;
    if (ctx.req && this.tried.has(ctx.req)) return null; // the compiled lane tried it already
    const answered = await this.answerOperation({ operation, document, variables: request.request.variables, ctx });
    if (answered) observeCompiledAnswer(ctx.res);
    if (answered && source !== undefined) {
      if (this.learned.size >= LEARNED_DOCUMENTS) this.learned.clear();
      this.learned.set(learnedKey(source, request.request.operationName), { document, operation });
    }
    return answered;
  }

  /**
   * A document Apollo parsed and validated and this class answered before, for the compiled lane:
   * it takes `query` and `operationName` exactly as sent.
   */
  learnedDocument(
    query: string,
    operationName: string | undefined,
  ): { document: DocumentNode; operation: OperationDefinitionNode } | undefined {
    return this.learned.get(learnedKey(query, operationName));
  }

  /** The compiled lane's answer; null: Apollo runs the request (without trying this again). */
  async answerInLane(request: CompiledRequest): Promise<GraphQLResponse | null> {
    if (request.ctx.req) this.tried.add(request.ctx.req);
    const answered = await this.answerOperation(request);
    if (answered) {
      observeOperation(request.ctx.res, request.operation);
      observeCompiledAnswer(request.ctx.res);
    }
    return answered;
  }

  private readonly learned = new Map<string, { document: DocumentNode; operation: OperationDefinitionNode }>();
  private readonly tried = new WeakSet<object>();

  private async answerOperation(request: CompiledRequest): Promise<GraphQLResponse | null> {
    const { operation, document, ctx } = request;
    if (!mayCompile(operation)) return null;
    const resume = resumeStatement(ctx);
    if (!resume) return null; // anonymous: nothing here is public
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (coerced.errors) return null;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;

    const { orm } = this;
    this.compiler ??= new SqlReads(this.schema, orm.getMetadata());
    let pooled: PoolClient;
    try {
      pooled = await this.pool.connect();
    } catch {
      return null; // the resolvers' path reports an outage in its own words (S29)
    }
    const connection = pooled as unknown as PgConnection;
    try {
      const [tenantId, hash] = resume.values as [string, string, number, number];
      const known = this.sessions.get(hash);
      if (known && (operation.operation === 'query' || singleRoot(operation))) {
        const call = { request, connection, resume, known, fragments, variables: coerced.coerced };
        const answered =
          operation.operation === 'query' ? await this.inOneStatement(call) : await this.inPipeline(call);
        if (answered !== 'again') return answered;
      }
      return await this.inTransaction(request, connection, resume, tenantId, hash, fragments, coerced.coerced);
    } finally {
      pooled.release(connection.broken instanceof Error ? connection.broken : undefined);
    }
  }

  /**
   * A query of a session seen before, in one statement without a transaction of its own: the session
   * function, then the answer (sessionStatementOf). 'again': the session is not as remembered (ended,
   * or its user's role changed): forget it and take the long way.
   */
  private async inOneStatement(call: KnownSessionCall): Promise<GraphQLResponse | null | 'again'> {
    const { connection, known } = call;
    const { ctx, tenantId, hash, idle, touch } = this.knownSession(call);
    let rows: Array<ResumedSession & { data: string | null; complete: boolean }>;
    try {
      const compiled = this.compiledFor(call);
      if (compiled instanceof RefusedToRole) return this.forget(call);
      if (!compiled) return null;
      const statement = sessionStatementOf(compiled, {
        hash,
        idleSeconds: idle,
        touchSeconds: touch,
        role: known.role,
      });
      ({ rows } = await run<ResumedSession & { data: string | null; complete: boolean }>(this.orm, connection, {
        name: statementName(connection, statement.text),
        ...statement,
        types: JSON_AS_TEXT,
      }));
    } catch (error) {
      logFallback(ctx, error, 'compiled read failed; answered by the resolvers');
      return null;
    }
    const [row] = rows;
    if (!row) {
      this.sessions.delete(hash);
      return 'again';
    }
    setResumedViewer(ctx, tenantId, row);
    if (!row.complete || row.data === null) return null;
    return this.response(call.request.raw ? new RawJson(row.data) : (JSON.parse(row.data) as Record<string, unknown>));
  }

  /**
   * A mutation with one root field, of a session seen before, in one round trip and one transaction:
   * the session (for the viewer compiled for, or it raises and nothing after it runs), then the
   * statement, committed at the end. When the root finds nothing, nothing was written, and the
   * resolvers word the refusal. 'again': the session is not as remembered.
   */
  private async inPipeline(call: KnownSessionCall): Promise<GraphQLResponse | null | 'again'> {
    const { connection, known } = call;
    const { ctx, tenantId, hash, idle, touch } = this.knownSession(call);
    let results: Array<Array<Record<string, unknown>>>;
    try {
      const compiled = this.compiledFor(call);
      if (compiled instanceof RefusedToRole) return this.forget(call);
      if (!compiled) return null;
      const statements: PipelinedStatement[] = [
        { text: RESUME_AS, values: [tenantId, hash, idle, touch, known.userId, known.role] },
        { text: statementOf(compiled), values: compiled.values },
      ].map((statement) => ({ ...statement, name: statementName(connection, statement.text, 'sp_') ?? '' }));
      const started = Date.now();
      const pipeline = connection.query(new Pipeline(connection, statements));
      results = await pipeline.result.finally(() => {
        for (const { text } of statements) logStatement(this.orm, text, started);
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === NOT_THE_COMPILED_SESSION) {
        this.sessions.delete(hash);
        return 'again';
      }
      logFallback(ctx, error, 'compiled write failed; answered by the resolvers');
      return null;
    }
    const [[session], [answer]] = results;
    setResumedViewer(ctx, tenantId, session as unknown as ResumedSession);
    return this.response(answer?.data as Record<string, unknown> | null | undefined);
  }

  /** A known session's request: its context and the session's parameters. */
  private knownSession({ request, resume }: KnownSessionCall) {
    const [tenantId, hash, idle, touch] = resume.values as [string, string, number, number];
    return { ctx: request.ctx, tenantId, hash, idle, touch };
  }

  /**
   * The operation compiled for the remembered viewer (undefined: a reader refused). RefusedToRole: the
   * remembered role may not run it, and the role may have changed since the session was seen (an
   * employee made a contractor and back): the caller asks the session again the long way, which finds
   * its role now, rather than leaving it to the resolvers for as long as it is remembered.
   */
  private compiledFor({ request, resume, known, fragments, variables }: KnownSessionCall) {
    const tenantId = String(resume.values[0]);
    return this.compiled(request.ctx, request.operation, fragments, variables, { ...known, tenantId });
  }

  private forget({ resume }: KnownSessionCall): 'again' {
    this.sessions.delete(String(resume.values[1]));
    return 'again';
  }

  /** The long way: begin with the session (one round trip), the statement, commit. */
  private async inTransaction(
    request: CompiledRequest,
    connection: PgConnection,
    resume: { text: string; values: unknown[] },
    tenantId: string,
    hash: string,
    fragments: Record<string, FragmentDefinitionNode>,
    variables: Record<string, unknown>,
  ): Promise<GraphQLResponse | null> {
    const { ctx, operation } = request;
    let open = false;
    try {
      // The transaction and the session in one round trip (simple protocol: the values are inlined,
      // a UUID and a hex digest checked by parseTenantToken, and two numbers).
      const [, , idle, touch] = resume.values as [string, string, number, number];
      const inline = resume.text
        .replace('$1', `${connection.escapeLiteral(tenantId)}::uuid`)
        .replace('$2', connection.escapeLiteral(hash))
        .replace('$3', String(Number(idle)))
        .replace('$4', String(Number(touch)));
      open = true;
      const results = (await run(this.orm, connection, `begin; ${inline}`)) as unknown as Array<{
        rows: ResumedSession[];
      }>;
      const session = results[1].rows[0];
      // No valid session: the resolvers' path answers (and clears the cookie) as for any request.
      if (!session) return await this.abandon(connection, () => (open = false));
      setResumedViewer(ctx, tenantId, session);
      this.remember(hash, { userId: session.user_id, role: session.role });
      const compiled = this.compiled(ctx, operation, fragments, variables, ctx.viewer!);
      if (!compiled || compiled instanceof RefusedToRole) return await this.abandon(connection, () => (open = false));
      const text = statementOf(compiled);
      const { rows } = await run<{ data: Record<string, unknown> | null }>(this.orm, connection, {
        name: statementName(connection, text),
        text,
        values: compiled.values,
      });
      const answer = this.response(rows[0]?.data);
      if (!answer) return await this.abandon(connection, () => (open = false));
      await run(this.orm, connection, 'commit');
      open = false;
      return answer;
    } catch (error) {
      if (open) await connection.query('rollback').catch((e: unknown) => (connection.broken = e));
      // A failed statement is a bug here, never the client's: logged, and the resolvers answer.
      logFallback(ctx, error, 'compiled read failed; answered by the resolvers');
      return null;
    }
  }

  /** The operation compiled for this viewer, or undefined when a reader refuses (logged at debug). */
  private compiled(
    ctx: RequestContext,
    operation: OperationDefinitionNode,
    fragments: Record<string, FragmentDefinitionNode>,
    variables: Record<string, unknown>,
    viewer: { role: Role; tenantId: string; userId: string },
  ): Compiled | RefusedToRole | undefined {
    // A query compiles to the same statement for the same viewer and variables: kept per parsed
    // operation (Apollo's document cache and the lane's hand back the same object for the same text).
    // Mutations are compiled every time (their variables differ from call to call).
    const read = operation.operation === 'query';
    let operationId = read ? this.operationIds.get(operation) : undefined;
    if (read && operationId === undefined) this.operationIds.set(operation, (operationId = this.operationCount++));
    const key = read
      ? `${operationId}\0${viewer.role}\0${viewer.tenantId}\0${viewer.userId}\0${JSON.stringify(variables)}`
      : '';
    if (read && this.compiledKept.has(key)) return this.compiledKept.get(key);
    let compiled: Compiled | RefusedToRole | undefined;
    try {
      compiled = this.compiler!.compile(operation, fragments, variables, viewer);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      ctx.logger.debug({ reason: error.message }, 'no compiled read; answered by the resolvers');
      compiled = error instanceof RefusedToRole ? error : undefined;
    }
    if (read) {
      if (this.compiledKept.size >= COMPILED_KEPT) this.compiledKept.clear();
      this.compiledKept.set(key, compiled);
    }
    return compiled;
  }

  /** Compiled queries by operation (its number here), viewer and variables; at most COMPILED_KEPT. */
  private readonly compiledKept = new Map<string, Compiled | RefusedToRole | undefined>();
  /** A number per parsed operation, for the keys above (a WeakMap: operations Apollo drops go too). */
  private readonly operationIds = new WeakMap<OperationDefinitionNode, number>();
  private operationCount = 0;

  /** The answer, or null when a root found nothing (an unknown or out-of-scope id: the resolvers word it). */
  private response(data: Record<string, unknown> | RawJson | null | undefined): GraphQLResponse | null {
    if (!data || (!(data instanceof RawJson) && Object.values(data).some((v) => v === null))) return null;
    return {
      http: { status: undefined, headers: new HeaderMap() },
      body: { kind: 'single', singleResult: { data: data as Record<string, unknown> } },
    };
  }

  /** Sessions seen (token digest → user and role), so that their next query needs one statement. */
  private readonly sessions = new Map<string, { userId: string; role: Role }>();
  private remember(hash: string, viewer: { userId: string; role: Role }): void {
    if (this.sessions.size >= REMEMBERED_SESSIONS) this.sessions.clear();
    this.sessions.set(hash, viewer);
  }

  /** Gives up before answering; the resolvers' path sets the viewer again. */
  private async abandon(connection: PgConnection, closed: () => void): Promise<null> {
    await run(this.orm, connection, 'rollback');
    closed();
    return null;
  }
}
