// Issue 20's remaining promises, each proven over HTTP against the built server and the demo data:
// step-up before changing a payment account and before a staff login downloads a privacy export
// (S34), the second factor new agencies require by default, and the demo's start banner saying how to
// get the demo employee's code.
import { DEMO_TOTP_EMAIL } from '@sitecare/seeds';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';

const STEP_UP = 'mutation($input: StepUpInput!) { stepUp(input: $input) }';
const EXPORT_LINK = 'mutation($id: UUID!) { privacyExportLink(requestId: $id) }';

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

/** Ages the step-up of every session of `email` past the five minutes. */
const ageStepUp = (email: string) =>
  sql(
    `update sessions s set step_up_at = now() - interval '6 minutes' from users u
      where u.id = s.user_id and lower(u.email) = lower($1) and s.step_up_at is not null`,
    [email],
  );

const denied = async (action: string) =>
  (
    await sql<{ n: number }>(
      `select count(*)::int as n from audit_events where action = $1 and outcome = 'DENIED' and detail->>'reason' = 'STEP_UP_REQUIRED'`,
      [action],
    )
  )[0].n;

beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(() => demo?.stop());

describe('M14: step-up before high-value actions (S34)', () => {
  it('M14: S34: changing a payment account needs a fresh step (STEP_UP_REQUIRED, audited DENIED); after one it is no longer refused', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    await ageStepUp('admin@jj-media.example.com');
    const remove = 'mutation { tenantPaymentAccountRemove(provider: STRIPE) { id } }';
    const refused = await admin.gql(remove);
    expect(errorCode(refused)).toBe('STEP_UP_REQUIRED');
    expect(refused.data?.tenantPaymentAccountRemove ?? null).toBeNull();
    const set = await admin.gql(
      'mutation { tenantStripeAccountSet(input: { secretKey: "sk_test_stepupcheck1234", webhookSecret: "whsec_stepupcheck1234" }) { id } }',
    );
    expect(errorCode(set)).toBe('STEP_UP_REQUIRED'); // refused before the provider is asked anything
    expect(await denied('tenant.paymentAccount.disconnect')).toBe(1);
    expect(await denied('tenant.paymentAccount.connect')).toBe(1);

    // The admin has no second factor: the password is the step.
    expect((await admin.ok<any>(STEP_UP, { input: { password: 'sitecare-demo-2026' } })).stepUp).toBe(true);
    expect(errorCode(await admin.gql(remove))).not.toBe('STEP_UP_REQUIRED');
    expect(await denied('tenant.paymentAccount.disconnect')).toBe(1);
  });

  it('M14: S34: a staff login downloads its own privacy export only after a fresh step; a customer needs none', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const { privacyRequestCreate: request } = await admin.ok<any>(
      'mutation($i: PrivacyRequestStaffInput!) { privacyRequestCreate(input: $i) { id } }',
      { i: { email: 'sara@jj-media.example.com', type: 'ACCESS' } },
    );
    await admin.ok('mutation($id: UUID!) { privacyRequestVerify(id: $id) { id } }', { id: request.id });
    await admin.ok('mutation($id: UUID!) { privacyRequestComplete(id: $id) { id } }', { id: request.id });

    const sara = new ApiClient(demo.url);
    expect((await sara.login('sara@jj-media.example.com')).errors).toBeUndefined();
    const mine = await sara.ok<any>('{ myPrivacyRequests { id exportAvailable } }');
    expect(mine.myPrivacyRequests).toEqual([{ id: request.id, exportAvailable: true }]);
    await ageStepUp('sara@jj-media.example.com');
    const refused = await sara.gql(EXPORT_LINK, { id: request.id });
    expect(errorCode(refused)).toBe('STEP_UP_REQUIRED');
    expect(await denied('privacy_export.link')).toBe(1);

    await sara.ok(STEP_UP, { input: { password: 'sitecare-demo-2026' } });
    const { privacyExportLink } = await sara.ok<any>(EXPORT_LINK, { id: request.id });
    const zip = await fetch(privacyExportLink);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');

    // A customer's own export (the portal's download) asks for no step, however old the login.
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { privacyRequestFile: own } = await anna.ok<any>(
      'mutation { privacyRequestFile(input: { type: PORTABILITY }) { id } }',
    );
    await admin.ok('mutation($id: UUID!) { privacyRequestComplete(id: $id) { id } }', { id: own.id });
    await ageStepUp('anna@bageriet.example.com');
    expect((await anna.ok<any>(EXPORT_LINK, { id: own.id })).privacyExportLink).toMatch(/\/privacy\/export\//);
  });
});

describe('M14: second factors by default, and the demo', () => {
  it('M14: a new agency requires a second factor of ADMIN, EMPLOYEE and CONTRACTOR (not CUSTOMER) by default', async () => {
    await runCli(demo, ['tenant:create', '--name', 'Ny Byrå', '--admin-email', 'chef@ny-byra.example.com']);
    const [tenant] = await sql<{ second_factor_roles: string[] }>(
      `select second_factor_roles from tenants where name = 'Ny Byrå'`,
    );
    expect(tenant.second_factor_roles).toEqual(['ADMIN', 'EMPLOYEE', 'CONTRACTOR']);
  });

  it('M14: the demo seeds an authenticator for one employee and its start banner says how to get her code', async () => {
    expect(demo.app.output()).toContain(`${DEMO_TOTP_EMAIL} asks for a code after the password`);
    expect(demo.app.output()).toContain(`pnpm sitecare totp:code ${DEMO_TOTP_EMAIL}`);
    const [ida] = await sql<{ totp: boolean }>(
      `select totp_confirmed_at is not null and totp_secret_ciphertext is not null as totp from users where email = $1`,
      [DEMO_TOTP_EMAIL],
    );
    expect(ida.totp).toBe(true);
  });
});
