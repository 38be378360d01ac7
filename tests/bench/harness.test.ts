// Smoke test of `pnpm bench` (tests/bench/run.mjs) at a tiny scale with 0.2-second cells of two connections and no
// warm-up (it proves the harness, not the figures): the same-data check passes for every query, and
// every variant × query has figures. And the check does catch a variant that answers differently
// (fault injected into the raw baseline).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const RUN = path.join(__dirname, 'run.mjs');
const VARIANTS = ['sitecare', 'postgraphile', 'raw'];
const QUERIES = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const tiny = [
  '--factor',
  '0.01',
  '--duration',
  '0.2',
  '--connections',
  '2',
  '--warmup',
  '0',
  '--repeats',
  '1',
  '--skip-extras',
];

describe('pnpm bench (tiny scale)', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'sitecare-bench-test-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('checks that every variant answers alike, then measures every variant × query', async () => {
    await run(process.execPath, [RUN, ...tiny, '--out', out], { timeout: 270_000, maxBuffer: 1 << 24 });
    const report = JSON.parse(await readFile(path.join(out, 'latest.json'), 'utf8'));
    for (const q of QUERIES) expect(report.check[q]).toEqual({ same: true, bytes: expect.any(Number) });
    for (const q of QUERIES) {
      for (const v of VARIANTS) {
        const row = report.summary.find((r: { query: string; variant: string }) => r.query === q && r.variant === v);
        expect({ q, v, row: Boolean(row) }).toEqual({ q, v, row: true });
        for (const figure of ['rps', 'p99', 'statementsPerRequest', 'serverCpuMsPerRequest', 'peakRssMb'])
          expect({ q, v, figure, positive: row[figure] > 0 }).toEqual({ q, v, figure, positive: true });
      }
      const sitecare = report.summary.find(
        (r: { query: string; variant: string }) => r.query === q && r.variant === 'sitecare',
      );
      expect(sitecare.rpsVs_postgraphile).toBeGreaterThan(0);
      expect(sitecare.rpsVs_raw).toBeGreaterThan(0);
    }
    const markdown = await readFile(path.join(out, 'latest.md'), 'utf8');
    for (const label of ['Sitecare', 'PostGraphile 5', 'raw SQL']) expect(markdown).toContain(`| ${label} |`);
    const svg = await readFile(path.join(out, 'latest.svg'), 'utf8');
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(2 * VARIANTS.length * QUERIES.length);
  }, 300_000);

  it('fails loudly when a variant answers differently', async () => {
    const failed = run(process.execPath, [RUN, ...tiny, '--queries', 'a', '--out', out], {
      timeout: 270_000,
      env: { ...process.env, BENCH_BREAK: 'a' },
    });
    await expect(failed).rejects.toThrow(/Query a: the variants answer differently/);
  }, 300_000);
});
