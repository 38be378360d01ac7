import { createHash } from 'node:crypto';
import { Algorithm, hash } from '@node-rs/argon2';
import { DEMO_PASSWORD, demoTenants } from '@sitecare/seeds';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, demoEmail, errorCode, withoutRequestIds } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

const ROLES = ['ADMIN', 'EMPLOYEE', 'CONTRACTOR', 'CUSTOMER'] as const;
const ME = '{ me { role user { email status } tenant { slug privacyContactEmail supervisoryAuthorityName } } }';

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(() => demo?.stop());

/** The newest mail to `to`, read through the admin's outbox view. */
async function lastMailTo(admin: ApiClient, to: string) {
  const data = await admin.ok(
    '{ outboxMessages(page: { take: 50 }) { nodes { recipient template subject payload } } }',
  );
  return data.outboxMessages.nodes.find((m: { recipient: string }) => m.recipient === to);
}
const tokenOf = (link: string) => link.split('/').pop()!;

describe('logins for every role in both demo agencies', () => {
  for (const tenant of demoTenants) {
    for (const role of ROLES) {
      it(`${role} of ${tenant.slug}: login, me, logout`, async () => {
        const client = new ApiClient(demo.url);
        const login = await client.login(demoEmail(tenant.slug, role));
        expect(login.errors).toBeUndefined();
        expect(login.data!.login).toMatchObject({ role, tenant: { slug: tenant.slug } });

        const me = await client.ok(ME);
        expect(me.me).toMatchObject({ role, user: { email: demoEmail(tenant.slug, role), status: 'ACTIVE' } });
        expect(me.me.tenant).toMatchObject({
          slug: tenant.slug,
          supervisoryAuthorityName: expect.stringContaining('IMY'),
        });

        expect((await client.ok('mutation { logout }')).logout).toBe(true);
        expect(errorCode(await client.gql(ME))).toBe('UNAUTHENTICATED');
      });
    }
  }

  it('logs in with the e-mail in any letter case', async () => {
    const client = new ApiClient(demo.url);
    expect((await client.login(demoEmail('jj-media', 'EMPLOYEE').toUpperCase())).errors).toBeUndefined();
  });
});

describe('S19: failed logins', () => {
  it('S19: an unknown e-mail and a wrong password answer identically', async () => {
    const client = new ApiClient(demo.url);
    const wrong = await client.login(demoEmail('jj-media', 'CUSTOMER'), 'not the password at all');
    const unknown = await client.login('nobody-here@jj-media.example.com', 'not the password at all');
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(withoutRequestIds(unknown)).toEqual(withoutRequestIds(wrong));
    expect(unknown.status).toBe(wrong.status);
  });

  it('S19: repeated failures for one account slow down exponentially, even with the right password', async () => {
    const client = new ApiClient(demo.url);
    const email = demoEmail('nordvik-webbyra', 'CUSTOMER');
    for (let i = 1; i <= 5; i++)
      expect(errorCode(await client.login(email, `wrong password ${i}`))).toBe('UNAUTHENTICATED');
    // The sixth failure locks the account for 2 s; during the lock even the right password is refused.
    expect(errorCode(await client.login(email, 'wrong password 6'))).toBe('UNAUTHENTICATED');
    const locked = await client.login(email, DEMO_PASSWORD);
    expect(errorCode(locked)).toBe('RATE_LIMITED');
    const first = locked.errors![0].extensions!.retryAfterSeconds as number;
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThanOrEqual(2);

    await new Promise((r) => setTimeout(r, first * 1000 + 200));
    expect(errorCode(await client.login(email, 'wrong password 7'))).toBe('UNAUTHENTICATED');
    const second = (await client.login(email, DEMO_PASSWORD)).errors![0].extensions!.retryAfterSeconds as number;
    expect(second).toBeGreaterThan(first); // 4 s after 2 s: doubled
    expect(second).toBeLessThanOrEqual(4);

    // An unknown address is throttled the same way, so throttling reveals nothing either.
    const unknown = 'nobody-else@nordvik.example.com';
    for (let i = 1; i <= 6; i++) await client.login(unknown, `wrong password ${i}`);
    expect(errorCode(await client.login(unknown, 'whatever it is'))).toBe('RATE_LIMITED');
  });

  it('S5: a login aliased 5 times counts as 5 attempts', async () => {
    const client = new ApiClient(demo.url);
    const email = demoEmail('jj-media', 'CONTRACTOR');
    const aliases = [1, 2, 3, 4, 5]
      .map((i) => `a${i}: login(input: { email: "${email}", password: "wrong password ${i}" }) { role }`)
      .join('\n');
    const res = await client.gql(`mutation { ${aliases} }`);
    expect(res.errors).toHaveLength(5);
    // Five failures used up the free ones: the next one locks the account.
    expect(errorCode(await client.login(email, 'wrong password 6'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await client.login(email, DEMO_PASSWORD))).toBe('RATE_LIMITED');
  });

  it('S5: batched HTTP operations are refused', async () => {
    const res = await fetch(`${demo.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ health { status } }' }, { query: '{ health { status } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('audits failed logins in the agency of the account', async () => {
    const email = demoEmail('jj-media', 'EMPLOYEE');
    await new ApiClient(demo.url).login(email, 'definitely wrong password');
    const [row] = await sql(
      `select a.outcome, a.ip from audit_events a join users u on u.id = a.entity_id
        where a.action = 'auth.login' and a.outcome = 'FAILED' and u.email = $1`,
      [email],
    );
    expect(row).toMatchObject({ outcome: 'FAILED', ip: expect.any(String) });
  });
});

describe('S20: the session cookie', () => {
  it('S20: is HttpOnly, SameSite=Lax, path /, and carries at least 128 random bits', async () => {
    const client = new ApiClient(demo.url);
    const res = await client.login(demoEmail('jj-media', 'EMPLOYEE'));
    const line = res.headers.getSetCookie().find((c) => c.startsWith('sc_session=') && !c.startsWith('sc_session=;'))!;
    expect(line).toMatch(/; HttpOnly/i);
    expect(line).toMatch(/; SameSite=Lax/i);
    expect(line).toMatch(/; Path=\//i);
    expect(line).not.toMatch(/; Secure/i); // development over http; production sets Secure (security suite)
    const secret = line.split(';')[0].split('.')[1];
    expect(Buffer.from(secret, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('S20: is renewed at login: the previous session dies', async () => {
    const client = new ApiClient(demo.url);
    await client.login(demoEmail('jj-media', 'EMPLOYEE'));
    const before = client.cookie!;
    await client.login(demoEmail('jj-media', 'EMPLOYEE'));
    expect(client.cookie).not.toBe(before);
    const old = new ApiClient(demo.url);
    old.cookie = before;
    expect(errorCode(await old.gql(ME))).toBe('UNAUTHENTICATED');
  });

  it('S20: is dead after logout, even if replayed', async () => {
    const client = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const cookie = client.cookie!;
    await client.ok('mutation { logout }');
    const replay = new ApiClient(demo.url);
    replay.cookie = cookie;
    expect(errorCode(await replay.gql(ME))).toBe('UNAUTHENTICATED');
  });

  it('S20: dies after the idle timeout and after the absolute timeout', async () => {
    const idle = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const absolute = await as(demo.url, 'nordvik-webbyra', 'EMPLOYEE');
    const hashOf = (c: ApiClient) => createHash('sha256').update(c.cookie!.split('.')[1]).digest('hex');
    await sql(`update sessions set last_seen_at = now() - interval '31 minutes' where token_hash = $1`, [hashOf(idle)]);
    await sql(`update sessions set expires_at = now() - interval '1 second' where token_hash = $1`, [hashOf(absolute)]);
    expect(errorCode(await idle.gql(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await absolute.gql(ME))).toBe('UNAUTHENTICATED');
  });

  it('S20: disabling a user ends all of their sessions', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const phone = await as(demo.url, 'jj-media', 'CUSTOMER');
    const laptop = await as(demo.url, 'jj-media', 'CUSTOMER');
    const id = (await phone.ok(ME.replace('email status', 'id email status'))).me.user.id;
    const disabled = await admin.ok('mutation($id: UUID!) { userDisable(id: $id) { status } }', { id });
    expect(disabled.userDisable.status).toBe('DISABLED');
    expect(errorCode(await phone.gql(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await laptop.gql(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await new ApiClient(demo.url).login(demoEmail('jj-media', 'CUSTOMER')))).toBe('UNAUTHENTICATED');
    // Re-enabled, the same password works again.
    await admin.ok('mutation($id: UUID!) { userEnable(id: $id) { status } }', { id });
    expect((await new ApiClient(demo.url).login(demoEmail('jj-media', 'CUSTOMER'))).errors).toBeUndefined();
    const actions = await sql(`select action from audit_events where entity_id = $1 order by created_at`, [id]);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });
});

describe('S18: password storage', () => {
  it('S18: stores argon2id with m >= 19456 KiB, t >= 2, p = 1', async () => {
    const rows = await sql<{ password_hash: string }>(
      `select password_hash from users where password_hash is not null`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { password_hash } of rows) {
      const [, m, t, p] = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(password_hash)!.map(Number);
      expect(m).toBeGreaterThanOrEqual(19456);
      expect(t).toBeGreaterThanOrEqual(2);
      expect(p).toBe(1);
    }
  });

  it('S18: rehashes a weaker stored hash at the next successful login', async () => {
    const email = demoEmail('nordvik-webbyra', 'EMPLOYEE');
    const weak = await hash(DEMO_PASSWORD, {
      algorithm: Algorithm.Argon2id,
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
    });
    await sql(`update users set password_hash = $1 where email = $2`, [weak, email]);
    expect((await new ApiClient(demo.url).login(email)).errors).toBeUndefined();
    const [{ password_hash }] = await sql(`select password_hash from users where email = $1`, [email]);
    expect(password_hash).not.toBe(weak);
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('invitations and password resets', () => {
  it('an admin invites a user, who sets a password with the single-use link and is logged in', async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const email = 'new.colleague@jj-media.example.com';
    const invited = await admin.ok(
      'mutation($input: UserInviteInput!) { userInvite(input: $input) { id status role preferredLanguage } }',
      { input: { email, name: 'New Colleague', role: 'EMPLOYEE' } },
    );
    expect(invited.userInvite).toMatchObject({ status: 'INVITED', role: 'EMPLOYEE', preferredLanguage: 'sv' });
    const mail = await lastMailTo(admin, email);
    expect(mail).toMatchObject({ template: 'user.invitation', subject: expect.stringContaining('JJ Media') });
    const token = tokenOf(mail.payload.link);
    const [{ token_hash }] = await sql(`select token_hash from auth_tokens where user_id = $1`, [
      invited.userInvite.id,
    ]);
    expect(token_hash).not.toContain(token.split('.')[1]); // only a hash is stored

    const guest = new ApiClient(demo.url);
    const short = await guest.gql('mutation($i: TokenPasswordInput!) { invitationAccept(input: $i) { role } }', {
      i: { token, password: 'too short' },
    });
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const accepted = await guest.ok(
      'mutation($i: TokenPasswordInput!) { invitationAccept(input: $i) { role user { status } } }',
      {
        i: { token, password: 'a long new password 42' },
      },
    );
    expect(accepted.invitationAccept).toMatchObject({ role: 'EMPLOYEE', user: { status: 'ACTIVE' } });
    expect((await guest.ok(ME)).me.user.email).toBe(email);

    const reuse = await new ApiClient(demo.url).gql(
      'mutation($i: TokenPasswordInput!) { invitationAccept(input: $i) { role } }',
      {
        i: { token, password: 'another long password 43' },
      },
    );
    expect(reuse.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect((await new ApiClient(demo.url).login(email, 'a long new password 42')).errors).toBeUndefined();
  });

  it('a password reset mails a link for known addresses only, answers the same for unknown ones, and ends old sessions', async () => {
    const admin = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const email = demoEmail('nordvik-webbyra', 'CONTRACTOR');
    const old = await as(demo.url, 'nordvik-webbyra', 'CONTRACTOR');
    const guest = new ApiClient(demo.url);
    const ask = (address: string) =>
      guest.gql('mutation($i: PasswordResetRequestInput!) { passwordResetRequest(input: $i) }', {
        i: { email: address },
      });
    const known = await ask(email);
    const unknown = await ask('stranger@nordvik.example.com');
    expect(known.data).toEqual({ passwordResetRequest: true });
    expect(unknown.data).toEqual(known.data);
    expect(await lastMailTo(admin, 'stranger@nordvik.example.com')).toBeUndefined();

    const mail = await lastMailTo(admin, email);
    expect(mail.template).toBe('user.password_reset');
    const reset = await guest.ok('mutation($i: TokenPasswordInput!) { passwordReset(input: $i) { role } }', {
      i: { token: tokenOf(mail.payload.link), password: 'a fresh password 2026' },
    });
    expect(reset.passwordReset.role).toBe('CONTRACTOR');
    expect(errorCode(await old.gql(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await new ApiClient(demo.url).login(email))).toBe('UNAUTHENTICATED');
    expect((await new ApiClient(demo.url).login(email, 'a fresh password 2026')).errors).toBeUndefined();
  });
});
