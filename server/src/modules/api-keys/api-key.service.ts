// API keys (issue 21, S35): made by admins, shown once, stored as a hash, revocable, expiring. A key is
// the second source of a request's viewer, beside the session cookie: `resumeApiKey` is called from
// the one place a session is resumed (modules/auth/session.service.ts: resumeSession), so the viewer,
// the tenant and PostgreSQL's row rules are set exactly as for a session.
import type { RequestContext } from '../../graphql/context';
import { AppError, badInput, ErrorCode, notFound } from '../../graphql/errors';
import { scopeFilters } from '../../graphql/context';
import { inTransaction } from '../../graphql/transaction';
import { newTenantToken, parseTenantToken } from '../../auth/tokens';
import { readSessionCookie } from '../../auth/cookies';
import { audit } from '../audit/audit.service';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { ApiKey, ApiKeyRole } from './api-key.entity';
import type { ApiKeyCreateInput, ApiKeyCreated } from './api-key.inputs';

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
function parseKey(key: string): { tenantId: string; hash: string } | undefined {
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

export function listApiKeys(ctx: RequestContext): Promise<ApiKey[]> {
  return ctx.em.find(ApiKey, {}, { orderBy: { createdAt: 'desc' } });
}

export function createApiKey(ctx: RequestContext, input: ApiKeyCreateInput): Promise<ApiKeyCreated> {
  return inTransaction(ctx, async () => {
    const viewer = ctx.viewer!;
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now())
      throw badInput('expiresAt', 'The expiry must be in the future');
    const { token, hash } = newTenantToken(viewer.tenantId);
    const key = `${API_KEY_PREFIX}${token}`;
    const apiKey = ctx.em.create(ApiKey, {
      tenant: ctx.em.getReference(Tenant, viewer.tenantId),
      name: input.name.trim(),
      role: input.role ?? ApiKeyRole.EMPLOYEE,
      hint: key.slice(-4),
      tokenHash: hash,
      createdBy: ctx.em.getReference(User, viewer.userId),
      expiresAt: input.expiresAt ?? null,
    });
    await ctx.em.flush();
    await audit(ctx, {
      action: 'apiKey.create',
      entityType: 'ApiKey',
      entityId: apiKey.id,
      detail: { name: apiKey.name, role: apiKey.role, expiresAt: apiKey.expiresAt?.toISOString() ?? null },
    });
    return { apiKey, key };
  });
}

export function revokeApiKey(ctx: RequestContext, id: string): Promise<ApiKey> {
  return inTransaction(ctx, async () => {
    const apiKey = await ctx.em.findOne(ApiKey, { id });
    if (!apiKey) throw notFound('API key');
    apiKey.revokedAt ??= new Date();
    await ctx.em.flush();
    await audit(ctx, {
      action: 'apiKey.revoke',
      entityType: 'ApiKey',
      entityId: apiKey.id,
      detail: { name: apiKey.name },
    });
    return apiKey;
  });
}
