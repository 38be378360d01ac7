import { Keyring } from '../secrets/keyring';
export const TEMPLATE_DATABASE = 'sitecare_template';
/** The migrated template with the demo data loaded (once per run, by globalSetup, with `testKeyring()`). */
export const DEMO_TEMPLATE_DATABASE = 'sitecare_demo_template';
export const TEST_ENV = { adminUrl: 'SITECARE_TEST_ADMIN_URL' } as const;
/**
 * The period of test servers' frequent jobs (SITECARE_JOB_TICK_SECONDS; a minute in production): a test
 * waiting on the SLA job or a sweep waits a few seconds, not up to a minute (issue 24).
 */
export const TEST_JOB_TICK_SECONDS = 3;
/** Test clusters are throwaway: fixed role passwords are fine there. */
export const TEST_PASSWORDS = { superuser: 'sitecare-test', owner: 'owner-test', app: 'app-test' } as const;

/** The credentials keyring of test servers (CREDENTIALS_KEY in their environment). */
export const TEST_CREDENTIALS_KEY = Buffer.alloc(32, 0x5c).toString('base64');
export const testKeyring = () =>
  new Keyring({ current: { version: 1, key: Buffer.from(TEST_CREDENTIALS_KEY, 'base64') } });
