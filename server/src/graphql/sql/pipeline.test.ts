// The pipeline's promises, on a real PostgreSQL: one transaction for all its statements (a local
// setting made by the first is seen by the second, and gone afterwards), all or nothing on an error,
// prepared names parsed once and recovered after a failed round trip, values bound as pg binds them.
import { Client } from 'pg';
import { adminUrl } from '../../testing/database';
import { Pipeline, type PipelinedStatement } from './pipeline';

describe('Pipeline (several statements, one round trip, one transaction)', () => {
  let client: Client;
  const run = (list: PipelinedStatement[]) => {
    const pipeline = new Pipeline(client, list);
    client.query(pipeline as never); // a Submittable (pg's types name its Connection class)
    return pipeline.result;
  };

  beforeAll(async () => {
    client = new Client({ connectionString: adminUrl() });
    await client.connect();
    await client.query('create temp table pipeline_rows (n int primary key)');
  });
  afterAll(async () => {
    await client.end();
  });

  it('runs its statements in order in one transaction, committed at the end', async () => {
    const [first, second] = await run([
      { name: 'p_set', text: `select set_config('sitecare.test', $1, true) as v`, values: ['inside'] },
      { name: 'p_get', text: `select current_setting('sitecare.test', true) as v, $1::int + 1 as n`, values: [41] },
    ]);
    expect(first).toEqual([{ v: 'inside' }]);
    expect(second).toEqual([{ v: 'inside', n: '42' }]);
    // The setting was local to the pipeline's transaction.
    const after = await client.query(`select coalesce(current_setting('sitecare.test', true), '') as v`);
    expect(after.rows[0].v).toBe('');
    await run([{ name: 'p_insert', text: 'insert into pipeline_rows values ($1) returning n', values: [1] }]);
    expect((await client.query('select count(*)::int as c from pipeline_rows')).rows[0].c).toBe(1);
  });

  it('writes nothing when a later statement fails, and the connection stays usable', async () => {
    await expect(
      run([
        { name: 'p_insert', text: 'insert into pipeline_rows values ($1) returning n', values: [2] },
        { name: 'p_fail', text: 'select 1 / $1::int as x', values: [0] },
      ]),
    ).rejects.toMatchObject({ code: '22012' }); // division_by_zero
    const rows = await client.query('select n from pipeline_rows order by n');
    expect(rows.rows).toEqual([{ n: 1 }]);
  });

  it('parses a named statement once, and again after a round trip that failed before its Parse ran', async () => {
    const prepared = async () =>
      (await client.query(`select name from pg_prepared_statements where name like 'p_%' order by name`)).rows.map(
        (r: { name: string }) => r.name,
      );
    // p_fail's Parse ran in the failed round trip above; p_later's never reached the server.
    await expect(
      run([
        { name: 'p_fail', text: 'select 1 / $1::int as x', values: [0] },
        { name: 'p_later', text: 'select $1::text as t', values: ['x'] },
      ]),
    ).rejects.toMatchObject({ code: '22012' });
    expect(await prepared()).not.toContain('p_later');
    const [[ok], [later]] = await run([
      { name: 'p_fail', text: 'select 1 / $1::int as x', values: [1] },
      { name: 'p_later', text: 'select $1::text as t', values: ['x'] },
    ]);
    expect(ok).toEqual({ x: '1' });
    expect(later).toEqual({ t: 'x' });
    expect(await prepared()).toEqual(expect.arrayContaining(['p_fail', 'p_get', 'p_insert', 'p_later', 'p_set']));
  });

  it('binds values as node-postgres does, parses json, and accepts unnamed statements', async () => {
    const when = new Date('2026-12-02T10:00:00Z');
    const [[row], [again]] = await run([
      {
        name: '',
        text: `select $1::timestamptz = '2026-12-02T10:00:00Z' as same_time, $2::text[] as list,
          json_build_object('a', $3::int, 'b', null) as data, $4::text as missing`,
        values: [when, ['a', 'b'], 7, null],
      },
      { name: '', text: 'select $1::jsonb as j', values: [{ k: [1, 2] }] },
    ]);
    expect(row).toEqual({ same_time: 't', list: '{a,b}', data: { a: 7, b: null }, missing: null });
    expect(again).toEqual({ j: { k: [1, 2] } });
  });
});
