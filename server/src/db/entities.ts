// The one list of entities the ORM knows: explicit, so the build needs no folder scanning.
import { Tenant } from '../modules/tenants/tenant.entity';

export const entities = [Tenant];
