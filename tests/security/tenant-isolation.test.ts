// Tenant isolation in two walls, tested from outside (HTTP) and from inside (the database roles).
import { getNamedType, isListType, isNonNullType, isObjectType, isScalarType, type GraphQLOutputType } from 'graphql';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { entities } from '../../server/src/modules';
import { initOrm } from '../../server/src/db/orm';
import { roleFacts } from '../../server/src/db/roles';
import { queryAs } from '../../server/src/testing/database';
import { ALL_TICK_QUEUES } from '../../server/src/jobs/queue-names';
import type { DemoRole } from '@sitecare/seeds';
import { FIELD_PERMISSIONS, PERMISSIONS, ROLES, mayReach, type Audience } from '@sitecare/schema';
import { ApiClient, as, demoEmail, errorCode, withoutRequestIds, type GraphQLResponse } from '../support/api-client';
import { runCli, startDemoApp, type DemoApp } from '../support/demo-app';
import { eventually } from '../support/wait';
import {
  ABSENT_ID,
  callFor,
  countingSelection,
  idLocations,
  isEmptyResult,
  operations,
  withValueAt,
  type Operation,
} from '../support/schema-calls';

let demo: DemoApp;
/** Entity (GraphQL type) name → table, from the ORM's own metadata. */
const tables = new Map<string, string>();
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);
beforeAll(async () => {
  demo = await startDemoApp();
  // Sessions are made by logins, not seeded: one in tenant B for sessionEnd's case (issue 20).
  await as(demo.url, 'nordvik-webbyra', 'EMPLOYEE');
  const orm = await initOrm(demo.db.ownerUrl, { logger: () => undefined, connect: false });
  for (const meta of Object.values(orm.getMetadata().getAll())) tables.set(meta.className, meta.tableName);
  await orm.close(true);
});
afterAll(() => demo?.stop());

/** Tables whose rows belong to a tenant: every table with a tenant_id column, and tenants itself. */
async function tenantTables(): Promise<string[]> {
  const rows = await sql<{ table_name: string }>(
    `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by 1`,
  );
  return [...rows.map((r) => r.table_name), 'tenants'];
}

const tenantId = async (slug: string) => (await sql(`select id from tenants where slug = $1`, [slug]))[0].id as string;

/** Fields with a rule of their own (FIELD_PERMISSIONS) are read only by the roles it lists. */
const mayReadField = (coordinate: string, role: DemoRole) => {
  const roles = (FIELD_PERMISSIONS as Record<string, readonly string[]>)[coordinate];
  return !roles || roles.includes(role);
};
const audienceOf = (op: Operation): Audience | undefined =>
  (PERMISSIONS as Record<string, { audience: Audience }>)[op.coordinate]?.audience;
/**
 * One row of an entity in a tenant (the demo must hold one in both tenants, or a test covers nothing);
 * `where` narrows it by entity, for calls whose other ids only count in some state.
 */
const rowOf = async (entity: string, slug: string, where: Record<string, string> = {}): Promise<string> => {
  const [row] = await sql(
    `select id from ${tables.get(entity)} where tenant_id = $1 and (${where[entity] ?? 'true'}) order by id limit 1`,
    [await tenantId(slug)],
  );
  expect({ entity, slug, row: Boolean(row) }).toEqual({ entity, slug, row: true });
  return row.id;
};
/**
 * Calls whose other ids must be rows in some state or relation before the checked id is read at all
 * (a rectification's contact only on a rectification request being worked on; a refund's lines only
 * on a paid order). Without these, the call is refused for the other row and proves nothing.
 */
const ROW_FOR: Record<string, Record<string, string>> = {
  // A disclosure is made by staff.
  'Mutation.disclosureCreate': { User: `role in ('ADMIN', 'EMPLOYEE')` },
  'Mutation.orderRefund': { Order: `status = 'PAID'` },
  'Mutation.privacyRequestStart': { PrivacyRequest: `status = 'IDENTITY_VERIFIED'` },
  // A ticket's site must be its customer's.
  'Mutation.supportTicketCreate': {
    Customer: `id in (select customer_id from sites)`,
    Site: `customer_id = (select c.id from customers c where c.tenant_id = sites.tenant_id
             and c.id in (select customer_id from sites) order by c.id limit 1)`,
  },
  'Mutation.privacyRequestComplete': {
    PrivacyRequest: `type = 'RECTIFICATION' and status in ('IDENTITY_VERIFIED', 'IN_PROGRESS')`,
  },
};
const outcome = (res: GraphQLResponse) => ({ data: res.data ?? null, errors: withoutRequestIds(res) });

const entityNames = entities.map((e) => e.name).sort((a, b) => b.length - a.length);
const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
/** Id fields named for the person's role rather than the entity: they hold a user's id. */
const PERSON_ROLES: Record<string, string> = {
  assignee: 'User',
  disclosedBy: 'User',
  actorUser: 'User',
  entity: 'User',
};
/**
 * The entity an id addresses. `id` (an argument or an input's own id): the operation's return type,
 * or the entity its name starts with (siteCredentialReveal). `fooId`: the entity Foo, or the one
 * whose name ends with it (`ticketId` → SupportTicket, `requestId` → PrivacyRequest).
 */
const entityOf = (op: Operation, name: string) => {
  if (name === 'id') {
    const returnType = getNamedType(op.field.type).name;
    return entityNames.includes(returnType)
      ? returnType
      : entityNames.find((e) => op.field.name.startsWith(e[0].toLowerCase() + e.slice(1)));
  }
  const stem = name.replace(/Ids?$/, '');
  if (PERSON_ROLES[stem]) return PERSON_ROLES[stem];
  return entityNames.find((e) => e === capital(stem)) ?? entityNames.find((e) => e.endsWith(capital(stem)));
};
describe("S8: another tenant's id is NOT_FOUND, exactly like an id that does not exist", () => {
  /** A role that may call the operation: the admin where allowed, else the first role listed. */
  const viewerRole = (op: Operation): DemoRole => {
    const audience = audienceOf(op);
    return Array.isArray(audience) && !audience.includes('ADMIN') ? audience[0] : 'ADMIN';
  };
  /** Every (operation, id location) pair of the schema, with the entity each id of the call addresses. */
  const cases = operations.flatMap((op) => {
    const locations = idLocations(op).map((l) => ({ ...l, entity: entityOf(op, l.name) ?? '?' }));
    return locations.map((target) => ({ op, target, locations }));
  });

  it('covers every id an operation takes, under any name and inside input objects (generated from the schema)', () => {
    const names = new Set(cases.map((c) => c.target.name));
    for (const name of ['id', 'contactId', 'siteId', 'ticketId', 'requestId', 'customerId', 'orderLineId'])
      expect(names).toContain(name);
    expect(cases.some((c) => c.target.path.length > 1)).toBe(true); // ids inside input objects
    for (const { op, target } of cases)
      expect({ op: op.field.name, at: target.path.join('.'), entity: target.entity }).toEqual({
        op: op.field.name,
        at: target.path.join('.'),
        entity: expect.not.stringMatching(/^\?$/),
      });
  });

  for (const { op, target, locations } of cases) {
    const at = target.path.join('.');
    it(`S8: ${op.kind} ${op.field.name} with tenant B's ${target.entity} id at ${at}`, async () => {
      const viewer = await as(demo.url, 'jj-media', viewerRole(op));
      // Every other id of the call is a valid row of tenant A, so only tenant B's id can be what fails.
      let variables = callFor(op, { agency: 'jj-media' }).variables;
      for (const other of locations)
        if (other !== target)
          variables = withValueAt(
            op,
            variables,
            other.path,
            await rowOf(other.entity, 'jj-media', ROW_FOR[op.coordinate]),
          );
      const call = () => callFor(op, {}, countingSelection(op.field.type)).query;
      const otherId = await rowOf(target.entity, 'nordvik-webbyra');
      const otherRes = await viewer.gql(call(), withValueAt(op, variables, target.path, otherId));
      const absentRes = await viewer.gql(call(), withValueAt(op, variables, target.path, ABSENT_ID));
      // Tenant B's id answers exactly what an id that does not exist answers: no data of B, no hint.
      // (An error may repeat the id the caller sent; that tells nothing, so the id itself is masked.)
      const masked = (res: GraphQLResponse, id: string) =>
        JSON.parse(JSON.stringify(outcome(res)).replaceAll(id, '<id>'));
      expect(masked(otherRes, otherId)).toEqual(masked(absentRes, ABSENT_ID));
      // And that answer is a refusal of this id, not of something else in the call: NOT_FOUND, a typed
      // error naming the id's field (or an input field on its way: `lines` for `input.lines.orderLineId`),
      // or (where the id only filters a list) an empty result.
      const answer = absentRes.errors
        ? errorCode(absentRes) === 'NOT_FOUND'
          ? { code: 'NOT_FOUND' }
          : { code: errorCode(absentRes), field: absentRes.errors[0].extensions?.field }
        : { empty: isEmptyResult(absentRes.data?.[op.field.name]) };
      const refusals: object[] = [
        { code: 'NOT_FOUND' },
        { code: 'BAD_USER_INPUT', field: target.name },
        { code: 'BAD_USER_INPUT', field: at },
        { code: 'BAD_USER_INPUT', field: target.path.slice(1).join('.') },
        ...target.path.slice(1).map((field) => ({ code: 'BAD_USER_INPUT', field })),
      ];
      if (op.kind === 'query') refusals.push({ empty: true });
      expect({ at, answer, refused: refusals.some((r) => isDeepStrictEqual(r, answer)) }).toEqual({
        at,
        answer,
        refused: true,
      });
    });
  }
});

describe("S9: one tenant's lists do not move when another tenant grows", () => {
  /** Every query that lists or counts: a list result, or an object with a list or an Int (count, total) in it. */
  const counts = (type: GraphQLOutputType, depth = 2): boolean => {
    const t = isNonNullType(type) ? type.ofType : type;
    if (isListType(t)) return true;
    const named = getNamedType(t);
    return (
      isObjectType(named) &&
      depth > 0 &&
      Object.values(named.getFields()).some(
        (f) =>
          getNamedType(f.type).name === 'Int' || (!isScalarType(getNamedType(f.type)) && counts(f.type, depth - 1)),
      )
    );
  };
  // Queries that take a required id address one row or one row's children: S8 covers those.
  const listing = operations.filter(
    (op) => op.kind === 'query' && counts(op.field.type) && !idLocations(op).some((l) => l.required),
  );
  /** The calls each role may make, for the largest page, selecting what each role may read. */
  const callsOf = async (role: DemoRole) => {
    const calls: Array<{ key: string; query: string; variables: Record<string, unknown> }> = [];
    for (const op of listing.filter((o) => mayReach(audienceOf(o) ?? [], role))) {
      const { variables } = callFor(op, { agency: 'jj-media', page: { take: 100 } });
      const query = callFor(
        op,
        {},
        countingSelection(op.field.type, 2, (c) => mayReadField(c, role)),
      ).query;
      calls.push({ key: `${role} ${op.field.name}`, query, variables });
    }
    return calls;
  };
  /** Every object with an id in a result, with its GraphQL type. */
  const identified = (value: unknown, found: Array<{ id: string; type: string }> = []) => {
    if (Array.isArray(value)) for (const v of value) identified(v, found);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.id === 'string') found.push({ id: o.id, type: String(o.__typename) });
      for (const v of Object.values(o)) identified(v, found);
    }
    return found;
  };
  /** Lists whose count is the number of their nodes (when all fit one page). */
  const pages = (value: unknown, found: Array<{ totalCount: number; nodes: number }> = []) => {
    if (Array.isArray(value)) for (const v of value) pages(v, found);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.totalCount === 'number' && Array.isArray(o.nodes))
        found.push({ totalCount: o.totalCount, nodes: o.nodes.length });
      for (const v of Object.values(o)) pages(v, found);
    }
    return found;
  };
  /** Each id's row: its table, tenant, and the customer, contact and site it belongs to (where it has them). */
  const rowsOf = async (ids: string[]) => {
    const columns = await sql<{ table_name: string; cols: string[] }>(
      `select table_name, array_agg(column_name::text) as cols from information_schema.columns
        where table_schema = 'public' group by table_name having bool_or(column_name = 'id')
          and (bool_or(column_name = 'tenant_id') or table_name = 'tenants')`,
    );
    const rows = new Map<string, Record<string, string | null>>();
    for (const { table_name: table, cols } of columns) {
      const col = (c: string) => (cols.includes(c) ? `${c}::text` : 'null');
      const tenant = table === 'tenants' ? 'id::text' : 'tenant_id::text';
      for (const r of await sql(
        `select id::text, '${table}' as "table", ${tenant} as tenant, ${col('customer_id')} as customer,
                ${col('contact_id')} as contact, ${col('site_id')} as site from ${table} where id::text = any($1)`,
        [ids],
      ))
        rows.set(r.id, r);
    }
    return rows;
  };

  it("S9: every list and count (generated from the schema) holds only the viewer's rows, and none moves when other agencies grow", async () => {
    expect(listing.length).toBeGreaterThan(20);
    const jj = await tenantId('jj-media');
    const viewers = new Map<DemoRole, { client: ApiClient; calls: Awaited<ReturnType<typeof callsOf>> }>();
    for (const role of ROLES)
      viewers.set(role, { client: await as(demo.url, 'jj-media', role), calls: await callsOf(role) });
    const snapshot = async () => {
      const out: Record<string, ReturnType<typeof outcome>> = {};
      for (const { client, calls } of viewers.values())
        for (const { key, query, variables } of calls) out[key] = outcome(await client.gql(query, variables));
      return out;
    };
    // Tenant A's own minute jobs (overdue first responses mail their assignee) run once first, so
    // that nothing of A moves on its own while the other agencies grow.
    await eventually(
      () =>
        sql(
          `select q.name from pgboss.queue q where q.name = any($1)
            and not exists (select 1 from pgboss.job j where j.name = q.name and j.state = 'completed')`,
          [ALL_TICK_QUEUES],
        ),
      (waiting) => waiting.length === 0,
      { timeoutMs: 120_000, intervalMs: 500, what: 'the minute jobs to have run once' },
    );
    const before = await snapshot();
    // Every call is answered (each is one its role may make), and every list counts exactly its nodes.
    for (const [key, { errors, data }] of Object.entries(before)) {
      expect({ key, errors }).toEqual({ key, errors: undefined });
      for (const page of pages(data))
        if (page.totalCount <= 100) expect({ key, ...page }).toEqual({ key, ...page, nodes: page.totalCount });
    }
    // The customer's own rows: their customer record, its contacts and sites. The contractor's: the
    // sites assigned now, and their owners.
    const [{ customer }] = await sql(
      `select c.customer_id::text as customer from users u join contacts c on c.id = u.contact_id where u.email = $1`,
      [demoEmail('jj-media', 'CUSTOMER')],
    );
    const ownContacts = (await sql(`select id::text from contacts where customer_id = $1`, [customer])).map(
      (r) => r.id,
    );
    const ownSites = (await sql(`select id::text from sites where customer_id = $1`, [customer])).map((r) => r.id);
    const assigned = await sql(
      `select s.id::text as site, s.customer_id::text as customer from site_assignments a join sites s on s.id = a.site_id
        join users u on u.id = a.user_id where u.email = $1 and a.starts_at <= now() and (a.ends_at is null or a.ends_at > now())`,
      [demoEmail('jj-media', 'CONTRACTOR')],
    );
    expect(assigned.length).toBeGreaterThan(0);
    const scope: Partial<Record<DemoRole, { customers: string[]; contacts?: string[]; sites: string[] }>> = {
      CUSTOMER: { customers: [customer], contacts: ownContacts, sites: ownSites },
      CONTRACTOR: { customers: assigned.map((a) => a.customer), sites: assigned.map((a) => a.site) },
    };
    let checked = 0;
    for (const role of ROLES) {
      const found = Object.entries(before)
        .filter(([key]) => key.startsWith(`${role} `))
        .flatMap(([key, { data }]) => identified(data).map((f) => ({ key, ...f })));
      const rows = await rowsOf([...new Set(found.map((f) => f.id))]);
      for (const { key, id, type } of found) {
        const row = rows.get(id);
        if (!row) continue; // an id of no table (a computed view)
        checked++;
        expect({ key, type, tenant: row.tenant }).toEqual({ key, type, tenant: jj });
        const own = scope[role];
        if (!own) continue;
        const mine = (what: string, value: string | null, allowed?: string[]) => {
          if (value && allowed)
            expect({ key, type, what, value, own: allowed.includes(value) }).toMatchObject({ own: true });
        };
        mine('customer', row.table === 'customers' ? id : row.customer, own.customers);
        mine('site', row.table === 'sites' ? id : row.site, own.sites);
        mine('contact', row.table === 'contacts' ? id : row.contact, own.contacts);
      }
    }
    expect(checked).toBeGreaterThan(100);
    // Other agencies grow (customers, sites, orders, payments, tickets, users of their own): nothing of
    // tenant A's lists or counts moves.
    await runCli(demo, [
      'seed:scale',
      '--tenants',
      '2',
      '--customers',
      '20',
      '--sites',
      '30',
      '--orders',
      '60',
      '--ticket-messages',
      '60',
    ]);
    expect(
      (
        await sql(
          `select count(*)::int as n from orders o join tenants t on t.id = o.tenant_id where t.slug like 'scale-%'`,
        )
      )[0].n,
    ).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });

  it("S9: tenant A's user total is unchanged after tenant B gains users, and A sees none of B", async () => {
    const admin = await as(demo.url, 'jj-media', 'ADMIN');
    const list = '{ users(page: { take: 100 }) { totalCount nodes { email } } }';
    const before = (await admin.ok(list)).users;
    const nordvik = await tenantId('nordvik-webbyra');
    for (let i = 0; i < 5; i++) {
      await sql(
        `insert into users (id, tenant_id, email, name, role) values (gen_random_uuid(), $1, $2, 'Extra', 'EMPLOYEE')`,
        [nordvik, `extra${i}@nordvik.example.com`],
      );
    }
    const after = (await admin.ok(list)).users;
    expect(after.totalCount).toBe(before.totalCount);
    expect(after.nodes.some((n: { email: string }) => n.email.endsWith('@nordvik.example.com'))).toBe(false);
  });

  it('an employee of tenant A listing users sees only tenant A', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const { users } = await employee.ok('{ users(page: { take: 100 }) { totalCount nodes { email } } }');
    const [{ n }] = await sql(
      `select count(*)::int as n from users u join tenants t on t.id = u.tenant_id where t.slug = 'jj-media'`,
    );
    expect(users.totalCount).toBe(n);
    expect(users.nodes.map((u: { email: string }) => u.email)).not.toContain('admin@nordvik.example.com');
  });

  it('a customer cannot list users; a contractor cannot change roles', async () => {
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    expect(errorCode(await customer.gql('{ users { totalCount } }'))).toBe('FORBIDDEN');
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    const [{ id }] = await sql(`select id from users where email = 'erik@jj-media.example.com'`);
    const res = await contractor.gql('mutation($id: UUID!) { userUpdate(id: $id, input: { role: ADMIN }) { role } }', {
      id,
    });
    expect(errorCode(res)).toBe('FORBIDDEN');
    const [{ role }] = await sql(`select role from users where id = $1`, [id]);
    expect(role).toBe('EMPLOYEE');
  });
});

describe('S10–S12: the database wall', () => {
  it('S10: the application role is no superuser, has no BYPASSRLS and owns no tables', async () => {
    expect(await roleFacts(demo.db.appUrl)).toMatchObject({ superuser: false, bypassRls: false, ownedTables: 0 });
  });

  it('S10: every tenant table has FORCE ROW LEVEL SECURITY and a policy with USING and WITH CHECK', async () => {
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const table of tables) {
      const [flags] = await sql(`select relrowsecurity, relforcerowsecurity from pg_class where oid = $1::regclass`, [
        table,
      ]);
      expect({ table, ...flags }).toEqual({ table, relrowsecurity: true, relforcerowsecurity: true });
      const policies = await sql(
        `select qual, with_check from pg_policies where tablename = $1 and permissive = 'PERMISSIVE'`,
        [table],
      );
      expect(policies.length).toBeGreaterThan(0);
      for (const p of policies) {
        expect(p.qual).toContain("current_setting('app.tenant_id'");
        expect(p.with_check).toContain("current_setting('app.tenant_id'");
      }
    }
  });

  it('S11: as the application role with no tenant set, every tenant table returns 0 rows (raw SQL)', async () => {
    for (const table of await tenantTables()) {
      const [{ total }] = await sql(`select count(*)::int as total from ${table}`);
      const [{ visible }] = await queryAs(demo.db.appUrl, `select count(*)::int as visible from ${table}`);
      expect({ table, visible }).toEqual({ table, visible: 0 });
      if (['users', 'tenants', 'audit_events'].includes(table)) expect(total).toBeGreaterThan(0);
    }
  });

  it("S11: inserting another tenant's tenant_id raises an error", async () => {
    const [jj, nordvik] = [await tenantId('jj-media'), await tenantId('nordvik-webbyra')];
    const client = new Client({ connectionString: demo.db.appUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query("select set_config('app.tenant_id', $1, true)", [jj]);
      await expect(
        client.query(
          `insert into users (id, tenant_id, email, name, role) values (gen_random_uuid(), $1, 'x@y.example.com', 'X', 'ADMIN')`,
          [nordvik],
        ),
      ).rejects.toThrow(/row-level security/);
      await client.query('rollback');
      // And updating a row of one's own tenant into another tenant is refused the same way.
      await client.query('begin');
      await client.query("select set_config('app.tenant_id', $1, true)", [jj]);
      await expect(client.query(`update users set tenant_id = $1`, [nordvik])).rejects.toThrow(/row-level security/);
      await client.query('rollback');
    } finally {
      await client.end();
    }
  });

  it('S12: the tenant setting does not survive its transaction', async () => {
    const client = new Client({ connectionString: demo.db.appUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query("select set_config('app.tenant_id', $1, true)", [await tenantId('jj-media')]);
      const [{ inside }] = (await client.query('select count(*)::int as inside from users')).rows;
      expect(inside).toBeGreaterThan(0);
      await client.query('commit');
      const [{ setting }] = (await client.query("select current_setting('app.tenant_id', true) as setting")).rows;
      expect(setting ?? '').toBe('');
      const [{ after }] = (await client.query('select count(*)::int as after from users')).rows;
      expect(after).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('the audit log is append-only for the application role', async () => {
    const client = new Client({ connectionString: demo.db.appUrl });
    await client.connect();
    try {
      await expect(client.query('delete from audit_events')).rejects.toThrow(/permission denied/);
      await expect(client.query("update audit_events set action = 'x'")).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });
});

describe('S12: concurrent tenants on one pooled connection', () => {
  let single: DemoApp;
  beforeAll(async () => {
    single = await startDemoApp({ DATABASE_POOL_MAX: '1' });
  });
  afterAll(() => single?.stop());

  it("S12: interleaved requests of two tenants never see each other's rows", async () => {
    const jj = await as(single.url, 'jj-media', 'ADMIN');
    const nordvik = await as(single.url, 'nordvik-webbyra', 'ADMIN');
    const query = '{ me { tenant { slug } } users(page: { take: 100 }) { nodes { email } } }';
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? nordvik : jj).ok(query).then((data) => ({ i, data }))),
    );
    for (const { i, data } of results) {
      const domain = i % 2 ? 'nordvik.example.com' : 'jj-media.example.com';
      const staff = data.users.nodes
        .map((n: { email: string }) => n.email)
        .filter((e: string) => e.includes('jj-media') || e.includes('nordvik'));
      expect(data.me.tenant.slug).toBe(i % 2 ? 'nordvik-webbyra' : 'jj-media');
      for (const email of staff) expect(email).toContain(domain);
    }
  });
});
