// Resuming a request's viewer: the session cookie, or (issue 21) an API key, the one place either is
// read. It sits below the modules, with the request context and transaction (graphql/), so that the
// transaction that resumes a session does not import a module that imports the transaction back.
import type { Role } from '@sitecare/schema';
import type { PendingStep } from '../modules/auth/session.entity';
import { ApiKeyRole } from '../modules/api-keys/api-key.entity';
import { scopeFilters, type RequestContext } from '../graphql/context';
import { AppError, ErrorCode } from '../graphql/errors';
import { clearSessionCookie, readSessionCookie } from './cookies';
import { parseTenantToken } from './tokens';

/** Activity refreshes `lastSeenAt` at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

/** The viewer a resumed session gives, from a row of `sitecare_resume_session`. */
export interface ResumedSession {
  session_id: string;
  user_id: string;
  role: Role;
}

/**
 * The one statement that resumes a session (migration session_resume): it scopes the transaction to
 * the cookie's tenant, checks the session (revoked, absolute and idle timeouts, user active),
 * refreshes its last-seen time once a minute, and clears the tenant again when nothing is valid.
 * Positional parameters (`$n`): it runs through the ORM and, for compiled reads, on a bare connection.
 */
export function resumeStatement(ctx: RequestContext): { text: string; values: unknown[] } | undefined {
  // A request with an API key (or any Authorization header) is resumed by resumeSession only, never by
  // the compiled path (graphql/sql), which starts from this statement.
  if (authorizationOf(ctx) !== undefined) return undefined;
  const parsed = parseTenantToken(readSessionCookie(ctx));
  if (!parsed) return undefined;
  return {
    text: 'select session_id, user_id, role from sitecare_resume_session($1, $2, $3, $4)',
    values: [parsed.tenantId, parsed.hash, ctx.app.config.sessions.idleMs / 1000, TOUCH_INTERVAL_MS / 1000],
  };
}

/**
 * What the statement found: the viewer and the tenant for the rest of the request, or an anonymous
 * request whose stale cookie is cleared.
 */
export function applyResumedSession(ctx: RequestContext, tenantId: string, row: ResumedSession | undefined): void {
  if (!row) {
    scopeFilters(ctx, undefined);
    clearSessionCookie(ctx);
    return;
  }
  scopeFilters(ctx, tenantId);
  setResumedViewer(ctx, tenantId, row);
}

/**
 * The viewer and tenant of a valid session, without the ORM's filters: a compiled answer
 * (graphql/sql) never uses the request's EntityManager, so it is not made for it.
 */
export function setResumedViewer(ctx: RequestContext, tenantId: string, row: ResumedSession): void {
  ctx.tenantId = tenantId;
  ctx.viewer = { userId: row.user_id, tenantId, role: row.role, sessionId: row.session_id };
}

/**
 * Called at the start of every GraphQL execution, inside the request's transaction: a valid cookie
 * (or, issue 21, a valid API key) sets the viewer and the tenant; anything else leaves the request
 * anonymous with no tenant.
 */
export async function resumeSession(ctx: RequestContext): Promise<void> {
  // Issue 21: the second source of a viewer, an API key (refused together with a cookie).
  const key = authorizationOf(ctx);
  if (key !== undefined) return resumeApiKey(ctx, key);
  const statement = resumeStatement(ctx);
  if (!statement) return;
  // knex's placeholders are `?`.
  const rows = await ctx.em.execute<ResumedSession[]>(statement.text.replace(/\$\d/g, '?'), statement.values);
  const tenantId = String(statement.values[0]);
  if (!rows[0]) {
    // Issue 20: a login that still owes its second step (or a required set-up) is resumed here only,
    // never by the compiled path, and may only finish the login (graphql/authorization.ts).
    const [pending] = await ctx.em.execute<Array<ResumedSession & { pending_step: PendingStep }>>(
      'select session_id, user_id, role, pending_step from sitecare_resume_pending_session(?, ?, ?)',
      statement.values.slice(0, 3),
    );
    if (pending) {
      scopeFilters(ctx, tenantId);
      setResumedViewer(ctx, tenantId, pending);
      ctx.viewer!.pendingStep = pending.pending_step;
      return;
    }
  }
  applyResumedSession(ctx, tenantId, rows[0]);
}

/** Every key starts with this, so that secret scanners (and people) recognise one. */
export const API_KEY_PREFIX = 'sc_live_';

/** Using a key refreshes `lastUsedAt` at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_SECONDS = 60;

/**
 * The bearer credential of a request, if it sends an Authorization header at all (any scheme: a
 * header that is not a valid key is refused, never ignored).
 */
export function authorizationOf(ctx: RequestContext): string | undefined {
  const header = ctx.req?.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : '';
}

/**
 * The key's secret is 256 random bits, so a single SHA-256 is enough to make the stored hash useless
 * to whoever copies the table; argon2 (as for passwords) exists to slow down guessing of low-entropy
 * secrets, and would cost ~50 ms of CPU on every API request for no gain here.
 */
export function parseKey(key: string): { tenantId: string; hash: string } | undefined {
  if (!key.startsWith(API_KEY_PREFIX)) return undefined;
  return parseTenantToken(key.slice(API_KEY_PREFIX.length));
}

const refused = (message: string) => new AppError(ErrorCode.UNAUTHENTICATED, message);

interface ResumedKey {
  key_id: string;
  key_name: string;
  role: ApiKeyRole;
  user_id: string;
}

/**
 * Resumes the request's API key, inside the request's transaction: `sitecare_resume_api_key` scopes
 * the transaction to the key's agency and sets PostgreSQL's viewer (the same `sitecare_set_viewer` a
 * session uses) when the key is valid. A request that also carries a session cookie, or whose key is
 * not valid (unknown, revoked, expired, its admin gone), is refused: `ctx.authRefusal` is thrown by
 * every operation, public ones included (graphql/authorization.ts).
 */
export async function resumeApiKey(ctx: RequestContext, key: string): Promise<void> {
  if (readSessionCookie(ctx)) {
    ctx.authRefusal = refused('Send either a session cookie or an API key, not both');
    return;
  }
  const parsed = parseKey(key);
  const [row] = parsed
    ? await ctx.em.execute<ResumedKey[]>(
        'select key_id, key_name, role, user_id from sitecare_resume_api_key(?, ?, ?)',
        [parsed.tenantId, parsed.hash, TOUCH_INTERVAL_SECONDS],
      )
    : [];
  if (!parsed || !row) {
    scopeFilters(ctx, undefined);
    ctx.authRefusal = refused('This API key is not valid (unknown, revoked or expired)');
    return;
  }
  scopeFilters(ctx, parsed.tenantId);
  ctx.viewer = {
    userId: row.user_id,
    tenantId: parsed.tenantId,
    // A read-only key reads exactly as an employee; its writes are refused (refuseReadOnlyWrite).
    role: 'EMPLOYEE',
    sessionId: '',
    apiKey: { id: row.key_id, name: row.key_name, readOnly: row.role === ApiKeyRole.READONLY },
  };
}
