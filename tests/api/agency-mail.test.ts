// Issue 17, mail per agency over real SMTP (smtp-server): each agency's mail is from its own sender
// name with Reply-To its support address; an agency with its own relay (verified on save, password
// sealed and never returned) sends through it; the inbound e-mail token is per agency.
import { queryAs } from '../../server/src/testing/database';
import { as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { startSmtp, type LocalSmtp } from '../support/smtp';

let smtp: LocalSmtp;
let relay: LocalSmtp;
let demo: DemoApp;
const RELAY_LOGIN = { user: 'nordvik-relay', pass: 'relay-password-Nordvik-2026!' };
const INSTALLATION_TOKEN = 'installation-wide-inbound-token-0123456789';
const to = (address: string) => (m: { to?: unknown }) => JSON.stringify(m.to).includes(address);

beforeAll(async () => {
  smtp = await startSmtp();
  relay = await startSmtp(RELAY_LOGIN);
  demo = await startDemoApp({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Sitecare <no-reply@sitecare.example.com>',
    INBOUND_EMAIL_TOKEN: INSTALLATION_TOKEN,
  });
}, 60_000);
afterAll(async () => {
  await demo?.stop();
  await smtp?.close();
  await relay?.close();
});

const INVITE = 'mutation($i: UserInviteInput!) { userInvite(input: $i) { id } }';
const invite = (email: string) => ({ i: { email, name: 'New Colleague', role: 'EMPLOYEE', preferredLanguage: 'en' } });
const RELAY_SET = `mutation($i: AgencySmtpRelayInput!) { tenantSmtpRelaySet(input: $i) {
  smtpRelay { host port user fromAddress passwordSet passwordLast4 verifiedAt } } }`;

describe('M11: mail per agency', () => {
  it("M11: each agency's mail arrives from its own sender name, at the installation's address, with Reply-To its support address", async () => {
    const jj = await as(demo.url, 'jj-media', 'ADMIN');
    const nordvik = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    await jj.ok(INVITE, invite('new@jj-media.example.com'));
    await nordvik.ok(INVITE, invite('new@nordvik.example.com'));
    const [a] = await smtp.waitFor(1, to('new@jj-media.example.com'));
    const [b] = await smtp.waitFor(1, to('new@nordvik.example.com'));
    expect(a.from?.value).toEqual([{ name: 'JJ Media support', address: 'no-reply@sitecare.example.com' }]);
    expect(a.replyTo?.value).toEqual([{ name: '', address: 'support@jj-media.example.com' }]);
    expect(b.from?.value).toEqual([{ name: 'Nordvik Webbyrå', address: 'no-reply@sitecare.example.com' }]);
    expect(b.replyTo?.value).toEqual([{ name: '', address: 'hjalp@nordvik.example.com' }]);
  });

  it('M11, S31: an agency with its own relay sends through it; the relay is verified on save and its password never returned', async () => {
    const nordvik = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const port = Number(new URL(relay.url).port);
    const input = { host: '127.0.0.1', port, user: RELAY_LOGIN.user, fromAddress: 'hej@nordvik.example.com' };
    const refused = await nordvik.gql(RELAY_SET, { i: { ...input, password: 'the-wrong-password' } });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(JSON.stringify(refused)).not.toContain('the-wrong-password');

    const saved = await nordvik.ok(RELAY_SET, { i: { ...input, password: RELAY_LOGIN.pass } });
    expect(saved.tenantSmtpRelaySet.smtpRelay).toMatchObject({
      ...input,
      passwordSet: true,
      passwordLast4: '026!',
      verifiedAt: expect.any(String),
    });
    await nordvik.ok(INVITE, invite('via-relay@nordvik.example.com'));
    const [mail] = await relay.waitFor(1, to('via-relay@nordvik.example.com'));
    expect(mail.from?.value).toEqual([{ name: 'Nordvik Webbyrå', address: 'hej@nordvik.example.com' }]);
    // JJ Media's mail still leaves through the installation's relay.
    const jj = await as(demo.url, 'jj-media', 'ADMIN');
    await jj.ok(INVITE, invite('still-installation@jj-media.example.com'));
    await smtp.waitFor(1, to('still-installation@jj-media.example.com'));
    expect(relay.received.filter(to('still-installation@jj-media.example.com'))).toHaveLength(0);

    // Sealed at rest, bound to the agency; not in the audit; another agency's admin and an employee see no relay.
    const rows = await queryAs(demo.db.superuserUrl, 'select * from agency_secrets');
    const audit = await queryAs(demo.db.superuserUrl, "select detail from audit_events where action like 'tenant.%'");
    expect(JSON.stringify(rows) + JSON.stringify(audit)).not.toContain(RELAY_LOGIN.pass);
    // The demo agencies' payment keys are agency secrets too (issue 17); the relay password is the one SMTP row.
    const smtpRows = rows.filter((r) => r.name === 'smtp.password');
    expect(smtpRows).toHaveLength(1);
    expect(String(smtpRows[0].ciphertext)).toMatch(/^v1\.1\./);
    const employee = await as(demo.url, 'nordvik-webbyra', 'EMPLOYEE');
    expect(errorCode(await employee.gql('{ tenant { smtpRelay { host } } }'))).toBe('FORBIDDEN');
    const { tenant } = await jj.ok('{ tenant { smtpRelay { host } } }');
    expect(tenant.smtpRelay).toBeNull();
  });

  it('M11: the inbound e-mail token is per agency (shown once, stored hashed) and opens that agency only', async () => {
    const post = (agency: string, token?: string) =>
      fetch(`${demo.url}/inbound/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({
          agency,
          from: { email: 'someone@example.com' },
          subject: `To ${agency}`,
          text: 'Hello',
        }),
      });
    // Two agencies: the installation-wide token is no longer enough (it is the single-agency fallback).
    expect((await post('jj-media', INSTALLATION_TOKEN)).status).toBe(401);

    const jj = await as(demo.url, 'jj-media', 'ADMIN');
    const { tenantInboundEmailTokenRotate: token } = await jj.ok('mutation { tenantInboundEmailTokenRotate }');
    expect(token).toMatch(/^sci_/);
    expect((await jj.ok('{ tenant { inboundEmailTokenSet } }')).tenant.inboundEmailTokenSet).toBe(true);
    expect((await post('jj-media', token)).status).toBe(202);
    expect((await post('nordvik-webbyra', token)).status).toBe(401);
    expect((await post('no-such-agency', token)).status).toBe(401);
    expect((await post('jj-media')).status).toBe(401);
    const stored = await queryAs(
      demo.db.superuserUrl,
      "select inbound_email_token_hash from tenants where slug = 'jj-media'",
    );
    expect(JSON.stringify(stored)).not.toContain(token);

    // Rotating ends the old token.
    const { tenantInboundEmailTokenRotate: next } = await jj.ok('mutation { tenantInboundEmailTokenRotate }');
    expect((await post('jj-media', token)).status).toBe(401);
    expect((await post('jj-media', next)).status).toBe(202);
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    expect(errorCode(await employee.gql('mutation { tenantInboundEmailTokenRotate }'))).toBe('FORBIDDEN');
  });
});
