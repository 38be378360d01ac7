// Sessions live in the server's HttpOnly cookie; this provider only asks the API who is logged in
// (`me`), logs in and out, and answers canAccess from the shared permission matrix.
import type { Role } from '@sitecare/schema';
import { type AuthProvider, HttpError, type UserIdentity } from 'react-admin';

import { roleCanAccess } from './canAccess';
import { ApiError, graphqlRequest } from './graphqlRequest';
import { followPreferredLanguage } from './store';

export interface Viewer {
  user: {
    id: string;
    email: string;
    name: string;
    role: Role;
    status: string;
    preferredLanguage: string;
    ticketMail?: boolean;
  };
  tenant: {
    id: string;
    name: string;
    slug: string;
    country: string;
    privacyContactEmail: string;
    supervisoryAuthorityName: string;
    supervisoryAuthorityUrl: string;
    defaultLanguage: string;
    /** Issue 25: the agency's colour and logo, for the app bar (null: Sitecare's own). */
    brandColor?: string | null;
    logoUrl?: string | null;
  };
  role: Role;
  operations: string[];
  /** Issue 20: what the login still owes (SECOND_FACTOR: the code; SETUP: setting one up), or null. */
  pendingStep: 'SECOND_FACTOR' | 'SETUP' | null;
  secondFactor: { totp: boolean; passkeys: number; recoveryCodesLeft: number; required: boolean };
}

export const VIEWER_FIELDS = `
  user { id email name role status preferredLanguage ticketMail }
  tenant { id name slug country privacyContactEmail supervisoryAuthorityName supervisoryAuthorityUrl defaultLanguage brandColor logoUrl }
  role
  operations
  pendingStep
  secondFactor { totp passkeys recoveryCodesLeft required }
`;

/** Where a login that still owes a step continues (issue 20). */
export const SECOND_FACTOR_SETUP_PATH = '/second-factor-setup';
/** LoginError codes of a right password whose login is not done yet. */
export const PENDING_CODES = { SECOND_FACTOR: 'PENDING_SECOND_FACTOR', SETUP: 'PENDING_SETUP' } as const;

/** The ways to log in: a password, or a token from an invitation or password-reset e-mail. */
export type LoginParams =
  | { email: string; password: string }
  | { token: string; password: string; purpose: 'invitation' | 'passwordReset' }
  | { code: string }
  /** Issue 20: a passkey's answer (passkeys.ts), alone (LOGIN) or as the second step. */
  | { passkey: string; use: 'LOGIN' | 'SECOND_STEP' };

const LOGIN_MUTATIONS = {
  login: `mutation Login($input: LoginInput!) { viewer: login(input: $input) { ${VIEWER_FIELDS} } }`,
  invitation: `mutation InvitationAccept($input: TokenPasswordInput!) {
    viewer: invitationAccept(input: $input) { ${VIEWER_FIELDS} }
  }`,
  passwordReset: `mutation PasswordReset($input: TokenPasswordInput!) {
    viewer: passwordReset(input: $input) { ${VIEWER_FIELDS} }
  }`,
  secondStep: `mutation LoginSecondStep($input: SecondStepInput!) {
    viewer: loginSecondStep(input: $input) { ${VIEWER_FIELDS} }
  }`,
  passkey: `mutation PasskeyLogin($input: PasskeyResponseInput!) {
    viewer: passkeyLogin(input: $input) { ${VIEWER_FIELDS} }
  }`,
  passkeySecondStep: `mutation LoginSecondStepPasskey($input: PasskeyResponseInput!) {
    viewer: loginSecondStepPasskey(input: $input) { ${VIEWER_FIELDS} }
  }`,
};

/**
 * A failed login, with a translation key as its message (react-admin's notifications translate it)
 * and the values it needs, plus the server's per-field messages for forms.
 */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly messageArgs: Record<string, unknown> = {},
    readonly fieldErrors: Record<string, string> = {},
    readonly code?: string,
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

function loginErrorOf(error: unknown): LoginError {
  if (!(error instanceof ApiError)) return new LoginError('sitecare.auth.errors.unavailable');
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return new LoginError('sitecare.auth.errors.invalid_credentials', {}, {}, error.code);
    case 'RATE_LIMITED': {
      const seconds = Math.max(1, Math.ceil(Number(error.extensions.retryAfterSeconds) || 60));
      return new LoginError('sitecare.auth.errors.rate_limited', { smart_count: seconds }, {}, error.code);
    }
    case 'BAD_USER_INPUT': {
      const fields = error.fieldErrors;
      const key = fields.token ? 'sitecare.auth.errors.invalid_token' : 'sitecare.auth.errors.invalid_input';
      return new LoginError(key, {}, fields, error.code);
    }
    default:
      return new LoginError('sitecare.auth.errors.unavailable', {}, {}, error.code);
  }
}

// The viewer of this page's session: asked once, forgotten on logout.
let viewer: Viewer | undefined;
let loggedOut = false; // the API said nobody is logged in: no session to end
let pendingViewer: Promise<Viewer | undefined> | undefined;
// Bumped by login and logout, so an answer to `me` asked before them cannot overwrite their result.
let generation = 0;

/** The logged-in viewer, or undefined when nobody is. Cached; `refresh` asks the API again. */
export function loadViewer(refresh = false): Promise<Viewer | undefined> {
  if (viewer && !refresh) return Promise.resolve(viewer);
  const asked = generation;
  pendingViewer ??= graphqlRequest<{ me: Viewer }>(`query Me { me { ${VIEWER_FIELDS} } }`)
    .then(
      ({ me }) => {
        if (asked !== generation) return viewer;
        loggedOut = false;
        viewer = me;
        notifyViewer();
        return viewer;
      },
      (error: unknown) => {
        if (!(error instanceof ApiError && error.code === 'UNAUTHENTICATED')) throw error;
        if (asked !== generation) return viewer;
        loggedOut = true;
        return (viewer = undefined);
      },
    )
    .finally(() => (pendingViewer = undefined));
  return pendingViewer;
}

// What else forgets the last person's data on logout (Apollo's cache registers itself when loaded).
const sessionEndHandlers = new Set<() => unknown>();
export function onSessionEnd(handler: () => unknown): void {
  sessionEndHandlers.add(handler);
}

/** The cached viewer, without asking the API (the data provider reads the role from it). */
export const currentViewer = (): Viewer | undefined => viewer;

// Components that show the viewer (the app bar's agency colour and logo) re-render when it changes.
const viewerListeners = new Set<() => void>();
const notifyViewer = () => viewerListeners.forEach((listener) => listener());

/** The cached viewer as React state: `useSyncExternalStore(subscribeViewer, currentViewer)`. */
export function subscribeViewer(listener: () => void): () => void {
  viewerListeners.add(listener);
  return () => viewerListeners.delete(listener);
}

/** Replaces the cached viewer, e.g. after the profile page saved a new name. */
export function setViewer(next: Viewer): void {
  generation += 1; // an answer to `me` asked before this cannot overwrite it
  viewer = next;
  notifyViewer();
}

async function requireViewer(): Promise<Viewer> {
  const found = await loadViewer();
  if (!found) throw new Error('Not logged in');
  return found;
}

export const authProvider: AuthProvider = {
  login: async (params: LoginParams) => {
    let result: { viewer: Viewer | null }; // login is nullable: an error leaves it null
    try {
      if ('passkey' in params) {
        const mutation = params.use === 'LOGIN' ? LOGIN_MUTATIONS.passkey : LOGIN_MUTATIONS.passkeySecondStep;
        result = await graphqlRequest(mutation, { input: { response: params.passkey } });
      } else if ('code' in params) {
        result = await graphqlRequest(LOGIN_MUTATIONS.secondStep, { input: { code: params.code.trim() } });
      } else if ('email' in params) {
        result = await graphqlRequest(LOGIN_MUTATIONS.login, {
          input: { email: params.email.trim(), password: params.password },
        });
      } else {
        const mutation = params.purpose === 'invitation' ? LOGIN_MUTATIONS.invitation : LOGIN_MUTATIONS.passwordReset;
        result = await graphqlRequest(mutation, { input: { token: params.token, password: params.password } });
      }
    } catch (error) {
      throw loginErrorOf(error);
    }
    if (!result.viewer) throw loginErrorOf(undefined);
    generation += 1;
    viewer = result.viewer;
    loggedOut = false;
    followPreferredLanguage(viewer.user.preferredLanguage);
    // The password was right, but the login owes a step: the login page asks for it (or set-up).
    if (viewer.pendingStep) {
      throw new LoginError('sitecare.second_factor.enter_code', {}, {}, PENDING_CODES[viewer.pendingStep]);
    }
    // Nothing returned: useLogin goes back to the page that asked for login, or home.
  },

  logout: async () => {
    generation += 1;
    viewer = undefined;
    // react-admin also "logs out" a visitor who never logged in; only a session needs ending.
    if (!loggedOut) {
      try {
        await graphqlRequest<{ logout: boolean }>('mutation Logout { logout }');
      } catch {
        // Not logged in, or the server is away: either way the session is over for this page.
      }
    }
    loggedOut = true;
    await Promise.all([...sessionEndHandlers].map((handler) => Promise.resolve(handler()).catch(() => {})));
  },

  checkAuth: async () => {
    let found: Viewer | undefined;
    try {
      found = await loadViewer();
    } catch {
      throw { message: 'sitecare.auth.errors.unavailable' };
    }
    // `message: false`: the login page needs no "please log in" notice on a first visit.
    if (!found) throw { message: false };
    // Issue 20: a login that owes its second step goes back to it; one that must set up, to set-up.
    if (found.pendingStep === 'SETUP') throw { message: false, redirectTo: SECOND_FACTOR_SETUP_PATH };
    if (found.pendingStep) throw { message: false };
  },

  checkError: async (error: unknown) => {
    const status = error instanceof HttpError ? error.status : (error as { status?: number } | undefined)?.status;
    if (status === 401) {
      viewer = undefined;
      loggedOut = true; // the API already ended the session
      throw error;
    }
    // FORBIDDEN and the rest are shown where they happen; they do not end the session.
  },

  getIdentity: async (): Promise<UserIdentity> => {
    const { user, tenant, role } = await requireViewer();
    return { id: user.id, fullName: user.name, email: user.email, role, tenantName: tenant.name };
  },

  getPermissions: async () => {
    const found = await loadViewer();
    return found ? { role: found.role, operations: found.operations } : { role: undefined, operations: [] };
  },

  canAccess: async ({ action, resource }) => roleCanAccess((await loadViewer())?.role, resource, action),
};
