// The peers' authentication: a signed bearer token (HMAC-SHA256, JWT-like) carrying the viewer's
// tenant, user and role, verified on every request. Sitecare uses its own session cookie.
import { createHmac, timingSafeEqual } from 'node:crypto';

const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (secret, payload) => createHmac('sha256', secret).update(payload).digest('base64url');

export function issueToken(secret, claims) {
  const payload = encode(claims);
  return `${payload}.${sign(secret, payload)}`;
}

/** The claims of `Bearer <token>`, or undefined when it is missing or forged. */
export function verifyToken(secret, header) {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  const [payload, signature] = token?.split('.') ?? [];
  if (!payload || !signature) return undefined;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return JSON.parse(Buffer.from(payload, 'base64url').toString());
}
