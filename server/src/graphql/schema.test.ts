import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { printSitecareSchema } from './schema';

describe('schema/schema.graphql', () => {
  it('is exactly the SDL the server builds (run `pnpm schema:emit` after changing the API)', async () => {
    const committed = await readFile(path.join(__dirname, '..', '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printSitecareSchema());
  });
});
