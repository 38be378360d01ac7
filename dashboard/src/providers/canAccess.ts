// What a role may do in the dashboard, read from the permission matrix the server enforces
// (@sitecare/schema). Only hides what a role cannot do: the server checks every call anyway.
import { mayReach, permissionOf, type Role } from '@sitecare/schema';

import { operationsFor } from './conventions';

/** True when some operation behind `action` on `resource` exists and `role` may call it. */
export function roleCanAccess(role: Role | undefined, resource: string, action: string): boolean {
  return operationsFor(resource, action).some((operation) => {
    const permission = permissionOf(operation);
    return permission !== undefined && mayReach(permission.audience, role);
  });
}
