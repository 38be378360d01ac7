// Server-side sessions: created at login, resumed per request, ended by logout, timeouts or disabling.
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../../auth/cookies';
import { newTenantToken, parseTenantToken } from '../../auth/tokens';
import type { Role } from '@sitecare/schema';
import { scopeFilters, useViewer, type RequestContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { browserKey, describeUserAgent, normaliseIp } from '../../net/client';
import { authorizationOf, resumeApiKey } from '../api-keys/api-key.service';
import { audit } from '../audit/audit.service';
import { enqueueMail } from '../mail/outbox.service';
import { User } from '../users/user.entity';
import { Session, type PendingStep } from './session.entity';

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

export interface SessionStart {
  /** What the login still owes (issue 20): the session may do nothing else until it is done. */
  pendingStep: PendingStep | null;
  /** Whether the step that started it counts as a fresh second step (step-up, S34). */
  stepUp: boolean;
}

/** A new session (a new random id every login), its cookie, and the viewer for the rest of the request. */
export async function startSession(ctx: RequestContext, user: User, start: SessionStart): Promise<void> {
  await endCurrentSession(ctx);
  const { token, hash } = newTenantToken(user.tenant.id);
  const { absoluteMs } = ctx.app.config.sessions;
  // One clock reading: a session is never last seen before it started (a busy machine can pause
  // between two readings).
  const now = new Date();
  const session = ctx.em.create(Session, {
    tenant: user.tenant,
    user,
    tokenHash: hash,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + absoluteMs),
    ip: normaliseIp(ctx.ip),
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    pendingStep: start.pendingStep,
    stepUpAt: start.stepUp ? now : null,
  });
  await ctx.em.flush();
  setSessionCookie(ctx, token, absoluteMs);
  ctx.viewer = { userId: user.id, tenantId: user.tenant.id, role: user.role, sessionId: session.id };
  if (start.pendingStep) ctx.viewer.pendingStep = start.pendingStep;
  await useViewer(ctx);
}

/** Ends the session the request came with, if any (logout, and before a new login). */
export async function endCurrentSession(ctx: RequestContext): Promise<void> {
  if (ctx.viewer) {
    await ctx.em.nativeUpdate(Session, { id: ctx.viewer.sessionId }, { revokedAt: new Date() });
    ctx.viewer = undefined;
    await useViewer(ctx);
  }
  clearSessionCookie(ctx);
}

/** Disabling a user or resetting a password ends every session they have. */
export async function endAllSessions(ctx: RequestContext, user: User): Promise<number> {
  return ctx.em.nativeUpdate(Session, { user, revokedAt: null }, { revokedAt: new Date() });
}

/** A live session as its user sees it (issue 20): no token, no full address. */
export interface SessionView {
  id: string;
  browser: string | null;
  os: string | null;
  device: string | null;
  place: string | null;
  startedAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/**
 * The viewer's live sessions, most recently used first: live as sitecare_session_live says (the
 * condition resuming a session uses), past any pending login step, the address as
 * sitecare_truncate_ip gives it (the visit log's truncation).
 */
export async function listOwnSessions(ctx: RequestContext): Promise<SessionView[]> {
  const viewer = ctx.viewer!;
  const rows = await ctx.em.execute<
    Array<{ id: string; user_agent: string | null; place: string | null; created_at: Date; last_seen_at: Date }>
  >(
    `select s.id, s.user_agent, sitecare_truncate_ip(s.ip) as place, s.created_at, s.last_seen_at
       from sessions s
      where s.user_id = ? and s.pending_step is null and sitecare_session_live(s, ?)
      order by s.last_seen_at desc, s.created_at desc
      limit 100`,
    [viewer.userId, ctx.app.config.sessions.idleMs / 1000],
  );
  return rows.map((r) => ({
    id: r.id,
    ...describeUserAgent(r.user_agent),
    place: r.place,
    startedAt: new Date(r.created_at),
    lastSeenAt: new Date(r.last_seen_at),
    current: r.id === viewer.sessionId,
  }));
}

/** The viewer ends one of their own sessions (ending the current one is a logout). */
export async function endOwnSession(ctx: RequestContext, sessionId: string): Promise<boolean> {
  const viewer = ctx.viewer!;
  await inTransaction(ctx, async () => {
    const ended = await ctx.em.nativeUpdate(
      Session,
      { id: sessionId, user: viewer.userId, revokedAt: null },
      { revokedAt: new Date() },
    );
    if (!ended) throw notFound('Session');
    await audit(ctx, { action: 'auth.session_end', entityType: 'Session', entityId: sessionId });
    if (sessionId === viewer.sessionId) await endCurrentSession(ctx);
  });
  return true;
}

/** An admin ends every session of a user of their agency (audited with how many ended). */
export async function endUserSessions(ctx: RequestContext, userId: string): Promise<number> {
  return inTransaction(ctx, async () => {
    const user = await ctx.em.findOne(User, { id: userId });
    if (!user) throw notFound('User');
    const ended = await endAllSessions(ctx, user);
    await audit(ctx, { action: 'user.sessions_end', entityType: 'User', entityId: user.id, detail: { ended } });
    if (user.id === ctx.viewer?.userId) await endCurrentSession(ctx);
    return ended;
  });
}

/**
 * After a right password: when the user has logged in before, but never from this browser (browser,
 * OS and device by browserKey; a version update is the same browser), they are mailed "was this
 * you?" in their language. Their earlier sessions, live or not, are what they have used; the new
 * session itself counts from now on, so the mail goes once per browser.
 */
export async function mailIfNewBrowser(ctx: RequestContext, user: User): Promise<boolean> {
  const sessionId = ctx.viewer?.sessionId;
  if (!sessionId) return false;
  const earlier = await ctx.em.execute<Array<{ user_agent: string | null }>>(
    `select distinct user_agent from sessions where user_id = ? and id <> ? limit 500`,
    [user.id, sessionId],
  );
  if (!earlier.length) return false;
  const key = browserKey(ctx.userAgent);
  if (earlier.some((r) => browserKey(r.user_agent) === key)) return false;
  const { browser, os, device } = describeUserAgent(ctx.userAgent);
  const [{ place }] = await ctx.em.execute<Array<{ place: string | null }>>('select sitecare_truncate_ip(?) as place', [
    normaliseIp(ctx.ip),
  ]);
  await enqueueMail(ctx, {
    tenantId: user.tenant.id,
    to: user.email,
    template: 'auth.new_browser',
    language: user.preferredLanguage,
    payload: {
      agency: user.tenant.name,
      name: user.name,
      browser: [browser, os, device].filter(Boolean).join(', ') || '?',
      place: place ?? '?',
      when: new Date().toLocaleString(user.preferredLanguage === 'sv' ? 'sv-SE' : 'en-GB', {
        timeZone: 'Europe/Stockholm',
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
    },
  });
  await audit(ctx, { action: 'auth.new_browser', entityType: 'User', entityId: user.id, detail: { browser } });
  return true;
}

/** The session has just had a second step (or, for a user without a factor, the password): step-up (S34). */
export async function markStepUp(ctx: RequestContext): Promise<void> {
  await ctx.em.nativeUpdate(Session, { id: ctx.viewer!.sessionId }, { stepUpAt: new Date() });
}
