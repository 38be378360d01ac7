// Issue 16 (M10): a canonical summary of a database's data, per table a row count and a checksum
// that stays the same from one seeding of the demo to the next: ids (uuids) are made anew each run,
// so a row that refers to another by id is summarised with that row's content instead; times are
// relative to when the seed ran, so they are left out (`times: 'hours'` keeps them, as hours before
// now, for a one-off comparison); and columns that hold fresh randomness (a salt, a sealed secret, a
// token) are left out by name.
import { createHash } from 'node:crypto';
import { queryAs } from './database';

/**
 * Columns whose values differ from one seeding to the next (`table.column`): random (salts, sealed
 * secrets, tokens, response times drawn from the site's id), or depending on the time of day the seed
 * ran (how many of a site's checks fall into each hour's roll-up).
 */
const RANDOM_COLUMNS = new Set<string>([
  'agency_secrets.ciphertext',
  'api_keys.hint',
  'api_keys.token_hash',
  'audit_events.request_id',
  'site_check_results.response_ms',
  'site_check_rollups.checks',
  'site_check_rollups.ok_checks',
  'site_check_rollups.p50_ms',
  'site_check_rollups.p95_ms',
  'site_credentials.secret_ciphertext',
  'tenants.privacy_salt',
  'users.password_hash',
  'users.totp_secret_ciphertext',
  'webhook_endpoints.secret_ciphertext',
]);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/g;
const TEMPORAL = new Set(['timestamp with time zone', 'timestamp without time zone', 'date', 'time without time zone']);

export interface TableSummary {
  rows: number;
  checksum: string;
  /** With `detail`: the rows as summarised, sorted. */
  lines?: string[];
  columns?: string[];
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export async function summariseDatabase(
  url: string,
  options: { times?: 'hours'; randomColumns?: Iterable<string>; detail?: boolean; physical?: boolean } = {},
): Promise<Record<string, TableSummary>> {
  const hours = options.times === 'hours';
  const random = new Set([...RANDOM_COLUMNS, ...(options.randomColumns ?? [])]);
  const columns = await queryAs<{ table_name: string; column_name: string; data_type: string }>(
    url,
    `select c.table_name, c.column_name, c.data_type
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name not like 'mikro_orm%'
      order by c.table_name, c.column_name`,
  );
  const tables = new Map<string, { name: string; type: string }[]>();
  for (const c of columns) {
    if (!tables.has(c.table_name)) tables.set(c.table_name, []);
    tables.get(c.table_name)!.push({ name: c.column_name, type: c.data_type });
  }
  // Times and dates inside text (JSON payloads, file names): as hours before now, or left out.
  const now = Date.now();
  const timesIn = (text: string) =>
    hours
      ? text.replace(ISO_TIME, (t) => `${Math.round((now - Date.parse(t)) / 3600_000)}h`)
      : text.replace(ISO_TIME, 'time').replace(ISO_DATE, 'date');
  // Every row as text; a row's label is its content with the ids in it left out.
  const rows = new Map<string, { own: string; refs: (string | null)[] }[]>();
  const names = new Map<string, string[]>();
  const labelOf = new Map<string, string>();
  for (const [table, cols] of tables) {
    const kept = (c: { name: string; type: string }) =>
      c.type !== 'uuid' &&
      !random.has(`${table}.${c.name}`) &&
      (hours || (!TEMPORAL.has(c.type) && c.type !== 'bytea'));
    const own = cols.filter(kept);
    const refs = cols.filter((c) => c.type === 'uuid' && c.name !== 'id');
    names.set(
      table,
      own.map((c) => c.name),
    );
    const value = (c: { name: string; type: string }) =>
      TEMPORAL.has(c.type)
        ? `round(extract(epoch from now() - "${c.name}"::timestamptz) / 3600)::text`
        : `"${c.name}"::text`;
    const hasId = cols.some((c) => c.name === 'id' && c.type === 'uuid');
    const result = await queryAs<{ id: string | null; own: (string | null)[]; refs: (string | null)[] }>(
      url,
      `select ${hasId ? 'id::text' : 'null'} as id,
              array[${own.map(value).join(', ') || 'null'}]::text[] as own,
              array[${refs.map((c) => `"${c.name}"::text`).join(', ') || 'null'}]::text[] as refs
         from "${table}" order by ctid`,
    );
    rows.set(
      table,
      result.map((r) => {
        const own = timesIn(JSON.stringify(r.own));
        if (r.id) labelOf.set(r.id, `${table}#${sha(own.replace(UUID, 'uuid'))}`);
        return { own, refs: r.refs };
      }),
    );
  }
  const label = (id: string) => labelOf.get(id) ?? '?';
  const summary: Record<string, TableSummary> = {};
  for (const [table, list] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const lines = list
      .map(({ own, refs }) => `${own.replace(UUID, label)} ${JSON.stringify(refs.map((v) => v && label(v)))}`)
      .sort((a, b) => (options.physical ? 0 : a < b ? -1 : a > b ? 1 : 0));
    summary[table] = {
      rows: list.length,
      checksum: sha(lines.join('\n')),
      ...(options.detail ? { lines, columns: names.get(table) } : {}),
    };
  }
  return summary;
}
