import { ROLES, type Role } from '@sitecare/schema';
import { Field, ObjectType } from 'type-graphql';
import { Tenant } from '../tenants/tenant.entity';
import { User, UserRole } from '../users/user.entity';

@ObjectType({ description: 'The logged-in person, their agency, and what they may call.' })
export class ViewerInfo {
  @Field(() => User)
  user!: User;

  @Field(() => Tenant)
  tenant!: Tenant;

  @Field(() => UserRole)
  role!: Role;

  @Field(() => [String], { description: 'Operations this viewer may call, e.g. "Query.users".' })
  operations!: string[];
}

export { ROLES };
