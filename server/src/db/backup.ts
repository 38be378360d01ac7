// A logical backup of Sitecare's tables without pg_dump: the embedded PostgreSQL ships no client
// tools (and Debian 12's pg_dump 15 refuses a 17 server). Every table of the public schema is copied
// out with COPY in ONE repeatable-read snapshot, so the backup is consistent while the servers keep
// running. The file is gzip'd text in pg_dump's own plain data layout (`COPY … FROM stdin;`, rows,
// `\.`), headed by a manifest line with the applied migrations and each table's row count and checksum.
// A restore goes into a fresh database that the same Sitecare version has migrated: foreign keys are
// dropped, the rows copied in, the keys added back (which re-checks every reference), in one transaction.
// Not included: the job queue's schema (pgboss), which pg-boss recreates at start; unsent mail is
// re-queued from the outbox by the relay's sweep, and cron schedules are registered by every start.
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
  /** md5 over the rows' md5s in sorted order: equal data, equal checksum, whatever the physical order. */
  checksum: string;
}

export interface BackupManifest {
  version: 1;
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

/** Row count, checksum and columns of every table, as `client` sees them (inside its transaction). */
export async function tableFacts(client: Client): Promise<TableFacts[]> {
  const facts: TableFacts[] = [];
  for (const name of await tableNames(client)) {
    const { rows: columns } = await client.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1
        order by ordinal_position`,
      [name],
    );
    const { rows } = await client.query<{ rows: number; checksum: string }>(
      `select count(*)::int as rows, coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as checksum
         from ${ident(name)} t`,
    );
    facts.push({ name, columns: columns.map((c) => c.column_name), ...rows[0] });
  }
  return facts;
}

/** Writes a consistent backup of the database at `ownerUrl` (a role with BYPASSRLS) to `file`. */
export async function backupDatabase(ownerUrl: string, file: string): Promise<BackupManifest> {
  const client = await connect(ownerUrl);
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file, { mode: 0o600 }));
  const write = async (chunk: string | Buffer) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  try {
    await client.query('begin isolation level repeatable read read only');
    const manifest: BackupManifest = {
      version: 1,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(client),
      tables: await tableFacts(client),
    };
    await write(`${MAGIC}${JSON.stringify(manifest)}\n`);
    for (const table of manifest.tables) {
      const columns = table.columns.map(ident).join(', ');
      await write(`COPY public.${ident(table.name)} (${columns}) FROM stdin;\n`);
      const rows = client.query(copyTo(`copy public.${ident(table.name)} (${columns}) to stdout`));
      for await (const chunk of rows) await write(chunk as Buffer);
      await write('\\.\n');
    }
    await client.query('commit');
    gzip.end();
    await finished(out);
    return manifest;
  } catch (error) {
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
export async function restoreDatabase(ownerUrl: string, file: string): Promise<BackupManifest> {
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
    const target = new Map((await tableFacts(client)).map((t) => [t.name, t]));
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

    const tables = new Set(manifest.tables.map((t) => t.name));
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const header = /^COPY public\."((?:[^"]|"")+)" \((.*)\) FROM stdin;$/.exec(next.value);
      if (!header || !tables.has(header[1].replace(/""/g, '"')))
        throw new Error(`unexpected line in ${file}: ${next.value.slice(0, 80)}`);
      const copy = client.query(copyFrom(`copy public."${header[1]}" (${header[2]}) from stdin`));
      for (;;) {
        const line = await iterator.next();
        if (line.done) throw new Error(`${file} ends in the middle of table ${header[1]}`);
        if (line.value === '\\.') break;
        if (!copy.write(`${line.value}\n`)) await once(copy, 'drain');
      }
      copy.end();
      await finished(copy);
    }
    for (const key of keys)
      await client.query(`alter table ${key.table} add constraint ${ident(key.name)} ${key.definition}`);
    await client.query('commit');
    return manifest;
  } catch (error) {
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
    const found = new Map((await tableFacts(client)).map((t) => [t.name, t]));
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
