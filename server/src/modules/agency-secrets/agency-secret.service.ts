// The agency's own secrets (S31): sealed with the keyring bound to the agency and the field, opened
// only where they are used (sending mail, calling a provider), rewrapped by `rotate-keys`.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import type { Keyring } from '../../secrets/keyring';
import { Tenant } from '../tenants/tenant.entity';
import { AgencySecret } from './agency-secret.entity';

/** The last four characters, or fewer of a short secret (never more than a quarter of it). */
const lastFourOf = (secret: string) => secret.slice(-Math.min(4, Math.floor(secret.length / 4)));

/** The stored columns of agency `tenantId`'s secret `name`: sealed, with its key version and last 4. */
export function sealAgencySecret(
  keyring: Keyring,
  tenantId: string,
  name: string,
  secret: string,
): Pick<AgencySecret, 'ciphertext' | 'keyVersion' | 'last4'> {
  const ciphertext = keyring.encryptAgencySecret(secret, { tenantId, field: name });
  return { ciphertext, keyVersion: keyring.keyVersionOf(ciphertext), last4: lastFourOf(secret) };
}

export async function saveAgencySecret(
  ctx: RequestContext,
  name: string,
  secret: string,
  verifiedAt: Date | null,
): Promise<AgencySecret> {
  const tenantId = ctx.tenantId!;
  const values = { ...sealAgencySecret(ctx.app.keyring, tenantId, name, secret), verifiedAt };
  let row = await ctx.em.findOne(AgencySecret, { name });
  if (row) Object.assign(row, values);
  else row = ctx.em.create(AgencySecret, { tenant: ctx.em.getReference(Tenant, tenantId), name, ...values });
  await ctx.em.flush();
  return row;
}

export async function removeAgencySecret(ctx: RequestContext, name: string): Promise<void> {
  const row = await ctx.em.findOne(AgencySecret, { name });
  if (row) {
    ctx.em.remove(row);
    await ctx.em.flush();
  }
}

/** The plaintext of agency `tenantId`'s secret `name` (owner path, e.g. the mail relay), or undefined. */
export async function openAgencySecret(
  em: EntityManager,
  keyring: Keyring,
  tenantId: string,
  name: string,
): Promise<string | undefined> {
  const row = await em.findOne(AgencySecret, { tenant: tenantId, name }, { filters: false });
  return row ? keyring.decryptAgencySecret(row.ciphertext, { tenantId, field: name }) : undefined;
}

/** S31 with S17: every agency secret not under the current key, re-encrypted; returns how many. */
export async function rewrapAgencySecrets(em: EntityManager, keyring: Keyring): Promise<number> {
  const stale = await em.find(AgencySecret, { keyVersion: { $ne: keyring.currentVersion } }, { filters: false });
  for (const row of stale) {
    row.ciphertext = keyring.rewrapAgencySecret(row.ciphertext, { tenantId: row.tenant.id, field: row.name });
    row.keyVersion = keyring.keyVersionOf(row.ciphertext);
  }
  await em.flush();
  return stale.length;
}
