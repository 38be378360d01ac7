// Issue 20: the browser half of passkeys. @simplewebauthn/browser is loaded only when a passkey is
// used (the login page's JavaScript budget); the server makes every challenge and checks every answer.
import { graphqlRequest } from '../providers/graphqlRequest';

export type PasskeyUse = 'LOGIN' | 'SECOND_STEP' | 'STEP_UP';

const AUTH_OPTIONS = 'mutation PasskeyOptions($use: PasskeyUse!) { passkeyAuthenticationOptions(use: $use) }';
const REG_OPTIONS = 'mutation PasskeyRegistrationOptions { passkeyRegistrationOptions }';

/** Whether this browser can use passkeys at all. */
export const passkeysSupported = (): boolean =>
  typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';

/** Asks the server for a challenge, lets the browser sign it with a passkey; the answer as JSON. */
export async function answerWithPasskey(use: PasskeyUse): Promise<string> {
  const [{ startAuthentication }, { passkeyAuthenticationOptions }] = await Promise.all([
    import('@simplewebauthn/browser'),
    graphqlRequest<{ passkeyAuthenticationOptions: string }>(AUTH_OPTIONS, { use }),
  ]);
  const answer = await startAuthentication({ optionsJSON: JSON.parse(passkeyAuthenticationOptions) });
  return JSON.stringify(answer);
}

/** Lets the browser make a new passkey for the viewer; the answer as JSON (for passkeyRegister). */
export async function createPasskey(): Promise<string> {
  const [{ startRegistration }, { passkeyRegistrationOptions }] = await Promise.all([
    import('@simplewebauthn/browser'),
    graphqlRequest<{ passkeyRegistrationOptions: string }>(REG_OPTIONS),
  ]);
  const answer = await startRegistration({ optionsJSON: JSON.parse(passkeyRegistrationOptions) });
  return JSON.stringify(answer);
}

/** The browser's own refusal (the person cancelled, or no passkey): not an error worth a red notice. */
export const passkeyCancelled = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
