// The consent module inside the server: the history list costs a constant number of statements
// (P13), and the personal-data source exports and erases a person's consents, the one path the
// append-only trigger lets through (S25, P26).
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../../config';
import { initOrm } from '../../db/orm';
import { systemContext, useTenant, type AppServices, type RequestContext } from '../../graphql/context';
import { createHttpApp, type HttpApp } from '../../http';
import { personalDataSources, purposeHoldings } from '../index';
import type { DataSubject } from '../../privacy/personal-data';
import { expirePurposeData } from '../../system/purpose-retention';
import { createTestDatabase, queryAs, type TestDatabase } from '../../testing/database';
import { TEST_CREDENTIALS_KEY } from '../../testing/env';
import { purgeConsentLeftovers } from './consent.retention';
import { consentSource } from './consent.source';

let db: TestDatabase;
let owner: MikroORM;
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryAs<T>(db.superuserUrl, text, params);

beforeAll(async () => {
  // A clone of the run's demo template (seeded once by globalSetup, as seedDemoIfEmpty would seed it).
  db = await createTestDatabase({ demo: true });
  owner = await initOrm(db.ownerUrl, { logger: () => undefined });
});
afterAll(async () => {
  await owner?.close(true);
  await db?.drop();
});

describe('P13: the consent history list', () => {
  let orm: MikroORM;
  let http: HttpApp;
  let url: string;
  let cookie = '';
  let statements: string[] = [];

  beforeAll(async () => {
    // 150 more events for JJ Media's contacts, so a page of 100 is full.
    await sql(
      `insert into consent_events (id, tenant_id, contact_id, subject_email, purpose_id, channel, decision, method)
       select gen_random_uuid(), c.tenant_id, c.id, lower(c.email), p.id, 'SMS', 'GRANTED', 'IMPORT'
         from contacts c join tenants t on t.id = c.tenant_id and t.slug = 'jj-media'
         join processing_purposes p on p.tenant_id = t.id, generate_series(1, 10)`,
    );
    orm = await initOrm(db.appUrl, {
      debug: ['query'],
      logger: (message: string) => {
        if (message.includes('[query]')) statements.push(message);
      },
    });
    const config = loadConfig({ SITECARE_DATA_DIR: '/tmp/sitecare-statements', CREDENTIALS_KEY: TEST_CREDENTIALS_KEY });
    http = await createHttpApp({ config, orm, logger: pino({ level: 'silent' }), appUrl: db.appUrl });
    await new Promise<void>((resolve) => http.httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.httpServer.address() as AddressInfo).port}/graphql`;
    await post(
      'mutation { login(input: { email: "erik@jj-media.example.com", password: "sitecare-demo-2026" }) { role } }',
    );
  });
  afterAll(async () => {
    await http?.close();
    await orm?.close(true);
  });

  async function post(query: string, variables?: Record<string, unknown>) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('sc_session=') && !c.startsWith('sc_session=;'));
    if (set) cookie = set.split(';')[0];
    return (await res.json()) as { data: Record<string, { nodes: unknown[] }>; errors?: unknown[] };
  }

  it('P13: the history with purpose, contact and policy version costs the same for 10 and 100 rows', async () => {
    const query = `query($take: Int!) { consentEvents(page: { take: $take }) { totalCount nodes {
      id decision purposeKey contact { id name } policyVersion { id version } } } }`;
    const count = async (take: number) => {
      statements = [];
      const body = await post(query, { take });
      expect(body.errors).toBeUndefined();
      return { statements: statements.length, rows: body.data.consentEvents.nodes.length };
    };
    const small = await count(10);
    const large = await count(100);
    expect(large.rows).toBe(100);
    expect(large.statements).toBe(small.statements);
  });
});

describe('S25: the consent source of personal data', () => {
  async function asSystem<T>(tenantSlug: string, work: (ctx: RequestContext, tenantId: string) => Promise<T>) {
    const [{ id }] = await sql<{ id: string }>('select id from tenants where slug = $1', [tenantSlug]);
    return owner.em.fork().transactional(async (em) => {
      const ctx = systemContext(em as never, { logger: pino({ level: 'silent' }) } as AppServices, 'test');
      await useTenant(ctx, id);
      return work(ctx, id);
    });
  }
  const subject = async (tenantId: string, email: string): Promise<DataSubject> => ({
    tenantId,
    email,
    contactIds: (await sql<{ id: string }>('select id from contacts where lower(email) = $1', [email])).map(
      (r) => r.id,
    ),
    userIds: [],
    soleCustomerIds: [],
    names: [],
    phones: [],
  });

  it('S25: is registered, exports the history with its proof, and erases it past the append-only trigger', async () => {
    expect(personalDataSources).toContain(consentSource);
    const email = 'olof@bageriet.example.com';
    const exported = (await asSystem('jj-media', async (ctx, tenantId) =>
      consentSource.export(ctx, await subject(tenantId, email)),
    )) as { events: Array<{ purpose: string; decision: string; ip: string }> };
    expect(exported.events).toContainEqual(
      expect.objectContaining({ purpose: 'newsletter', decision: 'GRANTED', ip: '203.0.113.20' }),
    );
    const report = await asSystem('jj-media', async (ctx, tenantId) =>
      consentSource.erase(ctx, await subject(tenantId, email)),
    );
    expect(report.deleted).toBeGreaterThanOrEqual(exported.events.length);
    expect((await sql('select count(*)::int as n from consent_events where subject_email = $1', [email]))[0].n).toBe(0);
    // The exception ended with the erasure: the history is append-only again.
    await expect(
      asSystem('jj-media', (ctx) =>
        ctx.em.execute(`delete from consent_events where subject_email = 'anna@bageriet.example.com'`),
      ),
    ).rejects.toThrow(/append-only/);
  });
});

describe('P26: retention of sign-ups and tracking', () => {
  it('P26: unconfirmed sign-ups past their link and opens older than the purpose allows are removed, audited', async () => {
    await sql(
      `insert into newsletter_signups (id, tenant_id, email, language, wording, token_hash, expires_at, created_at)
       select gen_random_uuid(), id, 'aldrig@example.com', 'sv', 'Ja', md5(random()::text), now() - interval '1 day', now() - interval '4 days'
         from tenants where slug = 'jj-media'`,
    );
    await sql(
      `insert into tracking_events (id, tenant_id, email, outbox_message_id, kind, created_at)
       select gen_random_uuid(), id, 'gammal@example.com', gen_random_uuid(), 'OPEN', now() - interval '400 days' from tenants
       union all
       select gen_random_uuid(), id, 'ny@example.com', gen_random_uuid(), 'OPEN', now() - interval '10 days' from tenants`,
    );
    expect(await purgeConsentLeftovers(owner.em.fork())).toEqual({ task: 'consents', removed: 1 });
    // Opens and clicks are the email_tracking purpose's data (the marketing module declares them).
    expect(await expirePurposeData(owner.em.fork(), purposeHoldings)).toEqual({ task: 'purposes', removed: 2 });
    const purposeAudits = await sql(
      `select detail from audit_events where action = 'retention.purpose' and entity_type = 'TrackingEvent'`,
    );
    expect(purposeAudits.map((a) => a.detail)).toEqual([
      { purpose: 'email_tracking', removed: 1 },
      { purpose: 'email_tracking', removed: 1 },
    ]);
    expect((await sql(`select email from newsletter_signups where email = 'aldrig@example.com'`)).length).toBe(0);
    expect((await sql(`select distinct email from tracking_events`)).map((r) => r.email)).toEqual(['ny@example.com']);
    // The confirmed demo sign-ups stay: they are the proof of a consent.
    expect((await sql(`select count(*)::int as n from newsletter_signups where confirmed_at is not null`))[0].n).toBe(
      2,
    );
    const audits = await sql(`select count(*)::int as n from audit_events where action like 'retention.%'`);
    expect(audits[0].n).toBeGreaterThanOrEqual(2);
  });
});
