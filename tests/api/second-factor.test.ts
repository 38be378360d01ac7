// Issue 20: the second factor (S33), step-up before a secret (S34), and second factors an agency
// requires. Over real HTTP against the built server and the demo data; codes made with otplib.
import { DEMO_TOTP_EMAIL, DEMO_TOTP_SECRET } from '@sitecare/seeds';
import { generate } from 'otplib';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode, type GraphQLResponse } from '../support/api-client';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';
import { callFor, operations } from '../support/schema-calls';

const LOGIN =
  'mutation($input: LoginInput!) { login(input: $input) { role pendingStep operations secondFactor { totp required } } }';
const SECOND_STEP = 'mutation($code: String!) { loginSecondStep(input: { code: $code }) { pendingStep role } }';
const SETUP_START = 'mutation { totpSetupStart { secret uri } }';
const SETUP_CONFIRM =
  'mutation($code: String!) { totpSetupConfirm(input: { code: $code }) { recoveryCodes viewer { pendingStep } } }';
const STEP_UP = 'mutation($input: StepUpInput!) { stepUp(input: $input) }';
const REVEAL = 'mutation($id: UUID!) { siteCredentialReveal(id: $id) { secret } }';
const CUSTOMERS = 'query { customers(page: { take: 5 }) { nodes { id name } } }';

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);
const code = (secret: string, epoch = Date.now() / 1000) => generate({ secret, epoch: Math.floor(epoch) });
const fieldOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.field;

async function loginWithPassword(email: string): Promise<{ client: ApiClient; res: GraphQLResponse<any> }> {
  const client = new ApiClient(demo.url);
  const res = await client.gql(LOGIN, { input: { email, password: 'sitecare-demo-2026' } });
  return { client, res };
}

/** Ages the step-up of every session of `email` by `minutes` (what five minutes of waiting does). */
async function ageStepUp(email: string, minutes: number): Promise<void> {
  await sql(
    `update sessions s set step_up_at = now() - $2::float8 * interval '1 minute' from users u
      where u.id = s.user_id and lower(u.email) = lower($1) and s.step_up_at is not null`,
    [email, minutes],
  );
}

async function deniedReveals(credentialId: string): Promise<number> {
  const [row] = await sql<{ n: number }>(
    `select count(*)::int as n from audit_events where action = 'credential.reveal' and outcome = 'DENIED'
      and entity_id = $1 and detail->>'reason' = 'STEP_UP_REQUIRED'`,
    [credentialId],
  );
  return row.n;
}

let nordvikCredential: string;
let recoveryCodes: string[] = [];
let secret = '';
let confirmCode = '';
/** The code that finished ida's first login. */
let idaUsedCode = '';

beforeAll(async () => {
  demo = await startDemoApp();
  const [row] = await sql<{ id: string }>(
    `select k.id from site_credentials k join tenants t on t.id = k.tenant_id where t.slug = 'nordvik-webbyra' order by k.label limit 1`,
  );
  nordvikCredential = row.id;
});
afterAll(() => demo?.stop());

describe('M14: TOTP second factor (S33)', () => {
  it('M14: S33: a login with a second factor is half done until the code: every other operation answers SECOND_FACTOR_REQUIRED', async () => {
    const { client, res } = await loginWithPassword(DEMO_TOTP_EMAIL);
    expect(res.errors).toBeUndefined();
    expect(res.data.login).toMatchObject({ pendingStep: 'SECOND_FACTOR', secondFactor: { totp: true } });
    expect(res.data.login.operations.sort()).toEqual(
      [
        'Mutation.login',
        'Mutation.loginSecondStep',
        'Mutation.logout',
        'Query.me',
        'Mutation.passkeyAuthenticationOptions',
        'Mutation.loginSecondStepPasskey',
        'Mutation.passkeyLogin',
      ].sort(),
    );
    // Twice: the second time the compiled lane knows the document; still no data.
    for (let i = 0; i < 2; i++) {
      const customers = await client.gql(CUSTOMERS);
      expect(errorCode(customers)).toBe('SECOND_FACTOR_REQUIRED');
      expect(customers.data?.customers ?? null).toBeNull();
    }
    expect(errorCode(await client.gql(REVEAL, { id: nordvikCredential }))).toBe('SECOND_FACTOR_REQUIRED');

    const current = await code(DEMO_TOTP_SECRET);
    const wrong = await client.gql(SECOND_STEP, { code: current === '000000' ? '111111' : '000000' });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(fieldOf(wrong)).toBe('code');

    const right = await client.gql<any>(SECOND_STEP, { code: current });
    idaUsedCode = current;
    expect(right.errors).toBeUndefined();
    expect(right.data.loginSecondStep).toEqual({ pendingStep: null, role: 'EMPLOYEE' });
    const customers = await client.ok<any>(CUSTOMERS);
    expect(customers.customers.nodes.length).toBeGreaterThan(0);
    // The second step counts as a fresh step: the reveal works at once.
    expect((await client.ok<any>(REVEAL, { id: nordvikCredential })).siteCredentialReveal.secret).toBeTruthy();

    const [audit] = await sql<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'auth.second_step' and outcome = 'FAILED'`,
    );
    expect(audit.n).toBeGreaterThanOrEqual(1);
  });

  it('M14: S33: a code already used is refused within its window (replay), in a new login', async () => {
    const { client } = await loginWithPassword(DEMO_TOTP_EMAIL);
    // The very code that finished the previous login: its time step is the last one used.
    expect(idaUsedCode).toMatch(/^\d{6}$/);
    const replay = await client.gql(SECOND_STEP, { code: idaUsedCode });
    expect(errorCode(replay)).toBe('BAD_USER_INPUT');
    expect(errorCode(await client.gql(CUSTOMERS))).toBe('SECOND_FACTOR_REQUIRED');
  });

  it('M14: S33: S19: failed second steps are throttled like passwords (then RATE_LIMITED, even for a right code)', async () => {
    const [ida] = await sql<{ id: string }>(`select id from users where email = $1`, [DEMO_TOTP_EMAIL]);
    const { client } = await loginWithPassword(DEMO_TOTP_EMAIL);
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 7; i++) codes.push(errorCode(await client.gql(SECOND_STEP, { code: `9${i}9${i}9${i}` })));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('BAD_USER_INPUT'));
    expect(codes).toContain('RATE_LIMITED');
    const locked = await client.gql(SECOND_STEP, { code: await code(DEMO_TOTP_SECRET, Date.now() / 1000 + 30) });
    expect(errorCode(locked)).toBe('RATE_LIMITED');
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    const [failed] = await sql<{ n: number; locks: number }>(
      `select count(*)::int as n, max((detail->>'lockSeconds')::int) as locks from audit_events
        where action = 'auth.second_step' and outcome = 'FAILED' and entity_id = $1`,
      [ida.id],
    );
    expect(failed.n).toBeGreaterThanOrEqual(6);
    expect(failed.locks).toBeGreaterThan(0);
  });

  it('M14: S33: setting up TOTP: sealed secret, confirm with a code, ten recovery codes stored hashed', async () => {
    const oskar = await as(demo.url, 'nordvik-webbyra', 'EMPLOYEE');
    const started = await oskar.ok<any>(SETUP_START);
    secret = started.totpSetupStart.secret;
    expect(started.totpSetupStart.uri).toMatch(/^otpauth:\/\/totp\/Sitecare:oskar%40nordvik\.example\.com\?/);
    expect(started.totpSetupStart.uri).toContain(`secret=${secret}`);

    const wrong = await oskar.gql(SETUP_CONFIRM, { code: '12345x' });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    confirmCode = await code(secret);
    const confirmed = await oskar.ok<any>(SETUP_CONFIRM, { code: confirmCode });
    recoveryCodes = confirmed.totpSetupConfirm.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);

    const [row] = await sql<any>(
      `select totp_secret_ciphertext, recovery_code_hashes, totp_confirmed_at from users where email = 'oskar@nordvik.example.com'`,
    );
    expect(row.totp_confirmed_at).not.toBeNull();
    expect(row.totp_secret_ciphertext).not.toContain(secret);
    expect(row.recovery_code_hashes).toHaveLength(10);
    for (const h of row.recovery_code_hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(recoveryCodes[0].replace(/-/g, ''));
  });

  it('M14: S33: the code that confirmed the set-up cannot log in (replay); a recovery code works once only', async () => {
    const first = await loginWithPassword('oskar@nordvik.example.com');
    expect(first.res.data.login.pendingStep).toBe('SECOND_FACTOR');
    expect(errorCode(await first.client.gql(SECOND_STEP, { code: confirmCode }))).toBe('BAD_USER_INPUT');
    const used = await first.client.gql<any>(SECOND_STEP, { code: recoveryCodes[0].toLowerCase() });
    expect(used.errors).toBeUndefined();
    expect(used.data.loginSecondStep.pendingStep).toBeNull();

    const second = await loginWithPassword('oskar@nordvik.example.com');
    expect(errorCode(await second.client.gql(SECOND_STEP, { code: recoveryCodes[0] }))).toBe('BAD_USER_INPUT');
    expect((await second.client.gql<any>(SECOND_STEP, { code: recoveryCodes[1] })).errors).toBeUndefined();
    const [row] = await sql<any>(
      `select cardinality(recovery_code_hashes) as left from users where email = 'oskar@nordvik.example.com'`,
    );
    expect(row.left).toBe(8);
  });
});

describe('M14: the demo code in development', () => {
  it('M14: pnpm sitecare totp:code prints the current code of the demo login with an authenticator', async () => {
    const printed = (await runCli(demo, ['totp:code', DEMO_TOTP_EMAIL])).trim();
    const now = Date.now() / 1000;
    const around = await Promise.all([now - 30, now, now + 30].map((t) => code(DEMO_TOTP_SECRET, t)));
    expect(printed).toMatch(/^\d{6}$/);
    expect(around).toContain(printed);
  });
});

describe('M14: step-up before a secret (S34)', () => {
  it('M14: S34: a reveal without a fresh step is refused (STEP_UP_REQUIRED, audited DENIED); after a step it works; 5 minutes later it is refused again', async () => {
    const admin = await as(demo.url, 'nordvik-webbyra', 'ADMIN'); // password only: the password was the step
    expect((await admin.ok<any>(REVEAL, { id: nordvikCredential })).siteCredentialReveal.secret).toBeTruthy();

    await ageStepUp('admin@nordvik.example.com', 6);
    const before = await deniedReveals(nordvikCredential);
    const refused = await admin.gql(REVEAL, { id: nordvikCredential });
    expect(errorCode(refused)).toBe('STEP_UP_REQUIRED');
    expect(refused.errors?.[0]?.extensions?.maxAgeSeconds).toBe(300);
    expect(refused.data?.siteCredentialReveal ?? null).toBeNull();
    expect(await deniedReveals(nordvikCredential)).toBe(before + 1);

    // Without a factor the step is the password; a wrong one is refused naming the field.
    const wrong = await admin.gql(STEP_UP, { input: { password: 'not the password' } });
    expect(fieldOf(wrong)).toBe('password');
    await admin.ok(STEP_UP, { input: { password: 'sitecare-demo-2026' } });
    expect((await admin.ok<any>(REVEAL, { id: nordvikCredential })).siteCredentialReveal.secret).toBeTruthy();

    await ageStepUp('admin@nordvik.example.com', 5.1);
    expect(errorCode(await admin.gql(REVEAL, { id: nordvikCredential }))).toBe('STEP_UP_REQUIRED');
    expect(await deniedReveals(nordvikCredential)).toBe(before + 2);
  });

  it('M14: S34: with a second factor the step-up takes a code (the password is not enough)', async () => {
    const { client } = await loginWithPassword('oskar@nordvik.example.com');
    await client.ok(SECOND_STEP, { code: recoveryCodes[3] });
    await ageStepUp('oskar@nordvik.example.com', 6);
    expect(errorCode(await client.gql(REVEAL, { id: nordvikCredential }))).toBe('STEP_UP_REQUIRED');
    expect(fieldOf(await client.gql(STEP_UP, { input: { password: 'sitecare-demo-2026' } }))).toBe('code');
    await client.ok(STEP_UP, { input: { code: recoveryCodes[4] } });
    expect((await client.ok<any>(REVEAL, { id: nordvikCredential })).siteCredentialReveal.secret).toBeTruthy();
  });

  it('M14: S34: removing the authenticator needs a fresh step', async () => {
    const { client } = await loginWithPassword('oskar@nordvik.example.com');
    await client.ok(SECOND_STEP, { code: recoveryCodes[5] });
    await ageStepUp('oskar@nordvik.example.com', 6);
    expect(errorCode(await client.gql('mutation { totpRemove }'))).toBe('STEP_UP_REQUIRED');
    await client.ok(STEP_UP, { input: { code: recoveryCodes[6] } });
    expect((await client.ok<any>('mutation { totpRemove }')).totpRemove).toBe(true);
    const after = await loginWithPassword('oskar@nordvik.example.com');
    expect(after.res.data.login.pendingStep).toBeNull();
  });
});

describe('M14: second factors an agency requires', () => {
  it('M14: a required role is taken to set-up after the password; every other operation answers SECOND_FACTOR_SETUP_REQUIRED, not data', async () => {
    const admin = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const set = await admin.ok<any>(
      'mutation { tenantSecondFactorRolesSet(input: { roles: ["CONTRACTOR"] }) { secondFactorRoles } }',
    );
    expect(set.tenantSecondFactorRolesSet.secondFactorRoles).toEqual(['CONTRACTOR']);

    const { client, res } = await loginWithPassword('dev@contractor.example.com');
    expect(res.data.login).toMatchObject({ pendingStep: 'SETUP', secondFactor: { totp: false, required: true } });

    const allowed = new Set([
      'Query.me',
      'Mutation.login',
      'Mutation.logout',
      'Mutation.totpSetupStart',
      'Mutation.totpSetupConfirm',
      'Mutation.passkeyRegistrationOptions',
      'Mutation.passkeyRegister',
      'Mutation.passkeyLogin',
    ]);
    const answers: Record<string, string | undefined> = {};
    for (const operation of operations) {
      if (allowed.has(operation.coordinate)) continue;
      const { query, variables } = callFor(operation);
      const answer = await client.gql(query, variables);
      answers[operation.coordinate] = errorCode(answer);
      // The compiled lane learns a document the second time it is sent: ask twice for the queries.
      if (operation.kind === 'query')
        answers[`${operation.coordinate}#2`] = errorCode(await client.gql(query, variables));
    }
    const wrong = Object.entries(answers).filter(([, c]) => c !== 'SECOND_FACTOR_SETUP_REQUIRED');
    expect(wrong).toEqual([]);
    expect(Object.keys(answers).length).toBeGreaterThan(50);

    const started = await client.ok<any>(SETUP_START);
    const confirmed = await client.ok<any>(SETUP_CONFIRM, { code: await code(started.totpSetupStart.secret) });
    expect(confirmed.totpSetupConfirm.viewer.pendingStep).toBeNull();
    expect(confirmed.totpSetupConfirm.recoveryCodes).toHaveLength(10);
    const sites = await client.ok<any>('query { sites(page: { take: 5 }) { nodes { id } } }');
    expect(sites.sites.nodes.length).toBeGreaterThan(0);
  });

  it('M14: an admin resets a user’s second factor: audited, their sessions end, they are mailed', async () => {
    const contractor = await loginWithPassword('dev@contractor.example.com');
    expect(contractor.res.data.login.pendingStep).toBe('SECOND_FACTOR');
    const admin = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const [user] = await sql<{ id: string }>(`select id from users where email = 'dev@contractor.example.com'`);
    await admin.ok('mutation($id: UUID!) { userSecondFactorReset(id: $id) { id } }', { id: user.id });

    const [audit] = await sql<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'user.second_factor_reset' and entity_id = $1`,
      [user.id],
    );
    expect(audit.n).toBe(1);
    const mails = await sql<{ to_address: string; subject: string }>(
      `select * from outbox_messages where template = 'user.second_factor_reset'`,
    );
    expect(mails).toHaveLength(1);
    const [open] = await sql<{ n: number }>(
      `select count(*)::int as n from sessions where user_id = $1 and revoked_at is null`,
      [user.id],
    );
    expect(open.n).toBe(0);
    // The role still requires one: the next login goes to set-up again.
    const again = await loginWithPassword('dev@contractor.example.com');
    expect(again.res.data.login.pendingStep).toBe('SETUP');
  });

  it('M14: only admins set the required roles or reset a factor', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect(errorCode(await employee.gql('mutation { tenantSecondFactorRolesSet(input: { roles: [] }) { id } }'))).toBe(
      'FORBIDDEN',
    );
  });
});
