// A Sitecare server process on a fresh test database with the demo data: the usual fixture of API suites.
import { createTestDatabase, type TestDatabase } from '../../server/src/testing/database';
import { startSitecareProcess, type SitecareProcess } from './sitecare-process';

export interface DemoApp {
  db: TestDatabase;
  app: SitecareProcess;
  url: string;
  stop(): Promise<void>;
}

export async function startDemoApp(env: Record<string, string> = {}): Promise<DemoApp> {
  const db = await createTestDatabase();
  const app = await startSitecareProcess({ ...db.env, SITECARE_DEMO: 'true', ...env });
  return {
    db,
    app,
    url: app.url,
    stop: async () => {
      await app.stop();
      await db.drop();
    },
  };
}
