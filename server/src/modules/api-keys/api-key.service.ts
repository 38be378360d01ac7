// API keys (issue 21, S35): made by admins, shown once, stored as a hash, revocable, expiring. A key is
// the second source of a request's viewer, beside the session cookie: `resumeApiKey` is called from
// the one place a session is resumed (auth/resume.ts: resumeSession), so the viewer,
// the tenant and PostgreSQL's row rules are set exactly as for a session.
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { API_KEY_PREFIX } from '../../auth/resume';
import { newTenantToken } from '../../auth/tokens';
import { audit } from '../audit/audit.service';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { ApiKey, ApiKeyRole } from './api-key.entity';
import type { ApiKeyCreateInput, ApiKeyCreated } from './api-key.inputs';

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
