// Real e-mail: the outbox relay sends over SMTP (a local server here), in the recipient's language,
// once, even with two server processes on one database.
import { queryAs } from '../../server/src/testing/database';
import { as } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { startSitecareProcess, type SitecareProcess } from '../support/sitecare-process';
import { startSmtp, type LocalSmtp } from '../support/smtp';

let smtp: LocalSmtp;
let demo: DemoApp;
let second: SitecareProcess;
const to = (address: string) => (m: { to?: unknown }) => JSON.stringify(m.to).includes(address);

beforeAll(async () => {
  smtp = await startSmtp();
  const mail = { SMTP_URL: smtp.url, MAIL_FROM: 'JJ Media <no-reply@jj-media.example.com>' };
  demo = await startDemoApp(mail);
  second = await startSitecareProcess({ ...demo.db.env, ...mail, SITECARE_DEMO: 'true' });
});
afterAll(async () => {
  await second?.stop();
  await demo?.stop();
  await smtp?.close();
});

const INVITE = 'mutation($i: UserInviteInput!) { userInvite(input: $i) { id } }';

describe('the mail relay', () => {
  it("P15: an invitation arrives by SMTP in the recipient's language, with text and HTML and a working link", async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    await admin.ok(INVITE, {
      i: { email: 'svensk@jj-media.example.com', name: 'Svea Svensk', role: 'EMPLOYEE', preferredLanguage: 'sv' },
    });
    await admin.ok(INVITE, {
      i: { email: 'english@jj-media.example.com', name: 'Ellen English', role: 'EMPLOYEE', preferredLanguage: 'en' },
    });
    const [sv] = await smtp.waitFor(1, to('svensk@jj-media.example.com'));
    const [en] = await smtp.waitFor(1, to('english@jj-media.example.com'));
    expect(sv.subject).toBe('Du är inbjuden till JJ Media (demo) i Sitecare');
    expect(en.subject).toBe('You are invited to JJ Media (demo) on Sitecare');
    expect(sv.from?.text).toContain('no-reply@jj-media.example.com');
    expect(sv.text).toContain('Hej Svea Svensk!');
    expect(sv.html).toContain('<html lang="sv">');
    const link = /(https?:\/\/\S+\/#\/invitation\/\S+)/.exec(sv.text!)![1];
    expect(sv.html).toContain(link);
    const res = await fetch(`${demo.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: TokenPasswordInput!) { invitationAccept(input: $i) { role } }',
        variables: { i: { token: link.split('/').pop(), password: 'a password from the mail' } },
      }),
    });
    expect(((await res.json()) as { data: unknown }).data).toEqual({ invitationAccept: { role: 'EMPLOYEE' } });
    const [row] = await queryAs(
      demo.db.superuserUrl,
      `select status, sent_at, attempts from outbox_messages where recipient = 'svensk@jj-media.example.com'`,
    );
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, sent_at: expect.any(Date) });
  });

  it('two server processes send each message exactly once', async () => {
    const viaFirst = await as(demo.url, 'nordvik-webbyra', 'ADMIN');
    const viaSecond = await as(second.url, 'nordvik-webbyra', 'ADMIN');
    const addresses = Array.from({ length: 6 }, (_, i) => `twice${i}@nordvik.example.com`);
    await Promise.all(
      addresses.map((email, i) =>
        (i % 2 ? viaSecond : viaFirst).ok(INVITE, { i: { email, name: `Person ${i}`, role: 'CONTRACTOR' } }),
      ),
    );
    await smtp.waitFor(6, (m) => /twice\d@/.test(JSON.stringify(m.to)));
    await new Promise((r) => setTimeout(r, 1500)); // time for any duplicate to arrive
    for (const email of addresses) expect(smtp.received.filter(to(email))).toHaveLength(1);
  });
});
