// Issue 22: the site agent's contract (docs/site-agent.md). A per-site token, kept as its SHA-256
// only, identifies the site; staff rotate it (the new token is shown once). The agent reports backups
// made and updates applied; the input is checked here, each error naming its field.
import { createHash, randomBytes } from 'node:crypto';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { SiteBackup } from '../sites/site-backup.entity';
import { Site } from '../sites/site.entity';
import { SiteUpdate } from './site-update.entity';

export const agentTokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Makes the site's agent token anew (the old one stops working at once) and returns it, once. */
export function rotateAgentToken(ctx: RequestContext, siteId: string): Promise<string> {
  return inTransaction(ctx, async () => {
    const site = await ctx.em.findOne(Site, siteId);
    if (!site) throw notFound('Site');
    const token = `sca_${randomBytes(32).toString('base64url')}`;
    site.agentTokenHash = agentTokenHash(token);
    site.agentTokenCreatedAt = new Date();
    await ctx.em.flush();
    await audit(ctx, { action: 'site.agentToken.rotate', entityType: 'Site', entityId: site.id, detail: {} });
    return token;
  });
}

export const BACKUP_KINDS = ['FULL', 'DATABASE', 'FILES'] as const;
/** A backup record is kept this long unless the agent says how long the copy is retained. */
const DEFAULT_RETENTION_DAYS = 30;
const SKEW_MS = 5 * 60_000;

type Body = Record<string, unknown>;

function text(body: Body, field: string, max: number, required = true): string | null {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    if (required) throw badInput(field, 'Required');
    return null;
  }
  if (typeof value !== 'string' || value.length > max)
    throw badInput(field, `Must be text of at most ${max} characters`);
  return value.trim();
}

function time(body: Body, field: string, required = true): Date | null {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) throw badInput(field, 'Required');
    return null;
  }
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()))
    throw badInput(field, 'Must be an ISO 8601 time, e.g. 2026-12-06T03:00:00Z');
  if (date.getTime() > Date.now() + SKEW_MS) throw badInput(field, 'Must not be in the future');
  return date;
}

/** A backup made: `takenAt`, `sizeBytes`, `checksum`, `storage` (a label), `kind`, optional `retainedUntil`. */
export async function reportBackup(ctx: RequestContext, siteId: string, body: Body): Promise<SiteBackup> {
  const takenAt = time(body, 'takenAt')!;
  const size = body.sizeBytes;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    throw badInput('sizeBytes', 'Must be a whole number of bytes, 0 or more');
  const checksum = text(body, 'checksum', 200)!;
  if (!/^(?:[a-z0-9-]+:)?[A-Za-z0-9+/=_-]{8,}$/.test(checksum))
    throw badInput('checksum', 'Must be a checksum, e.g. sha256:<hex>');
  const storage = text(body, 'storage', 200)!;
  const kind = text(body, 'kind', 20)!;
  if (!(BACKUP_KINDS as readonly string[]).includes(kind))
    throw badInput('kind', `Must be one of ${BACKUP_KINDS.join(', ')}`);
  const retainedUntil = body.retainedUntil === undefined ? null : new Date(String(body.retainedUntil));
  if (retainedUntil && (Number.isNaN(retainedUntil.getTime()) || retainedUntil <= takenAt))
    throw badInput('retainedUntil', 'Must be an ISO 8601 time after takenAt');
  return inTransaction(ctx, async () => {
    const site = await ctx.em.findOneOrFail(Site, siteId);
    const backup = ctx.em.create(SiteBackup, {
      tenant: site.tenant,
      site,
      takenAt,
      sizeBytes: size,
      checksum,
      location: storage,
      kind,
      expiresAt: retainedUntil ?? new Date(takenAt.getTime() + DEFAULT_RETENTION_DAYS * 86_400_000),
    });
    await ctx.em.flush();
    await audit(ctx, { action: 'site.backup.report', entityType: 'SiteBackup', entityId: backup.id, detail: { kind } });
    return backup;
  });
}

/** Updates applied: `updates: [{ component, from, to, appliedAt? }]`, 1 to 100 of them. */
export async function reportUpdates(ctx: RequestContext, siteId: string, body: Body): Promise<SiteUpdate[]> {
  const list = body.updates;
  if (!Array.isArray(list) || list.length < 1 || list.length > 100)
    throw badInput('updates', 'Must be a list of 1 to 100 updates');
  const rows = list.map((item: unknown, i) => {
    if (typeof item !== 'object' || item === null) throw badInput(`updates.${i}`, 'Must be an object');
    const entry = item as Body;
    const named = <T>(read: () => T) => {
      try {
        return read();
      } catch (error) {
        const field = (error as { extensions?: { field?: string } }).extensions?.field;
        if (field) throw badInput(`updates.${i}.${field}`, (error as Error).message);
        throw error;
      }
    };
    return {
      component: named(() => text(entry, 'component', 200)!),
      fromVersion: named(() => text(entry, 'from', 100, false)),
      toVersion: named(() => text(entry, 'to', 100)!),
      appliedAt: named(() => time(entry, 'appliedAt', false)) ?? new Date(),
    };
  });
  return inTransaction(ctx, async () => {
    const site = await ctx.em.findOneOrFail(Site, siteId);
    const made = rows.map((row) => ctx.em.create(SiteUpdate, { tenant: site.tenant, site, ...row }));
    await ctx.em.flush();
    await audit(ctx, {
      action: 'site.updates.report',
      entityType: 'Site',
      entityId: site.id,
      detail: { count: made.length },
    });
    return made;
  });
}
