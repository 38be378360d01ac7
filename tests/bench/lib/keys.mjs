// `--keys compare` (issue 26): the same data on the old keys (primary keys `(id)`, migration
// tenant_keys taken back) and the new ones (`(tenant_id, id)`, applied), switched back and forth with
// the owner's migrator while the servers are idle. After each switch: ANALYZE, and a check of the
// catalog that the database is in the state asked for.
import { fromServer } from './database.mjs';

export const KEY_STATES = ['old', 'new'];

/**
 * The agency tables' primary keys as the migration leaves them: `(id)` before it, `(tenant_id, id)`
 * after (the migration changes only primary keys that were exactly `(id)`), and customers_pkey's
 * column count (1 or 2).
 */
export async function readKeyState(client, agencyLess) {
  const [row] = (
    await client.query(
      `select (select indnatts from pg_index where indexrelid = 'public.customers_pkey'::regclass)::int as customers_pkey,
              count(*) filter (where pg_get_constraintdef(con.oid) = 'PRIMARY KEY (id)')::int as plain,
              count(*) filter (where pg_get_constraintdef(con.oid) = 'PRIMARY KEY (tenant_id, id)')::int as led
         from pg_constraint con join pg_class c on c.oid = con.conrelid
        where con.contype = 'p' and c.relnamespace = 'public'::regnamespace and c.relname <> all ($1::text[])
          and exists (select 1 from pg_attribute a
                       where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`,
      [agencyLess],
    )
  ).rows;
  const state =
    row.customers_pkey === 1 && row.led === 0 && row.plain > 0
      ? 'old'
      : row.customers_pkey === 2 && row.plain === 0 && row.led > 0
        ? 'new'
        : 'mixed';
  const text =
    `customers_pkey has ${row.customers_pkey} column${row.customers_pkey === 1 ? '' : 's'}; ` +
    `primary keys (id): ${row.plain}, (tenant_id, id): ${row.led}`;
  return { state, text, ...row };
}

/**
 * Opens the owner's ORM for the migrator and checks that the database starts on the new keys (the
 * server migrated up). `switchTo('old' | 'new')` takes migration tenant_keys back or applies it, runs
 * ANALYZE on the whole database, and throws unless the catalog then shows the state asked for.
 */
export async function keySwitcher({ ownerUrl, admin, log }) {
  const { initOrm } = fromServer('db/orm.js');
  const { TENANT_KEYS_MIGRATION, AGENCY_LESS_TABLES } = fromServer('db/tenant-keys.js');
  const agencyLess = Object.keys(AGENCY_LESS_TABLES);
  const orm = await initOrm(ownerUrl, { logger: () => undefined });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await orm.close(true);
  };
  const initial = await readKeyState(admin, agencyLess);
  if (initial.state !== 'new') {
    await close();
    throw new Error(`--keys compare: the database should start on the new keys, but ${initial.text}`);
  }
  log(`keys: starting on the new keys (${initial.text})`);
  const switcher = {
    current: 'new',
    /** Each switch: to which state, the migration's and ANALYZE's milliseconds. */
    switches: [],
    close,
    async switchTo(to) {
      if (!KEY_STATES.includes(to)) throw new Error(`unknown key state ${to}`);
      const migrator = orm.getMigrator();
      let t0 = Date.now();
      const done =
        to === 'old'
          ? await migrator.down({ migrations: [TENANT_KEYS_MIGRATION] })
          : await migrator.up({ migrations: [TENANT_KEYS_MIGRATION] });
      if (done.length !== 1)
        throw new Error(`switching to the ${to} keys: the migrator ran ${JSON.stringify(done.map((m) => m.name))}`);
      const migrateMs = Date.now() - t0;
      t0 = Date.now();
      // The migration rebuilt the keys' indexes: fresh statistics in both states alike.
      await admin.query('analyze');
      const analyzeMs = Date.now() - t0;
      const found = await readKeyState(admin, agencyLess);
      if (found.state !== to) throw new Error(`switched to the ${to} keys, but ${found.text}`);
      switcher.current = to;
      switcher.switches.push({ to, migrateMs, analyzeMs });
      log(
        `keys: ${to} (migration ${to === 'old' ? 'down' : 'up'} ${migrateMs} ms, ANALYZE ${analyzeMs} ms; ${found.text})`,
      );
    },
  };
  return switcher;
}
