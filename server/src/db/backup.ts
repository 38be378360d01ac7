// A logical backup of Sitecare's tables without pg_dump: the embedded PostgreSQL ships no client
// tools (and Debian 12's pg_dump 15 refuses a 17 server). Every table of the public schema is copied
// out with COPY in ONE repeatable-read snapshot, so the backup is consistent while the servers keep
// running. The file is gzip'd text in pg_dump's own plain data layout (`COPY … FROM stdin;`, rows,
// `\.`), headed by a manifest line with the applied migrations and each table's row count and checksum.
// A restore goes into a fresh database that the same Sitecare version has migrated: foreign keys are
// dropped, the rows copied in, the keys added back (which re-checks every reference), in one transaction.
// Not included: the job queue's schema (pgboss), which pg-boss recreates at start; unsent mail is
// re-queued from the outbox by the relay's sweep, and cron schedules are registered by every start.
import { SingleBar, Presets } from 'cli-progress';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

const MAGIC = '-- sitecare-backup ';
const MIGRATIONS_TABLE = 'mikro_orm_migrations';

export interface TableFacts {
  name: string;
  columns: string[];
  rows: number;
  /**
   * Equal data, equal checksum, whatever the physical order. Version 2: the sums of the two 64-bit
   * halves of each row's md5, aggregated as PostgreSQL streams the table (no value grows with it).
   * Version 1 (older backups): md5 over the rows' md5s in sorted order, one string per table, which
   * fails past PostgreSQL's 1 GB value limit.
   */
  checksum: string;
}

export interface BackupManifest {
  version: 1 | 2;
  createdAt: string;
  migrations: string[];
  tables: TableFacts[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'sitecare-backup' });
  await client.connect();
  // Text forms (timestamps) must not depend on the session; and a role that row-level security would
  // filter must fail loudly instead of backing up a part of the rows.
  await client.query(`set timezone = 'UTC'; set row_security = off`);
  return client;
}

async function tableNames(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' and tablename <> $1 order by 1`,
    [MIGRATIONS_TABLE],
  );
  return rows.map((r) => r.name);
}

async function appliedMigrations(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`select name from ${MIGRATIONS_TABLE} order by name`);
  return rows.map((r) => r.name);
}

const CHECKSUM_SQL: Record<BackupManifest['version'], (table: string) => string> = {
  1: (table) =>
    `select count(*)::int as rows, coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as checksum
       from ${table} t`,
  2: (table) =>
    `select count(*)::int as rows,
            coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0)::text || ':' ||
            coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0)::text as checksum
       from (select md5(t::text) as h from ${table} t) rows`,
};

/** Row count, checksum and columns of every table, as `client` sees them (inside its transaction). */
export async function tableFacts(client: Client, version: BackupManifest['version'] = 2): Promise<TableFacts[]> {
  const facts: TableFacts[] = [];
  for (const name of await tableNames(client)) {
    const { rows: columns } = await client.query<{ column_name: string }>(
      // Generated columns are computed by PostgreSQL: neither copied out nor restored.
      `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1
          and is_generated = 'NEVER'
        order by ordinal_position`,
      [name],
    );
    const { rows } = await client.query<{ rows: number; checksum: string }>(CHECKSUM_SQL[version](ident(name)));
    const checksum =
      version === 1 ? rows[0].checksum : createHash('md5').update(`${rows[0].rows}:${rows[0].checksum}`).digest('hex');
    facts.push({ name, columns: columns.map((c) => c.column_name), rows: rows[0].rows, checksum });
  }
  return facts;
}

/** A progress bar of rows on a terminal (stderr), none otherwise. */
function rowProgress(label: string, show: boolean) {
  const bar = show
    ? new SingleBar(
        { format: `${label} [{bar}] {percentage}% · {value}/{total} rows · {table}`, stream: process.stderr },
        Presets.shades_classic,
      )
    : undefined;
  let done = 0;
  return {
    start: (total: number) => bar?.start(total, 0, { table: '' }),
    table: (table: string) => bar?.update(done, { table }),
    rows: (count: number) => {
      done += count;
      if (bar && count) bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}

const newlines = (chunk: Buffer) => {
  let count = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) count++;
  return count;
};

/** Writes a consistent backup of the database at `ownerUrl` (a role with BYPASSRLS) to `file`. */
export async function backupDatabase(
  ownerUrl: string,
  file: string,
  { progress = process.stderr.isTTY ?? false } = {},
): Promise<BackupManifest> {
  const bar = rowProgress('backup', progress);
  const client = await connect(ownerUrl);
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file, { mode: 0o600 }));
  const write = async (chunk: string | Buffer) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  try {
    await client.query('begin isolation level repeatable read read only');
    const manifest: BackupManifest = {
      version: 2,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(client),
      tables: await tableFacts(client),
    };
    await write(`${MAGIC}${JSON.stringify(manifest)}\n`);
    bar.start(manifest.tables.reduce((sum, t) => sum + t.rows, 0));
    for (const table of manifest.tables) {
      bar.table(table.name);
      const columns = table.columns.map(ident).join(', ');
      await write(`COPY public.${ident(table.name)} (${columns}) FROM stdin;\n`);
      const rows = client.query(copyTo(`copy public.${ident(table.name)} (${columns}) to stdout`));
      for await (const chunk of rows) {
        await write(chunk as Buffer);
        bar.rows(newlines(chunk as Buffer));
      }
      await write('\\.\n');
    }
    bar.stop();
    await client.query('commit');
    gzip.end();
    await finished(out);
    return manifest;
  } catch (error) {
    bar.stop();
    gzip.destroy();
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Restores `file` into the database at `ownerUrl`, which must be migrated to the same migrations and
 * hold no rows. Everything happens in one transaction: a failure leaves the database empty.
 */
export async function restoreDatabase(
  ownerUrl: string,
  file: string,
  { progress = process.stderr.isTTY ?? false } = {},
): Promise<BackupManifest> {
  const bar = rowProgress('restore', progress);
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  // Taken at once: lines read before the iterator exists would be lost.
  const iterator = lines[Symbol.asyncIterator]();
  const client = await connect(ownerUrl);
  try {
    const first = await iterator.next();
    if (first.done || !first.value.startsWith(MAGIC)) throw new Error(`${file} is not a Sitecare backup`);
    const manifest = JSON.parse(first.value.slice(MAGIC.length)) as BackupManifest;

    const migrations = await appliedMigrations(client);
    if (migrations.join() !== manifest.migrations.join())
      throw new Error(
        'the backup was taken at other migrations than this database has: restore it with the Sitecare version that made it',
      );
    const target = new Map((await tableFacts(client, manifest.version)).map((t) => [t.name, t]));
    const occupied = [...target.values()].filter((t) => t.rows > 0).map((t) => t.name);
    if (occupied.length)
      throw new Error(`the target database is not empty (${occupied.join(', ')}): restore into a fresh one`);
    for (const table of manifest.tables) {
      if (target.get(table.name)?.columns.join() !== table.columns.join())
        throw new Error(`table ${table.name} differs between the backup and this database`);
    }

    await client.query('begin');
    // Rows go in table by table, in any order: the foreign keys are added back (and checked) afterwards.
    const { rows: keys } = await client.query<{ table: string; name: string; definition: string }>(
      `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
         from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`,
    );
    for (const key of keys) await client.query(`alter table ${key.table} drop constraint ${ident(key.name)}`);
    // The rows are restored as they were: no trigger of ours runs on them (the refunds ledger would
    // add the refunds to the payments' totals a second time, the webhooks would announce old events).
    // The owner may switch its own tables' triggers off, inside this transaction.
    const triggered = manifest.tables.map((t) => t.name);
    for (const table of triggered) await client.query(`alter table public.${ident(table)} disable trigger user`);

    const tables = new Set(manifest.tables.map((t) => t.name));
    bar.start(manifest.tables.reduce((sum, t) => sum + t.rows, 0));
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const header = /^COPY public\."((?:[^"]|"")+)" \((.*)\) FROM stdin;$/.exec(next.value);
      if (!header || !tables.has(header[1].replace(/""/g, '"')))
        throw new Error(`unexpected line in ${file}: ${next.value.slice(0, 80)}`);
      bar.table(header[1]);
      const copy = client.query(copyFrom(`copy public."${header[1]}" (${header[2]}) from stdin`));
      for (;;) {
        const line = await iterator.next();
        if (line.done) throw new Error(`${file} ends in the middle of table ${header[1]}`);
        if (line.value === '\\.') break;
        if (!copy.write(`${line.value}\n`)) await once(copy, 'drain');
        bar.rows(1);
      }
      copy.end();
      await finished(copy);
    }
    bar.stop();
    for (const table of triggered) await client.query(`alter table public.${ident(table)} enable trigger user`);
    for (const key of keys)
      await client.query(`alter table ${key.table} add constraint ${ident(key.name)} ${key.definition}`);
    await client.query('commit');
    return manifest;
  } catch (error) {
    bar.stop();
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    lines.close();
    await client.end();
  }
}

export interface TableComparison {
  name: string;
  expected: number;
  found: number;
  same: boolean;
}

/** Compares the database at `url` with what the manifest says the backup held: rows and checksums. */
export async function compareWithManifest(url: string, manifest: BackupManifest): Promise<TableComparison[]> {
  const client = await connect(url);
  try {
    const found = new Map((await tableFacts(client, manifest.version)).map((t) => [t.name, t]));
    const names = [...new Set([...manifest.tables.map((t) => t.name), ...found.keys()])].sort();
    return names.map((name) => {
      const before = manifest.tables.find((t) => t.name === name);
      const after = found.get(name);
      return {
        name,
        expected: before?.rows ?? 0,
        found: after?.rows ?? 0,
        same: !!before && !!after && before.rows === after.rows && before.checksum === after.checksum,
      };
    });
  } finally {
    await client.end();
  }
}
