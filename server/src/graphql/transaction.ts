// One database transaction per GraphQL request, carrying the tenant setting for row-level security.
// It is opened when execution starts (so field resolvers and DataLoaders run inside it) and committed
// when execution ends. Mutations do their writes in a nested transaction (a savepoint, see
// `inTransaction`), so a failed mutation leaves nothing half-written while the audit row of a
// denied attempt, written outside it, is kept.
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { resumeSession } from '../auth/resume';
import type { RequestContext } from './context';
import { isDatabaseUnavailable, serviceUnavailable } from './errors';
import type { SqlAnswers } from './sql/answer';

const open = new WeakSet<RequestContext>();

/**
 * Ends the request's transaction. A query's writes (the session's last-seen time, an audit row) are
 * flushed where they happen, so a query commits without the unit of work's final flush: that flush
 * compares every entity the query loaded with its snapshot (thousands on a list page) to find nothing.
 */
async function finish(ctx: RequestContext, commit: boolean, readOnly = false): Promise<void> {
  if (!open.delete(ctx)) return;
  if (!commit) return ctx.em.rollback();
  if (readOnly) ctx.em.clear();
  await ctx.em.commit();
}

/** Opens the request's transaction and resumes its session; false when the database is unreachable. */
async function start(ctx: RequestContext): Promise<boolean> {
  if (open.has(ctx)) return true;
  try {
    await ctx.em.begin();
    open.add(ctx);
    await resumeSession(ctx);
    return true;
  } catch (error) {
    await finish(ctx, false).catch(() => undefined);
    if (isDatabaseUnavailable(error)) return false;
    throw error;
  }
}

export function transactionPlugin(sqlAnswers?: SqlAnswers): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        // Before execution, where a plugin may still answer: a query with SQL readers for all of it
        // is answered in one statement (graphql/sql); a database outage (S29) gets a clean,
        // retryable 503 rather than an internal error or a misleading "log in first".
        async responseForOperation(request) {
          const answered = await sqlAnswers?.answer(request);
          if (answered) return answered;
          const ctx = request.contextValue;
          if (await start(ctx)) return null;
          const { message, extensions } = serviceUnavailable();
          const { http: _http, ...code } = extensions;
          return {
            http: { status: 503, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { errors: [{ message, extensions: code }] } },
          };
        },
        async executionDidStart({ contextValue: ctx, operation }) {
          if (!(await start(ctx))) throw serviceUnavailable();
          // No operation when the name matches none (`operationName: ""`): graphql-js refuses it (400).
          const readOnly = operation?.operation === 'query';
          return {
            async executionDidEnd(error) {
              await finish(ctx, !error, readOnly);
            },
          };
        },
        async willSendResponse({ contextValue: ctx }) {
          // Backstop: if another plugin threw, executionDidEnd never ran; never leave a connection pinned.
          await finish(ctx, false);
        },
      };
    },
  };
}

/** Runs `work` all-or-nothing inside the request's transaction (a savepoint), then flushes. */
export async function inTransaction<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
  const outer = ctx.em;
  return outer.transactional(async (tx) => {
    ctx.em = tx as typeof outer;
    try {
      return await work();
    } finally {
      ctx.em = outer;
    }
  });
}
