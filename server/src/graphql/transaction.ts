// One database transaction per GraphQL request, carrying the tenant setting for row-level security.
// It is opened when execution starts (so field resolvers and DataLoaders run inside it) and committed
// when execution ends. Mutations do their writes in a nested transaction (a savepoint, see
// `inTransaction`), so a failed mutation leaves nothing half-written while the audit row of a
// denied attempt, written outside it, is kept.
import type { ApolloServerPlugin } from '@apollo/server';
import { resumeSession } from '../modules/auth/session.service';
import type { RequestContext } from './context';

const open = new WeakSet<RequestContext>();

async function finish(ctx: RequestContext, commit: boolean): Promise<void> {
  if (!open.delete(ctx)) return;
  if (!commit) return ctx.em.rollback();
  await ctx.em.commit();
}

export function transactionPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue: ctx }) {
          await ctx.em.begin();
          open.add(ctx);
          await resumeSession(ctx);
          return {
            async executionDidEnd(error) {
              await finish(ctx, !error);
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
