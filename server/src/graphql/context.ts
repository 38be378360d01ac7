import type { PendingStep } from '../modules/auth/session.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@sitecare/schema';
import type { Request, Response } from 'express';
import type { GraphQLError } from 'graphql';
import type { LoginThrottle } from '../auth/throttle';
import type { Keyring } from '../secrets/keyring';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Metrics } from '../observability/metrics';

/** Who is asking: set only from a valid session (never from a header or an argument). */
export interface Viewer {
  userId: string;
  tenantId: string;
  role: Role;
  sessionId: string;
  /** Issue 20: a login that still owes a step; only finishing it is allowed (graphql/authorization.ts). */
  pendingStep?: PendingStep;
  /**
   * Issue 21: the request came with this API key (modules/api-keys), not a session. `userId` is then the
   * admin who made the key (PostgreSQL's row rules see them), `role` the key's own (EMPLOYEE for a
   * read-only key, which also has `readOnly`: graphql/authorization.ts refuses its writes), `sessionId` empty.
   */
  apiKey?: { id: string; name: string; readOnly?: boolean };
}

/** Process-wide services, made once at boot. */
export interface AppServices {
  config: Config;
  logger: Logger;
  throttle: LoginThrottle;
  keyring: Keyring;
  /** Prometheus metrics of this process (GET /metrics); absent on the system path (CLI, jobs). */
  metrics?: Metrics;
}

/** What every resolver and service receives first: the request's own EntityManager and identity. */
export interface RequestContext {
  requestId: string;
  /** Forked per request; its transaction carries the tenant setting for row-level security. */
  em: EntityManager;
  logger: Logger;
  ip: string | undefined;
  userAgent: string | undefined;
  /** Absent on the system path (CLI, jobs). */
  req?: Request;
  res?: Response;
  /** Set on the system path: audit events name this actor as SYSTEM. */
  system?: { actor: string };
  app: AppServices;
  viewer?: Viewer;
  /**
   * Issue 21: the request's credentials are refused (a cookie and a key together, an invalid key): every
   * operation, public ones included, answers this error (graphql/authorization.ts).
   */
  authRefusal?: GraphQLError;
  /** The tenant every query of this request is scoped to (both walls); set with `useTenant`. */
  tenantId?: string;
  /** Per-request DataLoaders and memoised scopes (graphql/loaders.ts). */
  loaders?: Map<string, unknown>;
  memo?: Map<string, Promise<unknown>>;
  /** The tail of this request's serial query queue (graphql/loaders.ts). */
  queue?: Promise<unknown>;
}

/**
 * Scopes the request to a tenant: the ORM filter's parameter and PostgreSQL's `app.tenant_id` for
 * the current transaction only (`set_config(..., true)`), with the viewer whose row rules apply
 * (migration viewer_rules): the logged-in viewer in their own agency; otherwise the code itself,
 * acting for a public form, a provider's return or the CLI of that agency (SYSTEM: every row of the
 * agency, as the explicit choice of the caller). `undefined` clears both (fails closed).
 */
export async function useTenant(ctx: RequestContext, tenantId: string | undefined): Promise<void> {
  scopeFilters(ctx, tenantId);
  const viewer = rowViewer(ctx, tenantId)?.userId ?? null;
  await ctx.em.execute("select sitecare_set_viewer(?::uuid, ?) from (select set_config('app.tenant_id', ?, true)) t", [
    viewer,
    tenantId && !viewer ? 'SYSTEM' : null,
    tenantId ?? '',
  ]);
}

/**
 * The viewer whose row rules PostgreSQL applies in a request scoped to `tenantId`: the logged-in viewer
 * in their own agency; undefined when the code itself acts for the agency (SYSTEM) or nobody does.
 */
export function rowViewer(ctx: RequestContext, tenantId = ctx.tenantId): Viewer | undefined {
  return tenantId && ctx.viewer?.tenantId === tenantId ? ctx.viewer : undefined;
}

/** PostgreSQL's viewer for the rest of the transaction, after a login or a logout in this request. */
export async function useViewer(ctx: RequestContext): Promise<void> {
  await ctx.em.execute('select sitecare_set_viewer(?::uuid, null)', [ctx.viewer?.userId ?? null]);
}

/** The ORM's half of `useTenant` (wall one), for when PostgreSQL's setting is already made. */
export function scopeFilters(ctx: RequestContext, tenantId: string | undefined): void {
  ctx.tenantId = tenantId;
  // An empty parameter set makes the filters throw (db/orm.ts): no tenant, no tenant rows.
  ctx.em.setFilterParams('tenant', { tenantId });
  ctx.em.setFilterParams('ownTenant', { tenantId });
}

/**
 * A context for an HTTP route outside GraphQL (a public link, a webhook, a served file): the request's
 * id, address and agent, on `em`; `actor` marks system work done for the route (audited as SYSTEM).
 */
export function routeContext(
  req: Request,
  res: Response,
  em: EntityManager,
  app: AppServices,
  actor?: string,
): RequestContext {
  return {
    requestId: String(res.locals.requestId),
    em,
    logger: app.logger,
    ip: req.ip,
    userAgent: req.header('user-agent'),
    app,
    ...(actor ? { system: { actor } } : {}),
  };
}

/** A context for platform work outside HTTP (CLI, jobs): the owner's connection, audited as SYSTEM. */
export function systemContext(em: EntityManager, app: AppServices, actor: string): RequestContext {
  return {
    requestId: `${actor}-${Date.now()}`,
    em,
    logger: app.logger,
    ip: undefined,
    userAgent: undefined,
    app,
    system: { actor },
  };
}

export function requireViewer(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw new Error('requireViewer called on an anonymous request: the permission matrix is wrong');
  return ctx.viewer;
}

/** Where people and providers reach us: PUBLIC_URL, else the host this request came to, else localhost. */
export function publicBaseUrl(ctx: RequestContext): string {
  const { config } = ctx.app;
  return (
    config.publicUrl ?? (ctx.req ? `${ctx.req.protocol}://${ctx.req.get('host')}` : `http://localhost:${config.port}`)
  );
}
