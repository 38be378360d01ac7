// A test database with the demo data loaded (both demo agencies, their logins and records): a clone of
// the demo template that globalSetup seeded once for the run, with the test keyring (TEST_CREDENTIALS_KEY).
import { createTestDatabase, type TestDatabase } from './database';

export function createDemoDatabase(): Promise<TestDatabase> {
  return createTestDatabase({ demo: true });
}
