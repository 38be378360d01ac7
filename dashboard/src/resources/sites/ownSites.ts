import type { Role } from '@sitecare/schema';

/**
 * Contractors and customers see only their own sites (assigned, or their company's): for them the
 * sites list is "My sites". Staff see every site of the agency.
 */
export const seesOwnSitesOnly = (role: Role | undefined): boolean => role === 'CONTRACTOR' || role === 'CUSTOMER';
