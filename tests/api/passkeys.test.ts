// Issue 20: passkeys on the server side (S33, S34), over real HTTP against the built server and the
// demo data. The browser's answers come from a software authenticator with real P-256 keys
// (tests/support/soft-authenticator.ts), so @simplewebauthn/server verifies real signatures; the
// browser suite (tests/ui/passkeys.test.ts) drives Chromium's own virtual authenticator.
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '@sitecare/seeds';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, demoEmail, errorCode, type GraphQLResponse } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { SoftAuthenticator, type SoftCredential } from '../support/soft-authenticator';

const LOGIN =
  'mutation($input: LoginInput!) { login(input: $input) { pendingStep operations secondFactor { totp passkeys } } }';
const REG_OPTIONS = 'mutation { passkeyRegistrationOptions }';
const REGISTER =
  'mutation($input: PasskeyRegisterInput!) { passkeyRegister(input: $input) { id name transports lastUsedAt } }';
const AUTH_OPTIONS = 'mutation($use: PasskeyUse!) { passkeyAuthenticationOptions(use: $use) }';
const PASSKEY_LOGIN =
  'mutation($response: String!) { passkeyLogin(input: { response: $response }) { role pendingStep user { email } } }';
const SECOND_STEP =
  'mutation($response: String!) { loginSecondStepPasskey(input: { response: $response }) { pendingStep } }';
const STEP_UP = 'mutation($passkey: String!) { stepUp(input: { passkey: $passkey }) }';
const MY_PASSKEYS = 'query { myPasskeys { id name lastUsedAt } me { secondFactor { passkeys } } }';
const REMOVE = 'mutation($id: UUID!) { passkeyRemove(id: $id) }';
const REVEAL = 'mutation($id: UUID!) { siteCredentialReveal(id: $id) { secret } }';
const CUSTOMERS = 'query { customers(page: { take: 1 }) { totalCount } }';

let demo: DemoApp;
const authenticator = new SoftAuthenticator();
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);
const fieldOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;

const ADMIN = () => demoEmail('jj-media', 'ADMIN');
const EMPLOYEE = () => demoEmail('jj-media', 'EMPLOYEE');

async function passwordLogin(email: string): Promise<{ client: ApiClient; res: GraphQLResponse<any> }> {
  const client = new ApiClient(demo.url);
  const res = await client.gql(LOGIN, { input: { email, password: DEMO_PASSWORD } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { client, res };
}

async function options(client: ApiClient, use: 'LOGIN' | 'SECOND_STEP' | 'STEP_UP'): Promise<string> {
  return (await client.ok<{ passkeyAuthenticationOptions: string }>(AUTH_OPTIONS, { use }))
    .passkeyAuthenticationOptions;
}

/** Adds a passkey for the logged-in `client`; the credential the authenticator keeps. */
async function register(client: ApiClient, name: string): Promise<{ credential: SoftCredential; id: string }> {
  const { passkeyRegistrationOptions } = await client.ok<any>(REG_OPTIONS);
  const opts = JSON.parse(passkeyRegistrationOptions);
  expect(opts.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
  expect(opts.rp.id).toBe('localhost');
  const { credential, response } = authenticator.register(passkeyRegistrationOptions);
  const { passkeyRegister } = await client.ok<any>(REGISTER, { input: { name, response } });
  return { credential, id: passkeyRegister.id };
}

async function auditCount(action: string, outcome: string): Promise<number> {
  const [row] = await sql<{ n: number }>(
    `select count(*)::int as n from audit_events where action = $1 and outcome = $2`,
    [action, outcome],
  );
  return row.n;
}

/** Ages the step-up of every session of `email` past the five minutes. */
async function ageStepUp(email: string): Promise<void> {
  await sql(
    `update sessions s set step_up_at = now() - interval '6 minutes' from users u
      where u.id = s.user_id and lower(u.email) = lower($1) and s.step_up_at is not null`,
    [email],
  );
}

let admin: ApiClient;
let adminKey: { credential: SoftCredential; id: string };
let credentialId: string;

beforeAll(async () => {
  demo = await startDemoApp();
  const [row] = await sql<{ id: string }>(
    `select k.id from site_credentials k join tenants t on t.id = k.tenant_id where t.slug = 'jj-media' order by k.label limit 1`,
  );
  credentialId = row.id;
  admin = (await passwordLogin(ADMIN())).client;
});
afterAll(() => demo?.stop());

describe('M14: passkeys (S33)', () => {
  it('M14: register a passkey (a discoverable credential with user verification): listed, counted, audited', async () => {
    adminKey = await register(admin, 'Work laptop');
    const mine = await admin.ok<any>(MY_PASSKEYS);
    expect(mine.myPasskeys).toEqual([{ id: adminKey.id, name: 'Work laptop', lastUsedAt: null }]);
    expect(mine.me.secondFactor.passkeys).toBe(1);
    const [stored] = await sql(`select credential_id, transports, counter from passkeys where id = $1`, [adminKey.id]);
    expect(stored).toEqual({ credential_id: adminKey.credential.id, transports: ['internal'], counter: '0' });
    expect(await auditCount('auth.passkey_register', 'ALLOWED')).toBe(1);
  });

  it('M14: S33: with a passkey, a password login owes the second step; the passkey finishes it', async () => {
    const { client, res } = await passwordLogin(ADMIN());
    expect(res.data.login).toMatchObject({ pendingStep: 'SECOND_FACTOR', secondFactor: { totp: false, passkeys: 1 } });
    expect(res.data.login.operations).toEqual(
      expect.arrayContaining(['Mutation.passkeyAuthenticationOptions', 'Mutation.loginSecondStepPasskey']),
    );
    expect(errorCode(await client.gql(CUSTOMERS))).toBe('SECOND_FACTOR_REQUIRED');
    const opts = JSON.parse(await options(client, 'SECOND_STEP'));
    expect(opts.allowCredentials.map((c: { id: string }) => c.id)).toEqual([adminKey.credential.id]);
    const done = await client.ok<any>(SECOND_STEP, {
      response: authenticator.assert(adminKey.credential, JSON.stringify(opts)),
    });
    expect(done.loginSecondStepPasskey.pendingStep).toBeNull();
    expect((await client.ok<any>(CUSTOMERS)).customers.totalCount).toBeGreaterThan(0);
    const [step] = await sql(
      `select detail->>'method' as method from audit_events where action = 'auth.second_step' and outcome = 'ALLOWED' order by created_at desc limit 1`,
    );
    expect(step.method).toBe('PASSKEY');
  });

  it('M14: S33: a passkey alone logs in without a user name, as a fresh second step (a reveal works at once)', async () => {
    const client = new ApiClient(demo.url);
    const opts = await options(client, 'LOGIN');
    expect(JSON.parse(opts).allowCredentials ?? []).toEqual([]);
    const res = await client.ok<any>(PASSKEY_LOGIN, { response: authenticator.assert(adminKey.credential, opts) });
    expect(res.passkeyLogin).toEqual({ role: 'ADMIN', pendingStep: null, user: { email: ADMIN() } });
    expect((await client.ok<any>(REVEAL, { id: credentialId })).siteCredentialReveal.secret).toBeTruthy();
    expect(await auditCount('auth.passkey_login', 'ALLOWED')).toBe(1);
    const [used] = await sql(`select last_used_at is not null as used from passkeys where id = $1`, [adminKey.id]);
    expect(used.used).toBe(true);
  });

  it('M14: S33: a challenge the server never made, or made for another use, is refused', async () => {
    const forged = JSON.stringify({ challenge: randomBytes(32).toString('base64url') });
    const client = new ApiClient(demo.url);
    const res = await client.gql(PASSKEY_LOGIN, { response: authenticator.assert(adminKey.credential, forged) });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.data?.passkeyLogin ?? null).toBeNull();

    // A step-up challenge of the admin's session, answered to the usernameless login.
    const stepUpOptions = await options(admin, 'STEP_UP');
    const crossed = await client.gql(PASSKEY_LOGIN, {
      response: authenticator.assert(adminKey.credential, stepUpOptions),
    });
    expect(errorCode(crossed)).toBe('UNAUTHENTICATED');
    // ...and a step-up challenge answered in another session (the anonymous client's) is not its own.
    const other = (await passwordLogin(EMPLOYEE())).client;
    const foreign = await other.gql(STEP_UP, { passkey: authenticator.assert(adminKey.credential, stepUpOptions) });
    expect(errorCode(foreign)).toBe('BAD_USER_INPUT');
    expect(await auditCount('auth.passkey_login', 'FAILED')).toBeGreaterThanOrEqual(2);
  });

  it('M14: S33: a challenge is single use (a replayed answer is refused), and expires', async () => {
    const first = new ApiClient(demo.url);
    const opts = await options(first, 'LOGIN');
    const answer = authenticator.assert(adminKey.credential, opts);
    expect((await first.ok<any>(PASSKEY_LOGIN, { response: answer })).passkeyLogin.role).toBe('ADMIN');
    const replay = new ApiClient(demo.url);
    const res = await replay.gql(PASSKEY_LOGIN, { response: answer });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(replay.cookie).toBeUndefined();

    const late = new ApiClient(demo.url);
    const lateOptions = await options(late, 'LOGIN');
    await sql(`update webauthn_challenges set expires_at = now() - interval '1 second'`);
    const expired = await late.gql(PASSKEY_LOGIN, { response: authenticator.assert(adminKey.credential, lateOptions) });
    expect(errorCode(expired)).toBe('UNAUTHENTICATED');
  });

  it("M14: S33: another user's passkey is refused as this user's second step", async () => {
    // The employee adds a passkey of their own, then logs in with the password: the admin's passkey
    // answering the employee's second step is refused (field `passkey`), the employee's own works.
    const employee = (await passwordLogin(EMPLOYEE())).client;
    const employeeKey = await register(employee, 'Phone');
    const { client, res } = await passwordLogin(EMPLOYEE());
    expect(res.data.login.pendingStep).toBe('SECOND_FACTOR');
    const wrong = await client.gql(SECOND_STEP, {
      response: authenticator.assert(adminKey.credential, await options(client, 'SECOND_STEP')),
    });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(fieldOf(wrong)).toBe('passkey');
    expect(errorCode(await client.gql(CUSTOMERS))).toBe('SECOND_FACTOR_REQUIRED');
    const right = await client.ok<any>(SECOND_STEP, {
      response: authenticator.assert(employeeKey.credential, await options(client, 'SECOND_STEP')),
    });
    expect(right.loginSecondStepPasskey.pendingStep).toBeNull();
    // Nor can the employee remove the admin's passkey: it is not theirs (not found, as a made-up id).
    expect(errorCode(await client.gql(REMOVE, { id: adminKey.id }))).toBe('NOT_FOUND');
  });

  it('M14: S33: a signature counter that goes backwards (a cloned authenticator) is refused and audited', async () => {
    const stored = async () =>
      Number((await sql(`select counter from passkeys where id = $1`, [adminKey.id]))[0].counter);
    const before = await stored();
    expect(before).toBeGreaterThan(1); // three logins so far
    for (const counter of [before - 1, before]) {
      const client = new ApiClient(demo.url);
      const cloned = authenticator.assert(adminKey.credential, await options(client, 'LOGIN'), { counter });
      const res = await client.gql(PASSKEY_LOGIN, { response: cloned });
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      expect(client.cookie).toBeUndefined();
    }
    expect(await stored()).toBe(before);
    adminKey.credential.counter = before;
  });

  it('M14: S34: step-up with a passkey before a credential reveal', async () => {
    await ageStepUp(ADMIN());
    const denied = await admin.gql(REVEAL, { id: credentialId });
    expect(errorCode(denied)).toBe('STEP_UP_REQUIRED');
    const ok = await admin.ok<any>(STEP_UP, {
      passkey: authenticator.assert(adminKey.credential, await options(admin, 'STEP_UP')),
    });
    expect(ok.stepUp).toBe(true);
    expect((await admin.ok<any>(REVEAL, { id: credentialId })).siteCredentialReveal.secret).toBeTruthy();
    const [step] = await sql(
      `select detail->>'method' as method from audit_events where action = 'auth.step_up' and outcome = 'ALLOWED' order by created_at desc limit 1`,
    );
    expect(step.method).toBe('PASSKEY');
  });

  it('M14: S34: removing a passkey needs a fresh second step; then it is gone and audited', async () => {
    await ageStepUp(ADMIN());
    expect(errorCode(await admin.gql(REMOVE, { id: adminKey.id }))).toBe('STEP_UP_REQUIRED');
    await admin.ok(STEP_UP, { passkey: authenticator.assert(adminKey.credential, await options(admin, 'STEP_UP')) });
    expect((await admin.ok<any>(REMOVE, { id: adminKey.id })).passkeyRemove).toBe(true);
    expect((await admin.ok<any>(MY_PASSKEYS)).myPasskeys).toEqual([]);
    expect(await auditCount('auth.passkey_remove', 'ALLOWED')).toBe(1);
    expect(await auditCount('auth.passkey_remove', 'DENIED')).toBe(1);
    // A removed passkey no longer logs in.
    const client = new ApiClient(demo.url);
    const res = await client.gql(PASSKEY_LOGIN, {
      response: authenticator.assert(adminKey.credential, await options(client, 'LOGIN')),
    });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('M14: a login that must set up a second factor may add a passkey instead of an authenticator app', async () => {
    const email = demoEmail('jj-media', 'CONTRACTOR');
    await sql(`update tenants set second_factor_roles = '{CONTRACTOR}' where slug = 'jj-media'`);
    try {
      const { client, res } = await passwordLogin(email);
      expect(res.data.login.pendingStep).toBe('SETUP');
      expect(errorCode(await client.gql('query { mySessions { id } }'))).toBe('SECOND_FACTOR_SETUP_REQUIRED');
      const key = await register(client, 'Laptop');
      expect((await client.ok<any>('query { me { pendingStep } }')).me.pendingStep).toBeNull();
      // The next password login asks for the passkey.
      const again = await passwordLogin(email);
      expect(again.res.data.login.pendingStep).toBe('SECOND_FACTOR');
      // The last required factor cannot be removed.
      expect(errorCode(await client.gql(REMOVE, { id: key.id }))).toBe('BAD_USER_INPUT');
    } finally {
      await sql(`update tenants set second_factor_roles = '{}' where slug = 'jj-media'`);
    }
  });
});
