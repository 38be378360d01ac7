import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { User } from '../users/user.entity';

/**
 * The roles a key may have (S35): below ADMIN, always. Only EMPLOYEE for now: a read-only role would
 * need a row for every operation of the permission matrix (schema/src/permissions.ts) and a value of
 * the users' role type that no person has; it is left for when the matrix can say "reads only".
 */
export enum ApiKeyRole {
  EMPLOYEE = 'EMPLOYEE',
  /** Reads as an EMPLOYEE; every mutation (and every write outside GraphQL) is FORBIDDEN. */
  READONLY = 'READONLY',
}
registerEnumType(ApiKeyRole, {
  name: 'ApiKeyRole',
  valuesConfig: {
    EMPLOYEE: { description: "Reads and writes as an employee of the agency (the matrix's EMPLOYEE)." },
    READONLY: { description: 'Reads as an employee; every mutation is FORBIDDEN.' },
  },
});

/**
 * An agency's API key (issue 21, S35): `sc_live_<tenantId>.<secret>`, shown once; only the secret's
 * SHA-256 is kept. The key acts for its agency with its role, on behalf of the admin who made it (their
 * user is the viewer PostgreSQL's row rules see); it stops when it is revoked, expires, or that admin
 * is no longer an active member of staff.
 */
@ObjectType({ description: 'An API key of the agency (the secret is never shown again after it is made).' })
@Entity({ tableName: 'api_keys' })
@Unique({ properties: ['tenant', 'tokenHash'] })
export class ApiKey extends TenantOwned<'expiresAt' | 'lastUsedAt' | 'revokedAt'> {
  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => ApiKeyRole)
  @Enum({ items: () => ApiKeyRole })
  role!: ApiKeyRole;

  /** The last four characters of the key, to tell keys apart in the list. */
  @Field({ description: 'The end of the key, e.g. `sc_live_…a1B2`.' })
  @Property({ type: 'text' })
  hint!: string;

  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  createdBy!: User;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
