// P26: the suppression list. Values are normalised (e-mail: trimmed, lower case; phone: E.164 digits)
// and hashed with the agency's salt (HMAC-SHA-256), so the list can be checked but not read.
import { createHmac } from 'node:crypto';
import type { RequestContext } from '../../graphql/context';
import { normalisePhone } from '../../graphql/validators';
import { Tenant } from '../tenants/tenant.entity';
import { SuppressionEntry, SuppressionKind } from './suppression-entry.entity';

export interface Reachable {
  email?: string | null;
  phone?: string | null;
}

const normalise = (kind: SuppressionKind, value: string) =>
  kind === SuppressionKind.EMAIL ? value.trim().toLowerCase() : (normalisePhone(value) ?? value.replace(/[^\d+]/g, ''));

export function suppressionHash(salt: string, kind: SuppressionKind, value: string): string {
  return createHmac('sha256', salt)
    .update(`${kind}:${normalise(kind, value)}`)
    .digest('hex');
}

async function hashesOf(ctx: RequestContext, who: Reachable): Promise<{ kind: SuppressionKind; hash: string }[]> {
  const tenant = await ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
  const out: { kind: SuppressionKind; hash: string }[] = [];
  if (who.email)
    out.push({
      kind: SuppressionKind.EMAIL,
      hash: suppressionHash(tenant.privacySalt, SuppressionKind.EMAIL, who.email),
    });
  if (who.phone)
    out.push({
      kind: SuppressionKind.PHONE,
      hash: suppressionHash(tenant.privacySalt, SuppressionKind.PHONE, who.phone),
    });
  return out;
}

/** True when the e-mail address or the phone number is on the agency's suppression list. */
export async function isSuppressed(ctx: RequestContext, who: Reachable): Promise<boolean> {
  const hashes = await hashesOf(ctx, who);
  if (!hashes.length) return false;
  return (await ctx.em.count(SuppressionEntry, { $or: hashes })) > 0;
}

/** Adds the e-mail address and phone number to the suppression list (once each). */
export async function suppress(ctx: RequestContext, who: Reachable, reason: string): Promise<void> {
  for (const { kind, hash } of await hashesOf(ctx, who)) {
    if (await ctx.em.count(SuppressionEntry, { kind, hash })) continue;
    ctx.em.create(SuppressionEntry, { tenant: ctx.em.getReference(Tenant, ctx.tenantId!), kind, hash, reason });
  }
  await ctx.em.flush();
}

/** Fresh, explicit consent lifts the suppression of that address (P26: "without fresh consent"). */
export async function unsuppress(ctx: RequestContext, who: Reachable): Promise<void> {
  const hashes = await hashesOf(ctx, who);
  if (hashes.length) await ctx.em.nativeDelete(SuppressionEntry, { $or: hashes });
}
