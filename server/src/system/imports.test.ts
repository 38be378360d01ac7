// Issue 16: no import runs in a circle. Modules build on one another in one direction (subscriptions
// on payments on orders); where a lower module must let a higher one act, it offers a listener
// (payments/payment.events.ts). The one allowed circle: two entities of one module that refer to each
// other (an ORM relation with both sides, `Rel<T>`). Type-only imports are no circle at run time.
// dpdm runs as its command (its API finds no files under jest's module system).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const SERVER = path.join(__dirname, '..', '..');

it('M10: the server has no import circles, other than two entities of one module referring to each other', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sitecare-imports-'));
  try {
    const output = path.join(dir, 'dpdm.json');
    await promisify(execFile)(
      process.execPath,
      [
        require.resolve('dpdm/lib/bin/dpdm.js'),
        '-T',
        '--no-tree',
        '--no-warning',
        '--no-circular',
        '--output',
        output,
        'src/main.ts',
        'src/cli.ts',
      ],
      { cwd: SERVER, timeout: 100_000 },
    );
    const { tree, circulars } = JSON.parse(await readFile(output, 'utf8')) as { tree: object; circulars: string[][] };
    expect(Object.keys(tree).length).toBeGreaterThan(200); // it did read the server
    const entityPair = (circle: string[]) =>
      circle.length === 2 &&
      circle.every((file) => file.endsWith('.entity.ts')) &&
      path.dirname(circle[0]) === path.dirname(circle[1]);
    expect(circulars.filter((circle) => !entityPair(circle))).toEqual([]);
    expect(circulars.length).toBeGreaterThan(0); // the entity pairs are found: the check sees circles
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
