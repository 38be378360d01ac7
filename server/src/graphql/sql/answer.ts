// Answers a compiled query (compile.ts) on one pooled connection of the ORM, without the ORM: the
// transaction, the session statement that sets the tenant (row-level security), the one statement
// that builds the answer, and the commit. Any refusal or surprise returns null before an answer is
// made, and the request runs through the resolvers instead.
import { HeaderMap, type GraphQLRequestContext, type GraphQLResponse } from '@apollo/server';
import { getVariableValues, Kind, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import { createHash } from 'node:crypto';
import { applyResumedSession, resumeStatement, type ResumedSession } from '../../modules/auth/session.service';
import type { RequestContext } from '../context';
import { mayCompile, Refused, SqlReads } from './compile';
import './readers';

/** The driver's connection (node-postgres), as knex's pool hands it out. */
interface PgConnection {
  query<R>(query: string | { name?: string; text: string; values?: unknown[] }): Promise<{ rows: R[] }>;
  escapeLiteral(value: string): string;
  __knex__disposed?: unknown;
}
interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/** Every statement goes to the ORM's query log as well (`debug: ['query']`: statement counts in tests). */
async function run<R>(
  ctx: RequestContext,
  connection: PgConnection,
  query: string | { name?: string; text: string; values?: unknown[] },
): Promise<{ rows: R[] }> {
  const started = Date.now();
  const result = await connection.query<R>(query);
  const text = typeof query === 'string' ? query : query.text;
  ctx.em.config.getLogger().logQuery({ query: text, took: Date.now() - started, level: 'info' });
  return result;
}

/** Prepared statements per connection at most: distinct documents beyond it are parsed each time. */
const PREPARED_PER_CONNECTION = 200;
const prepared = new WeakMap<PgConnection, Set<string>>();

/**
 * The statement's name on this connection: the same SQL text is parsed and planned once per
 * connection; a client sending ever new documents fills no more than PREPARED_PER_CONNECTION of them.
 */
function statementName(connection: PgConnection, text: string): string | undefined {
  const name = `sc_${createHash('sha1').update(text).digest('base64url')}`;
  let names = prepared.get(connection);
  if (!names) prepared.set(connection, (names = new Set()));
  if (names.has(name)) return name;
  if (names.size >= PREPARED_PER_CONNECTION) return undefined;
  names.add(name);
  return name;
}

export class SqlAnswers {
  private compiler: SqlReads | undefined;

  constructor(private readonly schema: GraphQLSchema) {}

  /** The answer to a query, or null to run it through the resolvers. */
  async answer(request: GraphQLRequestContext<RequestContext>): Promise<GraphQLResponse | null> {
    const { operation, document, contextValue: ctx } = request;
    if (!operation || !document || !mayCompile(operation)) return null;
    const resume = resumeStatement(ctx);
    if (!resume) return null; // anonymous: nothing here is public
    const coerced = getVariableValues(
      this.schema,
      operation.variableDefinitions ?? [],
      request.request.variables ?? {},
    );
    if (coerced.errors) return null;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;

    const orm = ctx.em;
    this.compiler ??= new SqlReads(this.schema, orm.getMetadata());
    const client = orm.getConnection().getKnex().client as unknown as KnexClient;
    let connection: PgConnection;
    try {
      connection = await client.acquireConnection();
    } catch {
      return null; // the resolvers' path reports an outage in its own words (S29)
    }
    let open = false;
    try {
      // The transaction and the session in one round trip (simple protocol: the values are inlined,
      // a UUID and a hex digest checked by parseTenantToken, and two numbers).
      const [tenantId, hash, idle, touch] = resume.values as [string, string, number, number];
      const inline = resume.text
        .replace('$1', `${connection.escapeLiteral(tenantId)}::uuid`)
        .replace('$2', connection.escapeLiteral(hash))
        .replace('$3', String(Number(idle)))
        .replace('$4', String(Number(touch)));
      open = true;
      const results = (await run(ctx, connection, `begin; ${inline}`)) as unknown as Array<{ rows: ResumedSession[] }>;
      const session = results[1].rows[0];
      // No valid session: the resolvers' path answers (and clears the cookie) as for any request.
      if (!session) return await this.abandon(ctx, connection, () => (open = false));
      applyResumedSession(ctx, tenantId, session);
      const viewer = ctx.viewer!;
      let statement: { text: string; values: unknown[] };
      try {
        statement = this.compiler.compile(operation, fragments, coerced.coerced, viewer);
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        ctx.logger.debug({ reason: error.message }, 'no compiled read; answered by the resolvers');
        return await this.abandon(ctx, connection, () => (open = false));
        throw error;
      }
      const { rows } = await run<{ data: Record<string, unknown> | null }>(ctx, connection, {
        name: statementName(connection, statement.text),
        ...statement,
      });
      const data = rows[0]?.data;
      // A root that found nothing (an unknown or out-of-scope id): the resolvers word the error.
      if (!data || Object.values(data).some((v) => v === null))
        return await this.abandon(ctx, connection, () => (open = false));
      await run(ctx, connection, 'commit');
      open = false;
      return {
        http: { status: undefined, headers: new HeaderMap() },
        body: { kind: 'single', singleResult: { data } },
      };
    } catch (error) {
      if (open) await connection.query('rollback').catch((e: unknown) => (connection.__knex__disposed = e));
      // A failed statement is a bug here, never the client's: logged, and the resolvers answer.
      ctx.logger.error({ err: error, requestId: ctx.requestId }, 'compiled read failed; answered by the resolvers');
      return null;
    } finally {
      await client.releaseConnection(connection);
    }
  }

  /** Gives up before answering; the resolvers' path sets the viewer again. */
  private async abandon(ctx: RequestContext, connection: PgConnection, closed: () => void): Promise<null> {
    await run(ctx, connection, 'rollback');
    closed();
    return null;
  }
}
