// Server-side sessions: created at login, resumed per request, ended by logout, timeouts or disabling.
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../../auth/cookies';
import { newTenantToken, parseTenantToken } from '../../auth/tokens';
import { useTenant, type RequestContext } from '../../graphql/context';
import { User, UserStatus } from '../users/user.entity';
import { Session } from './session.entity';

/** Activity refreshes `lastSeenAt` at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Called at the start of every GraphQL execution, inside the request's transaction: a valid cookie
 * sets the viewer and the tenant; anything else leaves the request anonymous with no tenant.
 */
export async function resumeSession(ctx: RequestContext): Promise<void> {
  const parsed = parseTenantToken(readSessionCookie(ctx));
  if (!parsed) return;
  await useTenant(ctx, parsed.tenantId);
  const session = await ctx.em.findOne(Session, { tokenHash: parsed.hash }, { populate: ['user'] });
  const now = Date.now();
  const valid =
    session &&
    !session.revokedAt &&
    session.expiresAt.getTime() > now &&
    session.lastSeenAt.getTime() + ctx.app.config.sessions.idleMs > now &&
    session.user.status === UserStatus.ACTIVE;
  if (!valid) {
    await useTenant(ctx, undefined);
    clearSessionCookie(ctx);
    return;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    session.lastSeenAt = new Date(now);
    await ctx.em.flush();
  }
  ctx.viewer = { userId: session.user.id, tenantId: parsed.tenantId, role: session.user.role, sessionId: session.id };
}

/** A new session (a new random id every login), its cookie, and the viewer for the rest of the request. */
export async function startSession(ctx: RequestContext, user: User): Promise<void> {
  await endCurrentSession(ctx);
  const { token, hash } = newTenantToken(user.tenant.id);
  const { absoluteMs } = ctx.app.config.sessions;
  const session = ctx.em.create(Session, {
    tenant: user.tenant,
    user,
    tokenHash: hash,
    lastSeenAt: new Date(),
    expiresAt: new Date(Date.now() + absoluteMs),
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
  });
  await ctx.em.flush();
  setSessionCookie(ctx, token, absoluteMs);
  ctx.viewer = { userId: user.id, tenantId: user.tenant.id, role: user.role, sessionId: session.id };
}

/** Ends the session the request came with, if any (logout, and before a new login). */
export async function endCurrentSession(ctx: RequestContext): Promise<void> {
  if (ctx.viewer) {
    await ctx.em.nativeUpdate(Session, { id: ctx.viewer.sessionId }, { revokedAt: new Date() });
    ctx.viewer = undefined;
  }
  clearSessionCookie(ctx);
}

/** Disabling a user or resetting a password ends every session they have. */
export async function endAllSessions(ctx: RequestContext, user: User): Promise<number> {
  return ctx.em.nativeUpdate(Session, { user, revokedAt: null }, { revokedAt: new Date() });
}
