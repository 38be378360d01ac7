// Server-side sessions: created at login, resumed per request, ended by logout, timeouts or disabling.
import { clearSessionCookie, setSessionCookie } from '../../auth/cookies';
import { newTenantToken } from '../../auth/tokens';
import { useViewer, type RequestContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { browserKey, describeUserAgent, normaliseIp } from '../../net/client';
import { audit } from '../audit/audit.service';
import { enqueueMail } from '../mail/outbox.service';
import { User } from '../users/user.entity';
import { Session, type PendingStep } from './session.entity';

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
