export const TEMPLATE_DATABASE = 'sitecare_template';
export const TEST_ENV = { adminUrl: 'SITECARE_TEST_ADMIN_URL' } as const;
