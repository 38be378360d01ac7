// Site access data (P7): encrypted at rest (S16), revealed one at a time to an authorised viewer with
// an audit row in the same transaction (S14), denied attempts audited (S13), keys rotatable (S17).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import type { EncryptionContext, Keyring } from '../../secrets/keyring';
import { AuditOutcome } from '../audit/audit-event.entity';
import { audit } from '../audit/audit.service';
import { requireFreshStep } from '../auth/second-factor.service';
import { getSite } from '../sites/site.service';
import { SiteCredential } from './site-credential.entity';
import type { SiteCredentialInput, SiteCredentialUpdateInput } from './credential.inputs';

const SECRET_FIELD = 'secret';

export function encryptionContext(credential: SiteCredential): EncryptionContext {
  return {
    tenantId: credential.tenant.id,
    siteId: credential.site.id,
    credentialId: credential.id,
    field: SECRET_FIELD,
  };
}

function seal(keyring: Keyring, credential: SiteCredential, secret: string): void {
  credential.secretCiphertext = keyring.encrypt(secret, encryptionContext(credential));
  credential.keyVersion = keyring.keyVersionOf(credential.secretCiphertext);
}

export function createCredential(ctx: RequestContext, input: SiteCredentialInput): Promise<SiteCredential> {
  return inTransaction(ctx, async () => {
    const site = await getSite(ctx, input.siteId);
    const credential = ctx.em.create(SiteCredential, {
      tenant: site.tenant,
      site,
      kind: input.kind,
      label: input.label.trim(),
      url: input.url ?? null,
      username: input.username ?? null,
      notes: input.notes ?? null,
      secretCiphertext: '',
      keyVersion: 0,
    });
    seal(ctx.app.keyring, credential, input.secret);
    await ctx.em.flush();
    await audit(ctx, {
      action: 'credential.create',
      entityType: 'SiteCredential',
      entityId: credential.id,
      detail: { siteId: site.id },
    });
    return credential;
  });
}

/** Staff only (the matrix); the credential must belong to a site in the viewer's agency. */
async function getForStaff(ctx: RequestContext, id: string): Promise<SiteCredential> {
  const credential = await ctx.em.findOne(SiteCredential, { id });
  if (!credential) throw notFound('Credential');
  return credential;
}

export function updateCredential(
  ctx: RequestContext,
  id: string,
  input: SiteCredentialUpdateInput,
): Promise<SiteCredential> {
  return inTransaction(ctx, async () => {
    const credential = await getForStaff(ctx, id);
    const { secret, ...fields } = input;
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) (credential as unknown as Record<string, unknown>)[key] = value;
    }
    if (secret !== undefined) seal(ctx.app.keyring, credential, secret);
    await ctx.em.flush();
    await audit(ctx, {
      action: 'credential.update',
      entityType: 'SiteCredential',
      entityId: id,
      detail: { fields: Object.keys(input).filter((k) => k !== 'secret'), secretChanged: secret !== undefined },
    });
    return credential;
  });
}

export function deleteCredential(ctx: RequestContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async () => {
    ctx.em.remove(await getForStaff(ctx, id));
    await ctx.em.flush();
    await audit(ctx, { action: 'credential.delete', entityType: 'SiteCredential', entityId: id });
    return true;
  });
}

/**
 * Returns the plaintext secret to staff, or to a contractor assigned to the site right now, after a
 * second step within the last minutes (S34: else STEP_UP_REQUIRED, audited DENIED). The audit
 * row is written first, in the same savepoint: if it cannot be written, nothing is revealed (S14).
 * Anyone else gets NOT_FOUND, and the attempt is audited as DENIED outside the savepoint (S13).
 */
export async function revealCredential(ctx: RequestContext, id: string): Promise<{ secret: string; revealedAt: Date }> {
  const credential = await ctx.em.findOne(SiteCredential, { id });
  // The viewer's row rule (PostgreSQL): staff, or a contractor assigned to the site right now.
  if (!credential) {
    await audit(ctx, {
      action: 'credential.reveal',
      outcome: AuditOutcome.DENIED,
      entityType: 'SiteCredential',
      // What was asked for; its site stays unknown to a viewer whose row rule hides it.
      entityId: id,
      detail: { requestedId: id },
    });
    throw notFound('Credential');
  }
  // S34: a second step within the last minutes, or DENIED (audited) and STEP_UP_REQUIRED.
  await requireFreshStep(ctx, {
    action: 'credential.reveal',
    entityType: 'SiteCredential',
    entityId: id,
    detail: { siteId: credential.site.id },
  });
  return inTransaction(ctx, async () => {
    await audit(ctx, {
      action: 'credential.reveal',
      entityType: 'SiteCredential',
      entityId: id,
      detail: { siteId: credential.site.id, keyVersion: credential.keyVersion },
    });
    const revealedAt = new Date();
    credential.lastRevealedAt = revealedAt;
    await ctx.em.flush();
    return { secret: ctx.app.keyring.decrypt(credential.secretCiphertext, encryptionContext(credential)), revealedAt };
  });
}

/**
 * Re-encrypts every secret not under the current key (S17), tenant by tenant, as the system. After it,
 * the previous keys can be retired. Returns how many were rewrapped.
 */
export async function rewrapAll(em: EntityManager, keyring: Keyring): Promise<number> {
  let count = 0;
  const stale = await em.find(
    SiteCredential,
    { keyVersion: { $ne: keyring.currentVersion } },
    { filters: false, populate: ['tenant', 'site'] },
  );
  for (const credential of stale) {
    credential.secretCiphertext = keyring.rewrap(credential.secretCiphertext, encryptionContext(credential));
    credential.keyVersion = keyring.keyVersionOf(credential.secretCiphertext);
    count++;
  }
  await em.flush();
  return count;
}
