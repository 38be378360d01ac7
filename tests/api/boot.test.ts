import { createTestDatabase, queryAs, type TestDatabase } from '../../server/src/testing/database';
import { ALL_TICK_QUEUES, TICKET_SLA_QUEUE } from '../../server/src/jobs/queue-names';
import { runSitecare, startSitecareProcess, type SitecareProcess } from '../support/sitecare-process';
import { eventually } from '../support/wait';

describe('boot over real HTTP (server/dist/main.js on DATABASE_URL)', () => {
  let db: TestDatabase;
  let app: SitecareProcess;

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    app = await startSitecareProcess({ ...db.env, NODE_ENV: 'development', SITECARE_DEMO: 'true' });
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('migrates the empty database and loads the demo data, saying so in the banner', () => {
    expect(app.output()).toMatch(/Migrations applied: Migration\d+_initial/);
    expect(app.output()).toContain('JJ Media (demo)');
  });

  it('answers /healthz (an alias of /readyz) with 200 and the status of each part', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok', jobs: 'ok' });
  });

  it('answers a GraphQL query', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { status database version } }' }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      data: { health: { status: 'ok', database: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) } },
    });
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });

  it('serves the dashboard at / and at client-side routes', async () => {
    for (const route of ['/', '/some/client/route']) {
      const res = await fetch(`${app.url}${route}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const html = await res.text();
      expect(html).toContain('<div id="root"');
      const script = /<script[^>]+src="([^"]+\.js)"/.exec(html);
      expect(script).not.toBeNull();
      const js = await fetch(`${app.url}${script![1]}`);
      expect(js.status).toBe(200);
      expect(js.headers.get('content-type')).toContain('javascript');
    }
  });

  it('shuts down cleanly on SIGTERM (exit code 0)', async () => {
    const second = await startSitecareProcess({ ...db.env, SITECARE_DEMO: 'true' });
    expect(second.output()).not.toContain('Demo data loaded');
    expect(second.output()).not.toContain('Migrations applied');
    expect(await second.stop('SIGTERM')).toBe(0);
    expect(second.output()).toContain('"msg":"shutting down"');
  });
});

describe('a production start with missing configuration', () => {
  it('stops at boot with a message naming each missing variable', async () => {
    const run = runSitecare({ NODE_ENV: 'production' });
    expect(await run.exited).toBe(78);
    for (const name of ['DATABASE_URL', 'SESSION_SECRET', 'CREDENTIALS_KEY', 'PUBLIC_URL']) {
      expect(run.output()).toContain(`${name}: is required in production`);
    }
  });
});

describe('a job queue left by pg-boss 10', () => {
  it('M24: is replaced at start by the current one (pg-boss 12 migrates only from 11), and the server is ready', async () => {
    const db = await createTestDatabase();
    try {
      // What pg-boss 10.4 left behind: its schema at version 24.
      await queryAs(db.ownerUrl, `create schema pgboss; create table pgboss.version (version int primary key)`);
      await queryAs(db.ownerUrl, `insert into pgboss.version values (24)`);
      const app = await startSitecareProcess({ ...db.env });
      try {
        expect(app.output()).toContain('replaced an old pg-boss schema');
        const ready = await fetch(`${app.url}/readyz`);
        expect(await ready.json()).toMatchObject({ status: 'ok', jobs: 'ok' });
        const [{ version }] = await queryAs<{ version: number }>(
          db.ownerUrl,
          'select max(version)::int as version from pgboss.version',
        );
        expect(version).toBeGreaterThanOrEqual(25);
      } finally {
        await app.stop();
      }
    } finally {
      await db.drop();
    }
  });
});

describe('the frequent jobs', () => {
  it("M24: an earlier version's per-minute cron rows of them are removed at start; the tick sends them instead", async () => {
    const db = await createTestDatabase();
    try {
      const first = await startSitecareProcess({ ...db.env, LOG_LEVEL: 'warn' });
      await first.stop();
      // What the previous version scheduled: pg-boss's per-minute cron for each frequent job.
      await queryAs(
        db.ownerUrl,
        `insert into pgboss.schedule (name, cron) select name, '* * * * *' from pgboss.queue where name = any($1)`,
        [ALL_TICK_QUEUES],
      );
      const app = await startSitecareProcess({ ...db.env, LOG_LEVEL: 'warn' });
      try {
        const scheduled = await queryAs(db.ownerUrl, `select name from pgboss.schedule where name = any($1)`, [
          ALL_TICK_QUEUES,
        ]);
        expect(scheduled).toEqual([]);
        // The ticket SLA job still runs, sent by the tick.
        await eventually(
          () =>
            queryAs<{ n: number }>(
              db.ownerUrl,
              `select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'`,
              [TICKET_SLA_QUEUE],
            ),
          ([{ n }]) => n > 0,
          { what: 'a completed ticket SLA job' },
        );
      } finally {
        await app.stop();
      }
    } finally {
      await db.drop();
    }
  });
});
