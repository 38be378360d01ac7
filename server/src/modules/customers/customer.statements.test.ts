// A list page costs a constant number of SQL statements, whatever its page size: nested relations
// come through per-request DataLoaders, never one query per row (N+1).
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../../config';
import { initOrm } from '../../db/orm';
import { createHttpApp, type HttpApp } from '../../http';
import { queryAs, type TestDatabase } from '../../testing/database';
import { createDemoDatabase } from '../../testing/demo';
import { TEST_CREDENTIALS_KEY } from '../../testing/env';

describe('statements per list page', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let http: HttpApp;
  let url: string;
  let cookie = '';
  let statements: string[] = [];

  beforeAll(async () => {
    db = await createDemoDatabase();
    // 120 more customers with two contacts and two sites each, so a page of 100 is full.
    await queryAs(
      db.superuserUrl,
      `with t as (select id from tenants where slug = 'jj-media'),
            c as (insert into customers (id, tenant_id, name, billing_country)
                  select gen_random_uuid(), t.id, 'Load customer ' || lpad(g::text, 3, '0'), 'SE' from t, generate_series(1, 120) g
                  returning id, tenant_id, name),
            k as (insert into contacts (id, tenant_id, customer_id, name, email, social_identities)
                  select gen_random_uuid(), c.tenant_id, c.id, 'Contact ' || n, 'contact' || n || '.' || c.id || '@example.com', '[]'
                  from c, generate_series(1, 2) n returning id)
       insert into sites (id, tenant_id, customer_id, domain, platform, production_url)
       select gen_random_uuid(), c.tenant_id, c.id, 's' || n || '-' || c.id || '.example.com', 'WORDPRESS', 'https://example.com'
       from c, generate_series(1, 2) n`,
    );
    // And 120 tickets with three messages each.
    await queryAs(
      db.superuserUrl,
      `with c as (select c.id, c.tenant_id from customers c join tenants t on t.id = c.tenant_id where t.slug = 'jj-media' limit 40),
            t as (insert into support_tickets (id, tenant_id, subject, customer_id, status, priority, channel, first_response_due_at, password_flagged)
                  select gen_random_uuid(), c.tenant_id, 'Load ticket ' || g, c.id, 'OPEN', 'NORMAL', 'PORTAL', now() + interval '1 day', false
                  from c, generate_series(1, 3) g returning id, tenant_id)
       insert into ticket_messages (id, tenant_id, ticket_id, body, internal, password_hints)
       select gen_random_uuid(), t.tenant_id, t.id, 'Message ' || n, false, '[]' from t, generate_series(1, 3) n`,
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
    const login = await post(
      'mutation { login(input: { email: "erik@jj-media.example.com", password: "sitecare-demo-2026" }) { role } }',
    );
    expect(login.errors).toBeUndefined();
  });
  afterAll(async () => {
    await http?.close();
    await orm?.close(true);
    await db?.drop();
  });

  async function post(query: string, variables?: Record<string, unknown>) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('sc_session=') && !c.startsWith('sc_session=;'));
    if (set) cookie = set.split(';')[0];
    return (await res.json()) as { data: Record<string, unknown>; errors?: unknown[] };
  }

  async function count(query: string, take: number): Promise<{ statements: number; rows: number }> {
    // Once unmeasured: the first query of a session takes the session's long way (graphql/sql).
    await post(query, { take });
    statements = [];
    const body = await post(query, { take });
    expect(body.errors).toBeUndefined();
    const list = Object.values(body.data)[0] as { nodes: unknown[] };
    return { statements: statements.length, rows: list.nodes.length };
  }

  it('the customer list with contacts and sites costs the same for 10 and 100 rows', async () => {
    const query = `query($take: Int!) { customers(page: { take: $take }) { totalCount nodes {
      id name contacts { id name email phone } sites { id domain status customer { id name } } } } }`;
    const small = await count(query, 10);
    const large = await count(query, 100);
    expect(small.rows).toBe(10);
    expect(large.rows).toBe(100);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(10);
    console.log(
      `customer list (contacts, sites, site.customer): ${small.statements} statements for 10 rows and for 100`,
    );
  });

  it("the customer list with each customer's latest orders, and sites' orders and open tickets, costs the same for 10 and 100 rows", async () => {
    const query = `query($take: Int!) { customers(page: { take: $take }) { totalCount nodes {
      id latestOrders { id number } sites { id latestOrders { id } openTickets { id latestMessages { id body } } } } } }`;
    const small = await count(query, 10);
    const large = await count(query, 100);
    expect(large.rows).toBe(100);
    expect(large.statements).toBe(small.statements);
    console.log(
      `customer list (latest orders, sites' orders and open tickets): ${small.statements} statements for 10 rows and for 100`,
    );
  });

  it('the ticket list with customer, site, assignee and messages costs the same for 10 and 100 rows', async () => {
    const query = `query($take: Int!) { supportTickets(page: { take: $take }) { totalCount nodes {
      id subject status customer { id name } site { id domain } assignee { id name } messages { id body author { id name } } } } }`;
    const small = await count(query, 10);
    const large = await count(query, 100);
    expect(large.rows).toBe(100);
    expect(large.statements).toBe(small.statements);
    console.log(
      `ticket list (customer, site, assignee, messages, authors): ${small.statements} statements for 10 rows and for 100`,
    );
  });

  it('the site list with customer, contacts, assignments, backups and credentials costs the same for 10 and 100 rows', async () => {
    const query = `query($take: Int!) { sites(page: { take: $take }) { totalCount nodes {
      id domain customer { id name contacts { id email } } assignments { id active user { id name } }
      backups { id takenAt } credentials { id label } } } }`;
    const small = await count(query, 10);
    const large = await count(query, 100);
    expect(large.rows).toBe(100);
    expect(large.statements).toBe(small.statements);
    console.log(
      `site list (customer, contacts, assignments, backups, credentials): ${small.statements} statements for 10 rows and for 100`,
    );
  });

  it("the contact list with each contact's customer costs the same for 10 and 100 rows", async () => {
    const query = `query($take: Int!) { contacts(page: { take: $take }) { totalCount nodes {
      id name email customer { id name } } } }`;
    const small = await count(query, 10);
    const large = await count(query, 100);
    expect(large.rows).toBe(100);
    expect(large.statements).toBe(small.statements);
    console.log(`contact list (customer): ${small.statements} statements for 10 rows and for 100`);
  });
});
