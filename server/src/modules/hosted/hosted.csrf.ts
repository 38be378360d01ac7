// CSRF on the hosted pages (issue 21): the pages need no login, but the cookie page changes the
// visitor's own preferences, and no page may be posted by another site in the visitor's name.
// Two checks, both required:
// 1. Same origin: a browser sends `Origin` (and `Sec-Fetch-Site`) with every form POST; a POST from
//    another site, or from an opaque origin (`null`: a sandboxed frame, a data: URL), is refused.
// 2. A per-form token in a hidden field: HMAC-signed (marketing/signing.ts, the server's session
//    secret), naming the agency and the page, valid for FORM_TOKEN_TTL_MS: a form is posted to the page it
//    was served for, and an old copy of a page stops working.
import type { Request } from 'express';
import type { AppServices } from '../../graphql/context';
import { signToken, verifyToken } from '../marketing/signing';

export const FORM_TOKEN_TTL_MS = 4 * 3600_000;
const USE = 'hosted-form';

export function formToken(app: AppServices, agency: string, page: string, now = Date.now()): string {
  return signToken(app, USE, { a: agency, p: page, t: String(now) });
}

function tokenValid(app: AppServices, token: unknown, agency: string, page: string, now = Date.now()): boolean {
  if (typeof token !== 'string') return false;
  const payload = verifyToken<{ a: string; p: string; t: string }>(app, USE, token);
  if (!payload || payload.a !== agency || payload.p !== page) return false;
  const age = now - Number(payload.t);
  return Number.isFinite(age) && age >= 0 && age <= FORM_TOKEN_TTL_MS;
}

/** This server's own origins: the request's host, and PUBLIC_URL's when it is set. */
function ownOrigins(req: Request, app: AppServices): string[] {
  const origins = [`${req.protocol}://${req.get('host')}`];
  if (app.config.publicUrl) origins.push(new URL(app.config.publicUrl).origin);
  return origins;
}

/** Why a POST is refused as cross-site, or undefined when it may proceed. */
export function crossSiteRefusal(req: Request, app: AppServices, agency: string, page: string): string | undefined {
  const origin = req.get('origin');
  if (origin !== undefined && !ownOrigins(req, app).includes(origin)) return 'origin';
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'sec-fetch-site';
  if (!tokenValid(app, (req.body as Record<string, unknown> | undefined)?._token, agency, page)) return 'token';
  return undefined;
}
