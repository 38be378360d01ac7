export const TEMPLATE_DATABASE = 'sitecare_template';
export const TEST_ENV = { adminUrl: 'SITECARE_TEST_ADMIN_URL' } as const;
/** Test clusters are throwaway: fixed role passwords are fine there. */
export const TEST_PASSWORDS = { superuser: 'sitecare-test', owner: 'owner-test', app: 'app-test' } as const;
