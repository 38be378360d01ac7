// Issue 20: the second factor (TOTP, RFC 6238, with otplib; ten single-use recovery codes; or a
// passkey, passkey.service.ts), the second step of a login, step-up before high-value actions (S33, S34), and each agency's roles that
// must have a second factor.
//
// Recovery codes are 80 random bits each, so they are stored as SHA-256 hashes rather than argon2id:
// a slow hash protects guessable secrets (passwords); against 2^80 possibilities a fast hash loses
// nothing, and checking a code need not run ten argon2id verifications (one per stored code).
import { createHash, randomBytes } from 'node:crypto';
import { type AuditAction, ROLES, type Role } from '@sitecare/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import { verifyPassword } from '../../auth/passwords';
import type { RequestContext } from '../../graphql/context';
import type { Keyring } from '../../secrets/keyring';
import { AppError, ErrorCode, badInput, notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { AuditOutcome } from '../audit/audit-event.entity';
import { audit } from '../audit/audit.service';
import { enqueueMail } from '../mail/outbox.service';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import type { PendingStep } from './session.entity';
import { Session } from './session.entity';
import { endAllSessions, markStepUp, startSession } from './session.service';
import { Passkey } from './passkey.entity';
import { consumePasskeyStep, passkeyCount, removeAllPasskeys } from './passkey.service';

export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Sitecare';

/** Where a user's TOTP secret is sealed: bound to the agency and to the user (keyring, S31). */
const totpContext = (user: User) => ({ tenantId: user.tenant.id, field: `totp:${user.id}` });

/** Seals `secret` as the user's authenticator secret (not yet confirmed). */
export function sealTotpSecret(keyring: Keyring, user: User, secret: string): void {
  user.totpSecretCiphertext = keyring.encryptAgencySecret(secret, totpContext(user));
}

/** The user's authenticator secret, unsealed (the second step, and `totp:code` in development). */
export function openTotpSecret(keyring: Keyring, user: User): string {
  return keyring.decryptAgencySecret(user.totpSecretCiphertext!, totpContext(user));
}

/** An authenticator app (TOTP) is set up and confirmed. */
export const hasTotp = (user: User): boolean => Boolean(user.totpConfirmedAt && user.totpSecretCiphertext);

/** THE definition of "has a second factor": an authenticator app, or at least one passkey. */
export async function hasSecondFactor(ctx: RequestContext, user: User): Promise<boolean> {
  return hasTotp(user) || (await passkeyCount(ctx, user)) > 0;
}

/** What a login with a right password still owes: the second step, setting one up, or nothing. */
export async function pendingStepFor(ctx: RequestContext, user: User, tenant: Tenant): Promise<PendingStep | null> {
  if (await hasSecondFactor(ctx, user)) return 'SECOND_FACTOR';
  return tenant.secondFactorRoles.includes(user.role) ? 'SETUP' : null;
}

/**
 * Checks a TOTP code at `epochSeconds` (a fixed clock in tests): the current step or the one before
 * (clock drift), never a step at or before `lastStep` (a code used once is refused within its
 * window). Returns the accepted time step, or null.
 */
export async function checkTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  epochSeconds = Date.now() / 1000,
): Promise<number | null> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(epochSeconds),
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: [TOTP_PERIOD_SECONDS, 0],
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

const normaliseRecoveryCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();
export const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');

/** Ten codes of 80 random bits, shown once as `XXXX-XXXX-XXXX-XXXX` (base32). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => base32(randomBytes(10)).match(/.{4}/g)!.join('-'));
}

function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

const wrongCode = () => badInput('code', 'The code is wrong or has already been used');

export type SecondStepMethod = 'TOTP' | 'RECOVERY_CODE' | 'PASSKEY';
/** A second step: a code (TOTP or recovery), or a passkey's answer (the browser's JSON). */
export type SecondStepProof = { code: string; passkey?: undefined } | { passkey: string; code?: undefined };

/**
 * One second step of `user`: a TOTP code (each time step once, an atomic compare-and-set), an
 * unused recovery code (removed as it is used) or a passkey (passkey.service.ts: a challenge of this
 * purpose and session, once). Throttled like passwords, per user, whichever the method (S19, S33); a
 * failure is audited outside any savepoint and answers BAD_USER_INPUT naming `code` or `passkey`.
 */
export async function verifySecondStep(
  ctx: RequestContext,
  user: User,
  proof: SecondStepProof,
  action: 'auth.second_step' | 'auth.step_up',
): Promise<SecondStepMethod> {
  const key = `second-step:${user.id}`;
  await ctx.app.throttle.assertAllowed(key, ctx.ip);
  const method =
    proof.passkey !== undefined
      ? (await consumePasskeyStep(ctx, user, proof.passkey, action === 'auth.step_up' ? 'STEP_UP' : 'SECOND_STEP'))
        ? 'PASSKEY'
        : null
      : await consumeSecondStep(ctx, user, proof.code);
  if (!method) {
    const lockSeconds = await ctx.app.throttle.recordFailure(key, ctx.ip);
    await audit(ctx, {
      action,
      outcome: AuditOutcome.FAILED,
      entityType: 'User',
      entityId: user.id,
      detail: { lockSeconds, method: proof.passkey !== undefined ? 'PASSKEY' : 'CODE' },
    });
    throw proof.passkey !== undefined
      ? badInput('passkey', 'The passkey could not be verified; try again')
      : wrongCode();
  }
  await ctx.app.throttle.recordSuccess(key);
  return method;
}

async function consumeSecondStep(
  ctx: RequestContext,
  user: User,
  code: string,
): Promise<'TOTP' | 'RECOVERY_CODE' | null> {
  if (!hasTotp(user)) return null;
  const step = await checkTotp(openTotpSecret(ctx.app.keyring, user), code, user.totpLastStep);
  if (step !== null) {
    // Two requests with the same code: only one moves the last step forward.
    const moved = await ctx.em.nativeUpdate(
      User,
      { id: user.id, $or: [{ totpLastStep: null }, { totpLastStep: { $lt: step } }] },
      { totpLastStep: step },
    );
    if (moved !== 1) return null;
    user.totpLastStep = step;
    return 'TOTP';
  }
  const hash = hashRecoveryCode(code);
  if (!/^[A-Z2-7]{16}$/.test(normaliseRecoveryCode(code))) return null;
  const rows = await ctx.em.execute<Array<{ left: number }>>(
    `update users set recovery_code_hashes = array_remove(recovery_code_hashes, ?), updated_at = now()
      where id = ? and ? = any(recovery_code_hashes)
      returning cardinality(recovery_code_hashes) as left`,
    [hash, user.id, hash],
  );
  if (!rows.length) return null;
  user.recoveryCodeHashes = user.recoveryCodeHashes.filter((h) => h !== hash);
  return 'RECOVERY_CODE';
}

async function viewerUser(ctx: RequestContext): Promise<User> {
  return ctx.em.findOneOrFail(User, ctx.viewer!.userId, { populate: ['tenant'] });
}

/** The second step of a login: a fresh session (a new id) that counts as a fresh step. */
export async function loginSecondStep(ctx: RequestContext, proof: SecondStepProof): Promise<void> {
  if (ctx.viewer?.pendingStep !== 'SECOND_FACTOR') {
    throw badInput(proof.passkey !== undefined ? 'passkey' : 'code', 'No login is waiting for a second step');
  }
  const user = await viewerUser(ctx);
  const method = await verifySecondStep(ctx, user, proof, 'auth.second_step');
  await inTransaction(ctx, async () => {
    await startSession(ctx, user, { pendingStep: null, stepUp: true });
    await audit(ctx, { action: 'auth.second_step', entityType: 'User', entityId: user.id, detail: { method } });
  });
}

export interface TotpSetup {
  secret: string;
  uri: string;
}

/** Starts setting up TOTP: a new secret, sealed, not yet a factor until a code confirms it. */
export function startTotpSetup(ctx: RequestContext): Promise<TotpSetup> {
  return inTransaction(ctx, async () => {
    const user = await viewerUser(ctx);
    if (hasTotp(user)) throw badInput('totp', 'An authenticator is already set up; remove it first');
    const secret = generateSecret();
    sealTotpSecret(ctx.app.keyring, user, secret);
    user.totpConfirmedAt = null;
    user.totpLastStep = null;
    await ctx.em.flush();
    await audit(ctx, { action: 'auth.totp_setup', entityType: 'User', entityId: user.id });
    return { secret, uri: generateURI({ issuer: ISSUER, label: user.email, secret }) };
  });
}

/**
 * Confirms the authenticator with a code: it becomes the user's second factor, with ten new recovery
 * codes (returned once). A login that waited for this set-up becomes a full session (a new id).
 */
export function confirmTotpSetup(ctx: RequestContext, code: string): Promise<string[]> {
  return inTransaction(ctx, async () => {
    const user = await viewerUser(ctx);
    if (!user.totpSecretCiphertext || user.totpConfirmedAt) throw badInput('code', 'Start the set-up first');
    const step = await checkTotp(openTotpSecret(ctx.app.keyring, user), code, null);
    if (step === null) throw wrongCode();
    const codes = newRecoveryCodes();
    user.totpConfirmedAt = new Date();
    user.totpLastStep = step;
    user.recoveryCodeHashes = codes.map(hashRecoveryCode);
    await ctx.em.flush();
    if (ctx.viewer!.pendingStep === 'SETUP') await startSession(ctx, user, { pendingStep: null, stepUp: true });
    else await markStepUp(ctx);
    await audit(ctx, { action: 'auth.totp_enable', entityType: 'User', entityId: user.id });
    return codes;
  });
}

/**
 * Step-up: a second step now, for actions that need a fresh one (S34). The TOTP, a recovery code or a
 * passkey when the user has a second factor; the password when they have none (their agency does
 * not require one for their role). Throttled and audited like the second step of a login.
 */
export async function stepUp(
  ctx: RequestContext,
  input: { code?: string; password?: string; passkey?: string },
): Promise<void> {
  const user = await viewerUser(ctx);
  if (await hasSecondFactor(ctx, user)) {
    const proof: SecondStepProof | undefined = input.passkey
      ? { passkey: input.passkey }
      : input.code
        ? { code: input.code }
        : undefined;
    if (!proof) throw badInput('code', 'Enter the code from your authenticator, or use a passkey');
    const method = await verifySecondStep(ctx, user, proof, 'auth.step_up');
    await markStepUp(ctx);
    await audit(ctx, { action: 'auth.step_up', entityType: 'User', entityId: user.id, detail: { method } });
    return;
  }
  if (!input.password) throw badInput('password', 'Enter your password');
  const key = `second-step:${user.id}`;
  await ctx.app.throttle.assertAllowed(key, ctx.ip);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) {
    const lockSeconds = await ctx.app.throttle.recordFailure(key, ctx.ip);
    await audit(ctx, {
      action: 'auth.step_up',
      outcome: AuditOutcome.FAILED,
      entityType: 'User',
      entityId: user.id,
      detail: { lockSeconds },
    });
    throw badInput('password', 'The password is wrong');
  }
  await ctx.app.throttle.recordSuccess(key);
  await markStepUp(ctx);
  await audit(ctx, { action: 'auth.step_up', entityType: 'User', entityId: user.id, detail: { method: 'PASSWORD' } });
}

/** What a refused high-value action is audited as (its own action name and entity). */
export interface GuardedAction {
  action: AuditAction;
  entityType: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

/**
 * THE step-up guard (S34), for every high-value action: the viewer's session must have had a second
 * step within the configured minutes (STEP_UP_MINUTES, default 5). Otherwise the attempt is audited
 * as DENIED under the action's own name and the answer is the typed error STEP_UP_REQUIRED; the
 * client asks for a step (`stepUp`) and tries again. Call it before the action's savepoint, e.g.
 * `await requireFreshStep(ctx, { action: 'payment_account.update', entityType: 'PaymentAccount', entityId: id })`.
 */
export async function requireFreshStep(ctx: RequestContext, guarded: GuardedAction): Promise<void> {
  const session = await ctx.em.findOne(Session, { id: ctx.viewer!.sessionId }, { fields: ['stepUpAt'] });
  const maxAgeMs = ctx.app.config.sessions.stepUpMs;
  if (session?.stepUpAt && Date.now() - session.stepUpAt.getTime() <= maxAgeMs) return;
  await audit(ctx, {
    action: guarded.action,
    outcome: AuditOutcome.DENIED,
    entityType: guarded.entityType,
    entityId: guarded.entityId,
    detail: { ...guarded.detail, reason: 'STEP_UP_REQUIRED' },
  });
  throw new AppError(ErrorCode.STEP_UP_REQUIRED, 'Confirm it is you with your second step first', {
    maxAgeSeconds: maxAgeMs / 1000,
  });
}

/** Whether the viewer's agency requires a second factor for their role and `left` would be none. */
const wouldLeaveNoRequiredFactor = (user: User, left: { totp: boolean; passkeys: number }) =>
  user.tenant.secondFactorRoles.includes(user.role) && !left.totp && left.passkeys === 0;

/** Removes the viewer's own authenticator and recovery codes, after a fresh second step. */
export async function removeTotp(ctx: RequestContext): Promise<void> {
  const user = await viewerUser(ctx);
  await requireFreshStep(ctx, { action: 'auth.totp_remove', entityType: 'User', entityId: user.id });
  if (wouldLeaveNoRequiredFactor(user, { totp: false, passkeys: await passkeyCount(ctx, user) })) {
    throw badInput(
      'totp',
      'Your agency requires a second factor for your role; add a passkey first, or ask an admin to reset it',
    );
  }
  await inTransaction(ctx, async () => {
    clearSecondFactor(user);
    await ctx.em.flush();
    await audit(ctx, { action: 'auth.totp_remove', entityType: 'User', entityId: user.id });
  });
}

/** Removes one of the viewer's own passkeys, after a fresh second step; never their last required factor. */
export async function removePasskey(ctx: RequestContext, id: string): Promise<void> {
  const user = await viewerUser(ctx);
  const passkey = await ctx.em.findOne(Passkey, { id, user: user.id });
  if (!passkey) throw notFound('Passkey');
  await requireFreshStep(ctx, { action: 'auth.passkey_remove', entityType: 'Passkey', entityId: id });
  if (wouldLeaveNoRequiredFactor(user, { totp: hasTotp(user), passkeys: (await passkeyCount(ctx, user)) - 1 })) {
    throw badInput('id', 'Your agency requires a second factor for your role; add another one first');
  }
  await inTransaction(ctx, async () => {
    await ctx.em.nativeDelete(Passkey, { id: passkey.id, user: user.id });
    await audit(ctx, {
      action: 'auth.passkey_remove',
      entityType: 'Passkey',
      entityId: id,
      detail: { name: passkey.name },
    });
  });
}

function clearSecondFactor(user: User): void {
  user.totpSecretCiphertext = null;
  user.totpConfirmedAt = null;
  user.totpLastStep = null;
  user.recoveryCodeHashes = [];
}

/**
 * An admin resets another user's second factor (they lost every factor): it is removed, every
 * session of theirs ends, they are mailed, and it is audited. Their next login sets one up again
 * when their role requires it.
 */
export async function resetSecondFactor(ctx: RequestContext, userId: string): Promise<User> {
  await requireFreshStep(ctx, { action: 'user.second_factor_reset', entityType: 'User', entityId: userId });
  return inTransaction(ctx, async () => {
    const user = await ctx.em.findOne(User, { id: userId }, { populate: ['tenant'] });
    if (!user) throw notFound('User');
    if (user.id === ctx.viewer!.userId) throw badInput('userId', 'Remove your own authenticator on your profile');
    clearSecondFactor(user);
    await ctx.em.flush();
    const passkeys = await removeAllPasskeys(ctx, user);
    await endAllSessions(ctx, user);
    await enqueueMail(ctx, {
      tenantId: user.tenant.id,
      to: user.email,
      template: 'user.second_factor_reset',
      language: user.preferredLanguage,
      payload: { agency: user.tenant.name, name: user.name },
    });
    await audit(ctx, {
      action: 'user.second_factor_reset',
      entityType: 'User',
      entityId: user.id,
      detail: { passkeys },
    });
    return user;
  });
}

/** An admin sets which roles of their agency must have a second factor. */
export function setSecondFactorRoles(ctx: RequestContext, roles: string[]): Promise<Tenant> {
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw badInput('roles', `Unknown roles: ${unknown.join(', ')}`);
  return inTransaction(ctx, async () => {
    const tenant = await ctx.em.findOneOrFail(Tenant, ctx.viewer!.tenantId);
    const before = tenant.secondFactorRoles;
    tenant.secondFactorRoles = ROLES.filter((r: Role) => roles.includes(r));
    await ctx.em.flush();
    await audit(ctx, {
      action: 'tenant.second_factor_roles',
      entityType: 'Tenant',
      entityId: tenant.id,
      detail: { before, after: tenant.secondFactorRoles },
    });
    return tenant;
  });
}

/** The viewer's second-factor state, for the profile page. */
export async function secondFactorStatus(
  ctx: RequestContext,
  user: User,
): Promise<{ totp: boolean; passkeys: number; recoveryCodesLeft: number; required: boolean }> {
  const tenant = await ctx.em.findOneOrFail(Tenant, user.tenant.id);
  return {
    totp: hasTotp(user),
    passkeys: await passkeyCount(ctx, user),
    recoveryCodesLeft: user.recoveryCodeHashes.length,
    required: tenant.secondFactorRoles.includes(user.role),
  };
}

/** Re-seals every TOTP secret under the current key (S17, with `rotate-keys`); how many. */
export async function rewrapTotpSecrets(em: EntityManager, keyring: Keyring): Promise<number> {
  const users = await em.find(User, { totpSecretCiphertext: { $ne: null } }, { filters: false, populate: ['tenant'] });
  for (const user of users) {
    user.totpSecretCiphertext = keyring.rewrapAgencySecret(user.totpSecretCiphertext!, totpContext(user));
  }
  await em.flush();
  return users.length;
}

/** The current code of a user's authenticator: `pnpm sitecare totp:code <email>` (development only). */
export async function currentTotpCode(em: EntityManager, keyring: Keyring, email: string): Promise<string> {
  const user = await em.findOne(User, { email: { $ilike: email } }, { filters: false, populate: ['tenant'] });
  if (!user?.totpSecretCiphertext) throw new Error(`${email} has no authenticator`);
  return generate({ secret: openTotpSecret(keyring, user), period: TOTP_PERIOD_SECONDS });
}
