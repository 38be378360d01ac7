// What a role may do in the dashboard, read from the permission matrix the server enforces
// (@sitecare/schema). Only hides what a role cannot do: the server checks every call anyway.
import { FIELD_PERMISSIONS, mayReach, PERSONAL_FIELDS, permissionOf, type Role } from '@sitecare/schema';

import { operationsFor } from './conventions';

/**
 * Issue 25: screens narrower than the operations behind them. The agency's registers (processing
 * purposes, policy versions) and the system status are for those who run the agency's work; a
 * customer's own pages still read some of the same queries (her consents read the purposes), so the
 * permission matrix grants the query and the screen is refused here (menu and route alike).
 */
const SCREEN_AUDIENCE: Record<string, readonly Role[]> = {
  processingPurposes: ['ADMIN', 'EMPLOYEE'],
  policyVersions: ['ADMIN', 'EMPLOYEE'],
  status: ['ADMIN', 'EMPLOYEE', 'CONTRACTOR'],
};

/** True when `role` may open the screen (a resource's pages, or a page such as `status`). */
export function roleSeesScreen(role: Role | undefined, screen: string): boolean {
  const audience = SCREEN_AUDIENCE[screen];
  return !audience || (role !== undefined && audience.includes(role));
}

/** True when some operation behind `action` on `resource` exists and `role` may call it (and see its screen). */
export function roleCanAccess(role: Role | undefined, resource: string, action: string): boolean {
  return (
    roleSeesScreen(role, resource) && operationsFor(resource, action).some((operation) => roleMayCall(role, operation))
  );
}

/** True when `role` may call the operation at `coordinate` (`Mutation.consentRecord`). */
export function roleMayCall(role: Role | undefined, coordinate: string): boolean {
  const permission = permissionOf(coordinate);
  return permission !== undefined && mayReach(permission.audience, role);
}

/**
 * True when `role` may read the field at `coordinate` (`Site.credentials`): fields listed in
 * FIELD_PERMISSIONS are for those roles only, every other field is open to whoever sees the object.
 */
export function roleCanRead(role: Role | undefined, coordinate: string): boolean {
  const roles = (FIELD_PERMISSIONS as Record<string, readonly Role[]>)[coordinate];
  // A person's privacy state is staff's on every contact, a customer login's on its own only: the
  // generic queries, which cannot tell whose record they fetch, leave it to staff.
  if (PERSONAL_FIELDS.has(coordinate) && role !== 'ADMIN' && role !== 'EMPLOYEE') return false;
  return !roles || (role !== undefined && roles.includes(role));
}
