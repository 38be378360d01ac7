// Login, logout, invitations and password resets. Every outcome that matters is audited.
import { type Role, PERMISSIONS, mayReach } from '@sitecare/schema';
import { decoyHash, hashPassword, needsRehash, passwordProblem, verifyPassword } from '../../auth/passwords';
import { newTenantToken, parseTenantToken } from '../../auth/tokens';
import { publicBaseUrl, useTenant, type RequestContext } from '../../graphql/context';
import { AppError, ErrorCode, badInput } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { AuditOutcome } from '../audit/audit-event.entity';
import { audit } from '../audit/audit.service';
import { enqueueMail } from '../mail/outbox.service';
import { Tenant } from '../tenants/tenant.entity';
import { User, UserStatus } from '../users/user.entity';
import { AuthToken, AuthTokenPurpose } from './auth-token.entity';
import { endAllSessions, endCurrentSession, mailIfNewBrowser, startSession } from './session.service';
import { ViewerInfo } from './viewer.type';
import { hasSecondFactor, pendingStepFor, secondFactorStatus } from './second-factor.service';
import { PENDING_OPERATIONS } from '../../graphql/authorization';

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
export const PASSWORD_RESET_TTL_MS = 3600_000;

const invalidLogin = () => new AppError(ErrorCode.UNAUTHENTICATED, 'Invalid e-mail or password');
const invalidToken = () => badInput('token', 'The link is invalid or has expired');

export function operationsFor(role: Role): string[] {
  return Object.entries(PERMISSIONS)
    .filter(([, p]) => mayReach(p.audience, role))
    .map(([op]) => op);
}

export async function viewerInfo(ctx: RequestContext): Promise<ViewerInfo> {
  const viewer = ctx.viewer!;
  const [user, tenant] = await Promise.all([
    ctx.em.findOneOrFail(User, viewer.userId),
    ctx.em.findOneOrFail(Tenant, viewer.tenantId),
  ]);
  const pendingStep = viewer.pendingStep ?? null;
  return Object.assign(new ViewerInfo(), {
    user,
    tenant,
    role: user.role,
    operations: pendingStep ? [...PENDING_OPERATIONS[pendingStep]] : operationsFor(user.role),
    pendingStep,
    secondFactor: await secondFactorStatus(ctx, user),
  });
}

interface Candidate {
  tenant_id: string;
  user_id: string;
}

/** Which agencies have a login for this e-mail: the one look-up made before a tenant is known. */
async function loginCandidates(ctx: RequestContext, email: string): Promise<Candidate[]> {
  return ctx.em.execute<Candidate[]>('select tenant_id, user_id from sitecare_login_candidates(?)', [email]);
}

export async function login(ctx: RequestContext, email: string, password: string): Promise<ViewerInfo> {
  const { throttle } = ctx.app;
  try {
    await throttle.assertAllowed(email, ctx.ip);
  } catch (error) {
    ctx.app.metrics?.loginFailures.inc({ reason: 'rate_limited' });
    throw error;
  }
  if (ctx.viewer) await endCurrentSession(ctx); // a login attempt ends the session it came with
  const candidates = await loginCandidates(ctx, email);
  let matched: User | undefined;
  for (const candidate of candidates) {
    await useTenant(ctx, candidate.tenant_id);
    const user = await ctx.em.findOne(User, candidate.user_id, { populate: ['tenant'] });
    if (
      user?.status === UserStatus.ACTIVE &&
      user.passwordHash &&
      (await verifyPassword(user.passwordHash, password))
    ) {
      matched = user;
      break;
    }
  }
  if (!candidates.length) await verifyPassword(await decoyHash(), password); // same time, same answer

  if (!matched) {
    const lockSeconds = await throttle.recordFailure(email, ctx.ip);
    for (const candidate of candidates) {
      await useTenant(ctx, candidate.tenant_id);
      await audit(ctx, {
        action: 'auth.login',
        outcome: AuditOutcome.FAILED,
        entityType: 'User',
        entityId: candidate.user_id,
        detail: { lockSeconds },
      });
    }
    await useTenant(ctx, undefined);
    ctx.app.metrics?.loginFailures.inc({ reason: 'invalid_credentials' });
    throw invalidLogin();
  }

  const user = matched;
  await throttle.recordSuccess(email);
  await inTransaction(ctx, async () => {
    if (needsRehash(user.passwordHash!)) user.passwordHash = await hashPassword(password);
    user.lastLoginAt = new Date();
    // Issue 20: the second step (or setting one up) still owed; for a user without a second factor
    // whose role needs none, the password just given is the fresh step.
    const pendingStep = await pendingStepFor(ctx, user, user.tenant);
    await startSession(ctx, user, { pendingStep, stepUp: pendingStep === null });
    await audit(ctx, { action: 'auth.login', entityType: 'User', entityId: user.id, detail: { pendingStep } });
    // The password was right, second step or not: a browser never used before is worth a mail.
    await mailIfNewBrowser(ctx, user);
  });
  return viewerInfo(ctx);
}

export async function logout(ctx: RequestContext): Promise<boolean> {
  await inTransaction(ctx, async () => {
    await audit(ctx, { action: 'auth.logout', entityType: 'User', entityId: ctx.viewer!.userId });
    await endCurrentSession(ctx);
  });
  return true;
}

/** Creates a single-use token for `user` and returns the secret (only its hash is stored). */
export async function issueToken(
  ctx: RequestContext,
  user: User,
  purpose: AuthTokenPurpose,
  ttlMs: number,
): Promise<string> {
  const { token, hash } = newTenantToken(user.tenant.id);
  ctx.em.create(AuthToken, {
    tenant: user.tenant,
    user,
    purpose,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + ttlMs),
  });
  await ctx.em.flush();
  return token;
}

export function appLink(ctx: RequestContext, route: string): string {
  return `${publicBaseUrl(ctx)}/#${route}`;
}

/**
 * Issue 25 item 10: the link of an invitation made in this request, kept with the user object that
 * the mutation answers (never stored: the token is kept only as its hash).
 */
const invitedInThisRequest = new WeakMap<User, string>();
export const invitationLinkOf = (user: User): string | undefined => invitedInThisRequest.get(user);

export async function sendInvitation(ctx: RequestContext, user: User): Promise<string> {
  const token = await issueToken(ctx, user, AuthTokenPurpose.INVITATION, INVITATION_TTL_MS);
  const link = appLink(ctx, `/invitation/${token}`);
  invitedInThisRequest.set(user, link);
  await enqueueMail(ctx, {
    tenantId: user.tenant.id,
    to: user.email,
    template: 'user.invitation',
    language: user.preferredLanguage,
    payload: { agency: user.tenant.name, name: user.name, link, expiresInDays: 7 },
  });
  return link;
}

/** Always answers true: whether the address has an account is never revealed. */
export async function requestPasswordReset(ctx: RequestContext, email: string): Promise<boolean> {
  await ctx.app.throttle.assertAllowed(email, ctx.ip);
  await ctx.app.throttle.recordFailure(email, ctx.ip); // reset requests count towards the same limit
  for (const candidate of await loginCandidates(ctx, email)) {
    await useTenant(ctx, candidate.tenant_id);
    await inTransaction(ctx, async () => {
      const user = await ctx.em.findOne(User, candidate.user_id, { populate: ['tenant'] });
      if (user?.status !== UserStatus.ACTIVE) return;
      const token = await issueToken(ctx, user, AuthTokenPurpose.PASSWORD_RESET, PASSWORD_RESET_TTL_MS);
      await enqueueMail(ctx, {
        tenantId: user.tenant.id,
        to: user.email,
        template: 'user.password_reset',
        language: user.preferredLanguage,
        payload: { agency: user.tenant.name, name: user.name, link: appLink(ctx, `/password-reset/${token}`) },
      });
      await audit(ctx, { action: 'auth.password_reset_request', entityType: 'User', entityId: user.id });
    });
  }
  await useTenant(ctx, undefined);
  return true;
}

/** Redeems an invitation or reset token: sets the password, activates, logs in. */
export async function redeemToken(
  ctx: RequestContext,
  purpose: AuthTokenPurpose,
  rawToken: string,
  password: string,
): Promise<ViewerInfo> {
  const parsed = parseTenantToken(rawToken);
  if (!parsed) throw invalidToken();
  const problem = passwordProblem(password);
  if (problem) throw badInput('password', `Password ${problem}`);
  await useTenant(ctx, parsed.tenantId);
  await inTransaction(ctx, async () => {
    const token = await ctx.em.findOne(
      AuthToken,
      { tokenHash: parsed.hash, purpose },
      { populate: ['user', 'user.tenant'] },
    );
    if (!token || token.usedAt || token.expiresAt.getTime() < Date.now()) throw invalidToken();
    const user = token.user;
    if (user.status === UserStatus.DISABLED) throw invalidToken();
    token.usedAt = new Date();
    user.passwordHash = await hashPassword(password);
    user.status = UserStatus.ACTIVE;
    await endAllSessions(ctx, user);
    // A link from an e-mail and a new password: the second factor is still asked for (issue 20).
    await startSession(ctx, user, { pendingStep: await pendingStepFor(ctx, user, user.tenant), stepUp: false });
    await audit(ctx, {
      action: purpose === AuthTokenPurpose.INVITATION ? 'auth.invitation_accept' : 'auth.password_reset',
      entityType: 'User',
      entityId: user.id,
    });
  });
  return viewerInfo(ctx);
}

export async function changePassword(ctx: RequestContext, current: string, next: string): Promise<boolean> {
  const problem = passwordProblem(next);
  if (problem) throw badInput('newPassword', `Password ${problem}`);
  await inTransaction(ctx, async () => {
    const user = await ctx.em.findOneOrFail(User, ctx.viewer!.userId, { populate: ['tenant'] });
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
      throw badInput('currentPassword', 'The current password is wrong');
    }
    user.passwordHash = await hashPassword(next);
    await endAllSessions(ctx, user);
    // Already past any second step; the password is a fresh step only for a user without a factor.
    await startSession(ctx, user, { pendingStep: null, stepUp: !(await hasSecondFactor(ctx, user)) });
    await audit(ctx, { action: 'auth.password_change', entityType: 'User', entityId: user.id });
  });
  return true;
}
