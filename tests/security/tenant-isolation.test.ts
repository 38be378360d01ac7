// Tenant isolation in two walls, tested from outside (HTTP) and from inside (the database roles).
import { getNamedType } from 'graphql';
import { Client } from 'pg';
import { entities } from '../../server/src/modules';
import { initOrm } from '../../server/src/db/orm';
import { roleFacts } from '../../server/src/db/roles';
import { queryAs } from '../../server/src/testing/database';
import { as, errorCode, withoutRequestIds } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { ABSENT_ID, callFor, operations } from '../support/schema-calls';

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

describe("S8: another tenant's id is NOT_FOUND, exactly like an id that does not exist", () => {
  const entityNames = entities.map((e) => e.name).sort((a, b) => b.length - a.length);
  /** The entity an operation addresses: its return type, or the entity its name starts with (siteCredentialReveal). */
  const entityOf = (fieldName: string, returnType: string) =>
    entityNames.includes(returnType)
      ? returnType
      : entityNames.find((e) => fieldName.startsWith(e[0].toLowerCase() + e.slice(1)));
  const byId = operations
    .filter((op) => op.field.args.some((a) => a.name === 'id'))
    .map((op) => ({ ...op, typeName: entityOf(op.field.name, getNamedType(op.field.type).name) ?? '?' }));
  it('covers every operation that takes an id (generated from the schema)', () => {
    expect(byId.length).toBeGreaterThan(0);
    for (const op of byId)
      expect({ op: op.field.name, entity: op.typeName }).toEqual({
        op: op.field.name,
        entity: expect.not.stringMatching(/^\?$/),
      });
  });

  for (const op of byId) {
    it(`S8: ${op.kind} ${op.field.name} with tenant B's ${op.typeName} id`, async () => {
      const tableName = tables.get(op.typeName);
      const nordvik = await tenantId('nordvik-webbyra');
      const [row] = await sql(`select id from ${tableName} where tenant_id = $1 limit 1`, [nordvik]);
      expect(row).toBeDefined(); // the demo must hold one of each type in tenant B, or this test covers nothing
      const admin = await as(demo.url, 'jj-media', 'ADMIN');
      const other = callFor(op, { id: row.id });
      const absent = callFor(op, { id: ABSENT_ID });
      const otherRes = await admin.gql(other.query, other.variables);
      const absentRes = await admin.gql(absent.query, absent.variables);
      expect(errorCode(otherRes)).toBe('NOT_FOUND');
      expect(withoutRequestIds(otherRes)).toEqual(withoutRequestIds(absentRes));
    });
  }
});

describe("S9: one tenant's lists do not move when another tenant grows", () => {
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
