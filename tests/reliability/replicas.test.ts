// Two server processes on one database, the way Sitecare scales past one machine: the API processes
// keep no state of their own (sessions, throttling, the outbox and the job queue live in PostgreSQL),
// so a session opened on one is served by the other, a logout on one ends it on both, each queued mail
// is sent once although both relays run, and a scheduled job runs once per tick across both.
import { demoLogins } from '@sitecare/seeds';
import { createTestDatabase, queryAs, type TestDatabase } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { startSitecareProcess, type SitecareProcess } from '../support/sitecare-process';
import { startSmtp, type LocalSmtp } from '../support/smtp';
import { TEST_JOB_TICK_SECONDS } from '../../server/src/testing/env';

// A tick of the frequent jobs is a minute in production and a few seconds in tests
// (SITECARE_JOB_TICK_SECONDS): `pnpm test` waits for three, `pnpm test:faults` (SITECARE_FAULTS=full) for ten.
const TICKS = process.env.SITECARE_FAULTS === 'full' ? 10 : 3;
const PERIOD_MS = TEST_JOB_TICK_SECONDS * 1000;

let db: TestDatabase;
let smtp: LocalSmtp;
let a: SitecareProcess;
let b: SitecareProcess;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(db.superuserUrl, text, params);

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startSmtp();
  const env = { ...db.env, SITECARE_DEMO: 'true', SMTP_URL: smtp.url, LOG_LEVEL: 'warn' };
  // Started together: migrations and demo data run once, under the migration lock.
  [a, b] = await Promise.all([startSitecareProcess(env, 60_000), startSitecareProcess(env, 60_000)]);
}, 90_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await smtp?.close();
  await db?.drop();
});

const ME = '{ me { user { email } } }';

describe('two server processes on one database', () => {
  it('serve the same sessions: logged in on A, served by B; logged out on B, refused by A', async () => {
    expect(a.url).not.toBe(b.url);
    const onA = await as(a.url, 'jj-media', 'EMPLOYEE');
    const onB = new ApiClient(b.url);
    onB.cookie = onA.cookie;
    expect((await onB.ok(ME)).me.user.email).toBe('erik@jj-media.example.com');
    // Writes through either process land in the one database.
    const { customers } = await onB.ok('{ customers(page: { take: 1 }) { totalCount } }');
    expect((await onA.ok('{ customers(page: { take: 1 }) { totalCount } }')).customers.totalCount).toBe(
      customers.totalCount,
    );

    expect((await onB.ok('mutation { logout }')).logout).toBe(true);
    const stale = new ApiClient(a.url);
    stale.cookie = onA.cookie; // the cookie as it was before the logout
    expect(errorCode(await stale.gql(ME))).toBe('UNAUTHENTICATED');
  });

  it('send each queued mail exactly once although both mail relays run', async () => {
    const users = demoLogins().map((l) => l.email);
    // Half of the reset requests through A, half through B: each commits an outbox row and wakes both relays.
    for (const [i, email] of users.entries()) {
      const res = await new ApiClient(i % 2 ? b.url : a.url).gql(
        'mutation($i: PasswordResetRequestInput!) { passwordResetRequest(input: $i) }',
        { i: { email } },
      );
      expect(res.errors).toBeUndefined();
    }
    const isReset = (m: { to?: unknown; text?: string }) =>
      /\/password-reset\//.test(m.text ?? '') && users.some((u) => JSON.stringify(m.to).includes(u));
    await smtp.waitFor(users.length, isReset, 30_000);
    await new Promise((r) => setTimeout(r, 3_000)); // room for a duplicate to show up
    const mails = smtp.received.filter(isReset);
    expect(mails).toHaveLength(users.length);
    const links = new Set(mails.map((m) => /\/password-reset\/(\S+)/.exec(m.text!)![1]));
    expect(links.size).toBe(users.length);
    for (const user of users) expect(mails.filter((m) => JSON.stringify(m.to).includes(user))).toHaveLength(1);
    const rows = await sql<{ status: string; attempts: number }>(
      `select status, attempts from outbox_messages where template = 'user.password_reset'`,
    );
    expect(rows).toHaveLength(users.length);
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
  }, 60_000);

  it(
    `M24: run a scheduled job once per tick across both processes (${TICKS} ticks of ${TEST_JOB_TICK_SECONDS} s)`,
    async () => {
      // The mail sweep runs every tick; both processes send it, the queue's throttle slot (one per period)
      // keeps one job per tick however many processes send it, and SKIP LOCKED lets only one of them run
      // it. So there are at most (period boundaries since the first sweep job) + 1 sweep jobs, each run
      // to completion once; a job per process and tick would double them.
      const sweeps = async () =>
        (
          await sql<{ jobs: number; completed: number; boundaries: number }>(
            `select count(*)::int as jobs, count(*) filter (where state = 'completed')::int as completed,
                  (floor(extract(epoch from now()) * 1000 / $1)
                   - floor(extract(epoch from min(created_on)) * 1000 / $1))::int as boundaries
             from pgboss.job where name = 'mail.sweep'`,
            [PERIOD_MS],
          )
        )[0];
      const deadline = Date.now() + (TICKS + 2) * PERIOD_MS + 30_000;
      while ((await sweeps()).completed < TICKS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
      await new Promise((r) => setTimeout(r, PERIOD_MS + 2_000)); // room for a second process's duplicate to show up
      const seen = await sweeps();
      console.log(
        `ticks: ${seen.jobs} mail.sweep jobs (${seen.completed} completed) across both processes over ${seen.boundaries} boundaries of ${TEST_JOB_TICK_SECONDS} s`,
      );
      expect(seen.completed).toBeGreaterThanOrEqual(TICKS);
      expect(seen.jobs).toBeLessThanOrEqual(seen.boundaries + 1);
      const runs = await sql<{ retries: number }>(
        `select retry_count::int as retries from pgboss.job where name = 'mail.sweep' and state = 'completed'`,
      );
      expect(runs.every((r) => r.retries === 0)).toBe(true);
    },
    (TICKS + 2) * PERIOD_MS + 60_000,
  );
});
