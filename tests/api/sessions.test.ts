// Issue 20, sessions you can see (S20): each user lists their live sessions (browser and device from
// the user agent, the address truncated, started, last seen, "this session") and ends any of them;
// admins end all sessions of a user (audited); a login from a browser the user has not used before
// mails them once. Over real HTTP against the built server and the demo data.
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, demoEmail, errorCode, type GraphQLResponse } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const CHROME_WINDOWS_NEXT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const SESSIONS = 'query { mySessions { id browser os device place startedAt lastSeenAt current } }';
const END = 'mutation($id: UUID!) { sessionEnd(id: $id) }';
const END_ALL = 'mutation($id: UUID!) { userSessionsEnd(id: $id) }';
const ME = 'query { me { user { email } } }';

interface SessionRow {
  id: string;
  browser: string | null;
  os: string | null;
  device: string | null;
  place: string | null;
  startedAt: string;
  lastSeenAt: string;
  current: boolean;
}

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

async function loginAs(email: string, userAgent: string): Promise<ApiClient> {
  const client = new ApiClient(demo.url, userAgent);
  const res = await client.login(email);
  if (res.errors) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return client;
}

const sessionsOf = async (client: ApiClient): Promise<SessionRow[]> =>
  (await client.ok<{ mySessions: SessionRow[] }>(SESSIONS)).mySessions;
const isLoggedIn = async (client: ApiClient) => !(await client.gql(ME)).errors;
const userId = async (email: string) =>
  (await sql<{ id: string }>('select id from users where lower(email) = lower($1)', [email]))[0].id;
const newBrowserMails = async (email: string) =>
  sql<{ subject: string; language: string; payload: Record<string, string> }>(
    `select subject, language, payload from outbox_messages where template = 'auth.new_browser' and recipient = $1
      order by created_at`,
    [email],
  );

beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(() => demo?.stop());

describe('M14: sessions you can see (S20)', () => {
  const erik = demoEmail('jj-media', 'EMPLOYEE');

  it('M14: S20: a user lists their live sessions (browser, device, truncated address, this session) and no one else’s', async () => {
    const onChrome = await loginAs(erik, CHROME_WINDOWS);
    const onIphone = await loginAs(erik, SAFARI_IPHONE);
    // Another user's session must not show up.
    await loginAs(demoEmail('jj-media', 'ADMIN'), FIREFOX_LINUX);

    const seen = await sessionsOf(onChrome);
    expect(seen).toHaveLength(2);
    const [chrome] = seen.filter((s) => s.current);
    const iphone = seen.find((s) => !s.current)!;
    expect(chrome).toMatchObject({ browser: 'Chrome 131.0.0.0', os: 'Windows 10', current: true });
    expect(iphone).toMatchObject({ browser: 'Mobile Safari 17.5', os: 'iOS 17.5', current: false });
    expect(iphone.device).toMatch(/iPhone/);
    // The loopback address, truncated to its /24 (the raw address is never in the answer).
    expect(chrome.place).toBe('127.0.0.0');
    expect(JSON.stringify(seen)).not.toContain('127.0.0.1');
    expect(new Date(chrome.startedAt).getTime()).toBeLessThanOrEqual(new Date(chrome.lastSeenAt).getTime());
    // Each session sees itself as the current one.
    expect((await sessionsOf(onIphone)).find((s) => s.current)!.id).toBe(iphone.id);
  });

  it('M14: S20: a user ends another session of theirs: it is dead at once, audited; an unknown or foreign id is not found', async () => {
    const a = await loginAs(erik, CHROME_WINDOWS);
    const b = await loginAs(erik, FIREFOX_LINUX);
    const bId = (await sessionsOf(b)).find((s) => s.current)!.id;
    const admin = await loginAs(demoEmail('jj-media', 'ADMIN'), CHROME_WINDOWS);
    const adminSession = (await sessionsOf(admin)).find((s) => s.current)!.id;

    // Someone else's session (even the admin's, even asked by its id) is not found, and lives on.
    expect(errorCode(await a.gql(END, { id: adminSession }))).toBe('NOT_FOUND');
    expect(await isLoggedIn(admin)).toBe(true);
    expect(errorCode(await a.gql(END, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');

    expect((await a.ok<{ sessionEnd: boolean }>(END, { id: bId })).sessionEnd).toBe(true);
    expect(await isLoggedIn(b)).toBe(false);
    expect((await sessionsOf(a)).map((s) => s.id)).not.toContain(bId);
    expect(await isLoggedIn(a)).toBe(true);
    // Ending it twice: it is no longer there.
    expect(errorCode(await a.gql(END, { id: bId }))).toBe('NOT_FOUND');

    const [audit] = await sql<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'auth.session_end' and entity_id = $1
        and actor_user_id = $2`,
      [bId, await userId(erik)],
    );
    expect(audit.n).toBe(1);

    // Ending the current session is a logout.
    const aId = (await sessionsOf(a)).find((s) => s.current)!.id;
    expect((await a.ok<{ sessionEnd: boolean }>(END, { id: aId })).sessionEnd).toBe(true);
    expect(await isLoggedIn(a)).toBe(false);
  });

  it('M14: S20: a session past its idle timeout is neither listed nor resumed (one definition of a live session)', async () => {
    const a = await loginAs(erik, CHROME_WINDOWS);
    const b = await loginAs(erik, FIREFOX_LINUX);
    const bId = (await sessionsOf(b)).find((s) => s.current)!.id;
    await sql(`update sessions set last_seen_at = now() - interval '30 days' where id = $1`, [bId]);
    expect((await sessionsOf(a)).map((s) => s.id)).not.toContain(bId);
    expect(await isLoggedIn(b)).toBe(false);
  });

  it('M14: S20: an admin ends every session of a user (audited); other roles and other agencies cannot', async () => {
    const sara = 'sara@jj-media.example.com';
    const saraId = await userId(sara);
    const one = await loginAs(sara, CHROME_WINDOWS);
    const two = await loginAs(sara, SAFARI_IPHONE);

    const employee = await loginAs(erik, CHROME_WINDOWS);
    expect(errorCode(await employee.gql(END_ALL, { id: saraId }))).toBe('FORBIDDEN');
    const otherAgency = await loginAs(demoEmail('nordvik-webbyra', 'ADMIN'), CHROME_WINDOWS);
    const foreign = await otherAgency.gql(END_ALL, { id: saraId });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(await isLoggedIn(one)).toBe(true);
    expect(await isLoggedIn(two)).toBe(true);

    const adminEmail = demoEmail('jj-media', 'ADMIN');
    const admin = await loginAs(adminEmail, CHROME_WINDOWS);
    const res = (await admin.gql(END_ALL, { id: saraId })) as GraphQLResponse<{ userSessionsEnd: number }>;
    expect(res.errors).toBeUndefined();
    expect(res.data!.userSessionsEnd).toBeGreaterThanOrEqual(2);
    expect(await isLoggedIn(one)).toBe(false);
    expect(await isLoggedIn(two)).toBe(false);
    expect(await isLoggedIn(admin)).toBe(true);

    const [audit] = await sql<{ n: number; ended: number }>(
      `select count(*)::int as n, max((detail->>'ended')::int) as ended from audit_events
        where action = 'user.sessions_end' and entity_id = $1 and actor_user_id = $2`,
      [saraId, await userId(adminEmail)],
    );
    expect(audit).toEqual({ n: 1, ended: res.data!.userSessionsEnd });
  });

  it('M14: a login from a browser the user has not used before mails them once, in their language', async () => {
    // Priya (contractor at Nordvik, English) has never logged in in this database.
    const priya = demoEmail('nordvik-webbyra', 'CONTRACTOR');
    await loginAs(priya, CHROME_WINDOWS);
    // Her very first login is not "a new browser": there is nothing to compare with.
    expect(await newBrowserMails(priya)).toHaveLength(0);
    await loginAs(priya, CHROME_WINDOWS);
    // A browser update is the same browser.
    await loginAs(priya, CHROME_WINDOWS_NEXT);
    expect(await newBrowserMails(priya)).toHaveLength(0);

    await loginAs(priya, SAFARI_IPHONE);
    await loginAs(priya, SAFARI_IPHONE);
    const mails = await newBrowserMails(priya);
    expect(mails).toHaveLength(1);
    expect(mails[0].language).toBe('en');
    expect(mails[0].subject).toBe('New login at Nordvik Webbyrå (demo) – was this you?');
    expect(mails[0].payload).toMatchObject({ place: '127.0.0.0' });
    expect(mails[0].payload.browser).toContain('Mobile Safari 17.5');

    // A Swedish user gets it in Swedish.
    const oskar = demoEmail('nordvik-webbyra', 'EMPLOYEE');
    await loginAs(oskar, CHROME_WINDOWS);
    await loginAs(oskar, FIREFOX_LINUX);
    const swedish = await newBrowserMails(oskar);
    expect(swedish).toHaveLength(1);
    expect(swedish[0].language).toBe('sv');
    expect(swedish[0].subject).toMatch(/^Ny inloggning hos .* – var det du\?$/);
  });

  it('M14: the approximate place: IPv4 to its /24, IPv6 to its /48, a mapped IPv4 as IPv4, garbage as nothing', async () => {
    const rows = await sql<{ ip: string | null; place: string | null }>(
      `select ip, sitecare_truncate_ip(ip) as place from unnest($1::text[]) as ip`,
      [['203.0.113.57', '2001:db8:1:2::5', '::ffff:198.51.100.7', 'not an address', null]],
    );
    expect(rows.map((r) => r.place)).toEqual(['203.0.113.0', '2001:db8:1::', '198.51.100.0', null, null]);
  });
});
