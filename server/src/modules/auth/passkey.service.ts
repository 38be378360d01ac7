// Issue 20: passkeys (WebAuthn, @simplewebauthn/server). A passkey is a discoverable credential with
// user verification: a second factor (the second step of a login, step-up), and a login of its own
// without a user name, which satisfies the second factor too (S33).
//
// Every ceremony starts with a challenge made here and stored server-side (its SHA-256, the purpose,
// the session it was made for, five minutes to live) and is verified against the challenge the
// response signed, which is taken from the table exactly once (`delete … returning`): a challenge of
// another purpose or session, an expired one or one already used is refused. The signature counter
// only goes forward (a compare-and-set on the row); a cloned authenticator's older counter is refused.
import { createHash } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransport,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { useTenant, type RequestContext } from '../../graphql/context';
import { AppError, ErrorCode, badInput } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { AuditOutcome } from '../audit/audit-event.entity';
import { audit } from '../audit/audit.service';
import { User, UserStatus } from '../users/user.entity';
import { Passkey } from './passkey.entity';
import { endCurrentSession, mailIfNewBrowser, markStepUp, startSession } from './session.service';

// Loaded at first use, not at start-up: most server and CLI processes never need it (issue 24).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webauthn = (): typeof import('@simplewebauthn/server') => require('@simplewebauthn/server');

export const CHALLENGE_TTL_SECONDS = 300;
export type PasskeyPurpose = 'REGISTER' | 'LOGIN' | 'SECOND_STEP' | 'STEP_UP';

const hashChallenge = (challenge: string) => createHash('sha256').update(challenge).digest('hex');
const refused = (field: string) => badInput(field, 'The passkey could not be verified; try again');
const invalidPasskeyLogin = () => new AppError(ErrorCode.UNAUTHENTICATED, 'The passkey could not be verified');

/** Stores a challenge handed out for `purpose` (bound to the session, when there is one). */
async function storeChallenge(ctx: RequestContext, challenge: string, purpose: PasskeyPurpose): Promise<void> {
  await ctx.em.execute(`delete from webauthn_challenges where expires_at < now()`);
  await ctx.em.execute(
    `insert into webauthn_challenges (challenge_hash, purpose, session_id, expires_at)
     values (?, ?, ?, now() + make_interval(secs => ?))`,
    [hashChallenge(challenge), purpose, purpose === 'LOGIN' ? null : ctx.viewer!.sessionId, CHALLENGE_TTL_SECONDS],
  );
}

/** What the browser signed: the parsed clientDataJSON (its challenge and origin), or null. */
function clientDataOf(response: { response?: { clientDataJSON?: unknown } }): {
  challenge: string;
  origin: string;
} | null {
  try {
    const raw = response.response?.clientDataJSON;
    if (typeof raw !== 'string') return null;
    const data = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    return typeof data.challenge === 'string' && typeof data.origin === 'string' ? data : null;
  } catch {
    return null;
  }
}

/**
 * Takes the challenge a response signed, once: it must have been made here for `purpose` (and this
 * session), and not have expired. Returns it, or null.
 */
async function takeChallenge(
  ctx: RequestContext,
  response: { response?: { clientDataJSON?: unknown } },
  purpose: PasskeyPurpose,
): Promise<string | null> {
  const challenge = clientDataOf(response)?.challenge;
  if (!challenge) return null;
  const rows = await ctx.em.execute<Array<{ purpose: string; session_id: string | null; live: boolean }>>(
    `delete from webauthn_challenges where challenge_hash = ?
     returning purpose, session_id::text as session_id, expires_at > now() as live`,
    [hashChallenge(challenge)],
  );
  const row = rows[0];
  const sessionId = purpose === 'LOGIN' ? null : (ctx.viewer?.sessionId ?? null);
  return row?.live && row.purpose === purpose && row.session_id === sessionId ? challenge : null;
}

/** The origins a response may come from: configured, or (outside production, unset) localhost's. */
function expectedOrigins(ctx: RequestContext, response: { response?: { clientDataJSON?: unknown } }): string[] {
  const { origins } = ctx.app.config.webauthn;
  if (origins.length) return origins;
  const origin = clientDataOf(response)?.origin ?? '';
  return /^http:\/\/localhost(:\d{1,5})?$/.test(origin) ? [origin] : ['http://localhost'];
}

function parseResponse<T>(json: string, field: string): T {
  try {
    const value = JSON.parse(json);
    if (value && typeof value === 'object' && typeof value.id === 'string' && value.response) return value as T;
  } catch {
    // answered below
  }
  throw badInput(field, 'Not a passkey response');
}

const userHandleOf = (userId: string) => Buffer.from(userId.replace(/-/g, ''), 'hex');

async function viewerUser(ctx: RequestContext): Promise<User> {
  return ctx.em.findOneOrFail(User, ctx.viewer!.userId, { populate: ['tenant'] });
}

/** The viewer's own passkeys (the profile page). */
export function ownPasskeys(ctx: RequestContext): Promise<Passkey[]> {
  return ctx.em.find(Passkey, { user: ctx.viewer!.userId }, { orderBy: { createdAt: 'asc' } });
}

/** How many passkeys `user` has. */
export function passkeyCount(ctx: RequestContext, user: User): Promise<number> {
  return ctx.em.count(Passkey, { user: user.id });
}

/** Options for adding a passkey to the viewer: a discoverable credential with user verification. */
export async function registrationOptions(ctx: RequestContext): Promise<string> {
  const user = await viewerUser(ctx);
  const existing = await ownPasskeys(ctx);
  const options = await webauthn().generateRegistrationOptions({
    rpName: 'Sitecare',
    rpID: ctx.app.config.webauthn.rpId,
    userName: user.email,
    userDisplayName: user.name,
    userID: new Uint8Array(userHandleOf(user.id)),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
  });
  await storeChallenge(ctx, options.challenge, 'REGISTER');
  return JSON.stringify(options);
}

/**
 * Adds the passkey the browser made with the options above. It counts as a fresh second step; a login
 * that waited for a second factor to be set up becomes a full session (a new id).
 */
export async function registerPasskey(ctx: RequestContext, name: string, responseJson: string): Promise<Passkey> {
  const response = parseResponse<RegistrationResponseJSON>(responseJson, 'response');
  const user = await viewerUser(ctx);
  const challenge = await takeChallenge(ctx, response, 'REGISTER');
  const verification = challenge
    ? await webauthn()
        .verifyRegistrationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: expectedOrigins(ctx, response),
          expectedRPID: ctx.app.config.webauthn.rpId,
          requireUserVerification: true,
        })
        .catch(() => null)
    : null;
  if (!verification?.verified) {
    await audit(ctx, {
      action: 'auth.passkey_register',
      outcome: AuditOutcome.FAILED,
      entityType: 'User',
      entityId: user.id,
    });
    throw refused('response');
  }
  const { credential } = verification.registrationInfo;
  if (await ctx.em.count(Passkey, { credentialId: credential.id }, { filters: false })) {
    throw badInput('response', 'This passkey is already registered');
  }
  return inTransaction(ctx, async () => {
    const passkey = ctx.em.create(Passkey, {
      tenant: user.tenant,
      user,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? response.response.transports ?? [],
      name: name.trim(),
    });
    await ctx.em.flush();
    if (ctx.viewer!.pendingStep === 'SETUP') await startSession(ctx, user, { pendingStep: null, stepUp: true });
    else await markStepUp(ctx);
    await audit(ctx, {
      action: 'auth.passkey_register',
      entityType: 'Passkey',
      entityId: passkey.id,
      detail: { name: passkey.name },
    });
    return passkey;
  });
}

/**
 * Options for using a passkey: a usernameless login (LOGIN: any discoverable credential), the second
 * step of a login or a step-up (the viewer's own passkeys).
 */
export async function authenticationOptions(ctx: RequestContext, purpose: PasskeyPurpose): Promise<string> {
  if (purpose === 'REGISTER') throw badInput('purpose', 'Use passkeyRegistrationOptions');
  if (purpose === 'SECOND_STEP' && ctx.viewer?.pendingStep !== 'SECOND_FACTOR') {
    throw badInput('purpose', 'No login is waiting for a second step');
  }
  if (purpose === 'STEP_UP' && (!ctx.viewer || ctx.viewer.pendingStep)) throw badInput('purpose', 'Log in first');
  const own = purpose === 'LOGIN' ? [] : await ownPasskeys(ctx);
  const options = await webauthn().generateAuthenticationOptions({
    rpID: ctx.app.config.webauthn.rpId,
    userVerification: 'required',
    allowCredentials: own.map((p) => ({ id: p.credentialId, transports: p.transports })),
  });
  await storeChallenge(ctx, options.challenge, purpose);
  return JSON.stringify(options);
}

/**
 * Checks an assertion of `user`'s passkey for `purpose` (SECOND_STEP or STEP_UP): the challenge, the
 * credential (the user's own), the signature, user verification and the counter. The passkey used, or
 * null. The caller throttles and audits (second-factor.service's verifySecondStep).
 */
export async function consumePasskeyStep(
  ctx: RequestContext,
  user: User,
  responseJson: string,
  purpose: 'SECOND_STEP' | 'STEP_UP',
): Promise<Passkey | null> {
  const response = parseResponse<AuthenticationResponseJSON>(responseJson, 'passkey');
  const challenge = await takeChallenge(ctx, response, purpose);
  if (!challenge) return null;
  const passkey = await ctx.em.findOne(Passkey, { credentialId: response.id, user: user.id });
  if (!passkey) return null;
  return (await verifyAssertion(ctx, response, passkey, challenge)) ? passkey : null;
}

async function verifyAssertion(
  ctx: RequestContext,
  response: AuthenticationResponseJSON,
  passkey: Passkey,
  challenge: string,
): Promise<boolean> {
  const handle = response.response.userHandle;
  if (handle && handle !== userHandleOf(passkey.user.id).toString('base64url')) return false;
  const verification = await webauthn()
    .verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: expectedOrigins(ctx, response),
      expectedRPID: ctx.app.config.webauthn.rpId,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: Number(passkey.counter),
        transports: passkey.transports as AuthenticatorTransport[],
      },
      requireUserVerification: true,
    })
    .catch(() => null);
  if (!verification?.verified) return false;
  const next = verification.authenticationInfo.newCounter;
  // The counter only goes forward (or stays 0 for an authenticator that keeps none): one winner.
  const moved = await ctx.em.execute<Array<{ id: string }>>(
    `update passkeys set counter = ?, last_used_at = now(), updated_at = now()
      where id = ? and (counter < ? or (counter = 0 and ? = 0)) returning id`,
    [next, passkey.id, next, next],
  );
  if (moved.length !== 1) return false;
  passkey.counter = next;
  passkey.lastUsedAt = new Date();
  return true;
}

/**
 * A login with a passkey alone (usernameless; the passkey is the password and the second factor):
 * the credential finds its user, in whichever agency. Throttled per credential like passwords (S19);
 * a failure answers UNAUTHENTICATED, the same for an unknown passkey.
 */
export async function loginWithPasskey(ctx: RequestContext, responseJson: string): Promise<void> {
  const response = parseResponse<AuthenticationResponseJSON>(responseJson, 'response');
  const key = `passkey:${response.id}`;
  await ctx.app.throttle.assertAllowed(key, ctx.ip);
  if (ctx.viewer) await endCurrentSession(ctx); // a login attempt ends the session it came with
  const challenge = await takeChallenge(ctx, response, 'LOGIN');
  const [owner] = await ctx.em.execute<Array<{ tenant_id: string; user_id: string }>>(
    'select tenant_id, user_id from sitecare_passkey_owner(?)',
    [response.id],
  );
  let passkey: Passkey | null = null;
  if (owner) {
    await useTenant(ctx, owner.tenant_id);
    passkey = await ctx.em.findOne(Passkey, { credentialId: response.id }, { populate: ['user', 'user.tenant'] });
  }
  const ok =
    challenge &&
    passkey?.user.status === UserStatus.ACTIVE &&
    (await verifyAssertion(ctx, response, passkey, challenge));
  if (!ok || !passkey) {
    const lockSeconds = await ctx.app.throttle.recordFailure(key, ctx.ip);
    if (owner) {
      await audit(ctx, {
        action: 'auth.passkey_login',
        outcome: AuditOutcome.FAILED,
        entityType: 'User',
        entityId: owner.user_id,
        detail: { lockSeconds },
      });
      await useTenant(ctx, undefined);
    }
    ctx.app.metrics?.loginFailures.inc({ reason: 'invalid_credentials' });
    throw invalidPasskeyLogin();
  }
  await ctx.app.throttle.recordSuccess(key);
  const user = passkey.user;
  await inTransaction(ctx, async () => {
    user.lastLoginAt = new Date();
    await startSession(ctx, user, { pendingStep: null, stepUp: true });
    await audit(ctx, {
      action: 'auth.passkey_login',
      entityType: 'User',
      entityId: user.id,
      detail: { passkeyId: passkey.id },
    });
    await mailIfNewBrowser(ctx, user);
  });
}

/** An admin's reset of a user's second factor removes their passkeys too. */
export function removeAllPasskeys(ctx: RequestContext, user: User): Promise<number> {
  return ctx.em.nativeDelete(Passkey, { user: user.id });
}
