import { parse, serialize } from 'cookie';
import type { RequestContext } from '../graphql/context';

export const SESSION_COOKIE = 'sc_session';

export function readSessionCookie(ctx: RequestContext): string | undefined {
  const header = ctx.req?.headers.cookie;
  return header ? parse(header)[SESSION_COOKIE] : undefined;
}

/** HttpOnly, SameSite=Lax, Secure in production; lives no longer than the session's absolute timeout. */
export function setSessionCookie(ctx: RequestContext, token: string, maxAgeMs: number): void {
  ctx.res?.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.app.config.sessions.secureCookie,
      path: '/',
      maxAge: Math.floor(maxAgeMs / 1000),
    }),
  );
}

export function clearSessionCookie(ctx: RequestContext): void {
  ctx.res?.append(
    'Set-Cookie',
    serialize(SESSION_COOKIE, '', {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.app.config.sessions.secureCookie,
      path: '/',
      maxAge: 0,
    }),
  );
}
