// Writes audit events in the caller's transaction: the record and the change commit together.
import type { AuditAction } from '@sitecare/schema';
import type { RequestContext } from '../../graphql/context';
import { Tenant } from '../tenants/tenant.entity';
import { AuditActorType, AuditEvent, AuditOutcome } from './audit-event.entity';

export interface AuditInput {
  /** One of AUDIT_ACTIONS (@sitecare/schema): the dashboard names each in sv and en. */
  action: AuditAction;
  outcome?: AuditOutcome;
  entityType?: string;
  entityId?: string;
  detail?: Record<string, unknown>;
  /** Defaults to the request's tenant. */
  tenantId?: string;
}

export async function audit(ctx: RequestContext, input: AuditInput): Promise<AuditEvent> {
  const tenantId = input.tenantId ?? ctx.tenantId;
  if (!tenantId) throw new Error(`audit(${input.action}) without a tenant`);
  const event = ctx.em.create(AuditEvent, {
    tenant: ctx.em.getReference(Tenant, tenantId),
    actorType: ctx.viewer?.apiKey
      ? AuditActorType.API_KEY
      : ctx.viewer
        ? AuditActorType.USER
        : ctx.system
          ? AuditActorType.SYSTEM
          : AuditActorType.ANONYMOUS,
    // Issue 21: an action with an API key names the key (detail.actor), not the admin who made it.
    actorUserId: ctx.viewer?.apiKey ? null : (ctx.viewer?.userId ?? null),
    action: input.action,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    outcome: input.outcome ?? AuditOutcome.ALLOWED,
    requestId: ctx.requestId,
    ip: ctx.ip ?? null,
    detail: ctx.viewer?.apiKey
      ? { actor: ctx.viewer.apiKey.name, apiKeyId: ctx.viewer.apiKey.id, ...input.detail }
      : ctx.system
        ? { actor: ctx.system.actor, ...input.detail }
        : (input.detail ?? {}),
  });
  await ctx.em.flush();
  return event;
}
