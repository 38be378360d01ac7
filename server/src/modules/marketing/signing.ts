// P32, P9: links in marketing mail carry their own authority: a payload and its HMAC under a key
// derived from the server's session secret. Nothing can be forged, and no login is needed.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppServices } from '../../graphql/context';

const keyOf = (app: AppServices, use: string) =>
  createHmac('sha256', app.config.secrets.session).update(`marketing-link:${use}`).digest();

const mac = (app: AppServices, use: string, data: string) =>
  createHmac('sha256', keyOf(app, use)).update(data).digest('base64url');

function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `<base64url JSON>.<mac>` */
export function signToken(app: AppServices, use: string, payload: Record<string, string>): string {
  const data = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${data}.${mac(app, use, data)}`;
}

export function verifyToken<T extends Record<string, string>>(
  app: AppServices,
  use: string,
  token: string | undefined,
): T | undefined {
  if (!token || token.length > 2000) return undefined;
  const [data, given, extra] = token.split('.');
  if (!data || !given || extra !== undefined || !sameMac(given, mac(app, use, data))) return undefined;
  try {
    return JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** P9: a click target is signed together with its message token: the redirect goes nowhere else. */
export const signUrl = (app: AppServices, token: string, url: string) => mac(app, 'click', `${token}\n${url}`);
export const urlSigned = (app: AppServices, token: string, url: string, sig: string | undefined) =>
  !!sig && sameMac(sig, signUrl(app, token, url));

export interface UnsubscribePayload extends Record<string, string> {
  /** tenant */
  t: string;
  /** e-mail address, lower case */
  e: string;
  /** purpose key */
  p: string;
}

export interface TrackingPayload extends Record<string, string> {
  t: string;
  e: string;
  /** the outbox message */
  m: string;
}
