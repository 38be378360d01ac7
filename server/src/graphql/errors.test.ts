// S7: an internal error reaches the client as INTERNAL_SERVER_ERROR with a request id, never SQL or a
// stack trace; the log has the detail under the same request id.
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createServer } from 'node:http';
import pino from 'pino';
import { Writable } from 'node:stream';
import { buildSchema, Query, Resolver } from 'type-graphql';
import { loadConfig } from '../config';
import { initOrm } from '../db/orm';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createApolloServer } from './apollo';
import type { AppServices, RequestContext } from './context';

@Resolver()
class FaultyResolver {
  @Query(() => String)
  async faulty(): Promise<string> {
    throw new Error('relation "secret_table" does not exist: select password from secret_table');
  }

  @Query(() => String)
  async fine(): Promise<string> {
    return 'ok';
  }
}

describe('S7: internal errors', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  const logLines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await initOrm(db.appUrl, { logger: () => undefined });
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('S7: are masked for the client, with a request id, and logged in full', async () => {
    const logger = pino(
      { level: 'info' },
      new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) }),
    );
    const schema = await buildSchema({ resolvers: [FaultyResolver], validate: false });
    const server = createApolloServer({ schema, httpServer: createServer(), logger, isProduction: true });
    await server.start();
    const context: RequestContext = {
      requestId: 'req-s7-0001',
      em: orm.em.fork(),
      logger,
      ip: '127.0.0.1',
      userAgent: 'jest',
      app: { config: loadConfig({ SITECARE_DATA_DIR: '/tmp/sitecare-s7' }), logger } as AppServices,
    };
    const res = await server.executeOperation({ query: '{ faulty fine }' }, { contextValue: context });
    await server.stop();

    const body = res.body.kind === 'single' ? res.body.singleResult : undefined;
    expect(body?.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['faulty'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-s7-0001' },
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/secret_table|select|stack|at /i);
    const logged = logLines.join('\n');
    expect(logged).toContain('secret_table');
    expect(logged).toContain('req-s7-0001');
  });
});
