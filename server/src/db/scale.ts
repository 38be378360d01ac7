// Loads the scale generator's agencies (seeds/src/scale.ts) with COPY, one agency per transaction,
// as the tables' owner. Refuses to load twice. Prints a progress bar (to stderr) and returns counts.
import { generateScale, type Row, type ScalePlan } from '@sitecare/seeds';
import { SingleBar, Presets } from 'cli-progress';
import { Pool, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

/** COPY's text format: tab-separated, `\N` for null, backslash escapes. */
function copyValue(value: Row[string]): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function copyRows(client: PoolClient, table: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const stream = client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
  const lines = function* () {
    for (let i = 0; i < rows.length; i += 1000) {
      yield rows
        .slice(i, i + 1000)
        .map((row) => columns.map((c) => copyValue(row[c])).join('\t') + '\n')
        .join('');
    }
  };
  await pipeline(Readable.from(lines()), stream);
}

export interface ScaleLoadResult {
  seconds: number;
  rows: Record<string, number>;
}

export async function loadScale(
  ownerUrl: string,
  plan: ScalePlan,
  passwordHash: string,
  progress = process.stderr.isTTY ?? false,
): Promise<ScaleLoadResult> {
  const pool = new Pool({ connectionString: ownerUrl, max: 1, application_name: 'sitecare-seed-scale' });
  const started = Date.now();
  const rows: Record<string, number> = {};
  const bar = progress
    ? new SingleBar({ format: 'seed:scale [{bar}] {value}/{total} agencies · {slug}' }, Presets.shades_classic)
    : undefined;
  try {
    const { rows: existing } = await pool.query(`select count(*)::int as n from tenants where slug like 'scale-%'`);
    if (existing[0].n > 0) throw new Error('The scale data is already loaded in this database');
    bar?.start(plan.tenants, 0, { slug: '' });
    for (const agency of generateScale(plan, passwordHash)) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        for (const [table, tableRows] of agency.tables) {
          await copyRows(client, table, tableRows);
          rows[table] = (rows[table] ?? 0) + tableRows.length;
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
      bar?.increment(1, { slug: agency.slug });
    }
    bar?.stop();
    // Fresh statistics (the planner should see the new sizes at once) and the visibility map an
    // installation's autovacuum keeps (index-only scans, such as the home page's counts, rely on it).
    await pool.query('vacuum (analyze)');
    return { seconds: (Date.now() - started) / 1000, rows };
  } finally {
    bar?.stop();
    await pool.end();
  }
}
