// Bearer secrets (session ids, invitation and reset tokens): `<tenantId>.<256 random bits>`.
// The tenant part only says where to look; the secret's SHA-256 must match a stored row there.
import { createHash, randomBytes } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function newTenantToken(tenantId: string): { token: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${tenantId}.${secret}`, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function parseTenantToken(token: string | undefined): { tenantId: string; hash: string } | undefined {
  if (!token || token.length > 200) return undefined;
  const dot = token.indexOf('.');
  const tenantId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  if (dot < 0 || !UUID.test(tenantId) || !/^[\w-]{43}$/.test(secret)) return undefined;
  return { tenantId, hash: hashSecret(secret) };
}

/** For throttling keys and logs: an e-mail address or IP never stored as such. */
export function fingerprint(value: string): string {
  return createHash('sha256').update(value.trim().toLowerCase()).digest('hex').slice(0, 32);
}
