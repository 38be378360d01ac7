import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Contact } from '../customers/contact.entity';

/** P22: one version of the agency's privacy policy in one language. Published versions are not edited. */
@ObjectType({ description: "P22: a version of the agency's privacy policy." })
@Entity({ tableName: 'policy_versions' })
@Unique({ properties: ['tenant', 'version', 'language'] })
export class PolicyVersion extends TenantOwned<'publishedAt' | 'materialChange'> {
  @Field({ description: 'e.g. 2026-11 or 3.1.' })
  @Property({ type: 'text' })
  version!: string;

  @Field({ description: 'sv or en.' })
  @Property({ type: 'text' })
  language!: string;

  @Field()
  @Property({ type: 'text' })
  text!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  @Field({ description: 'A material change is announced to the people concerned and needs their acceptance.' })
  @Property({ type: 'boolean' })
  materialChange: boolean = false;
}

/** P22: a person's acceptance of a material change: pending (acceptedAt null) until they accept. */
@ObjectType({ description: 'P22: a pending or given acceptance of a policy version.' })
@Entity({ tableName: 'policy_acceptances' })
// The name it had before tenant_id led it (the convention's name would pass PostgreSQL's 63 characters).
@Unique({
  name: 'policy_acceptances_policy_version_id_contact_id_unique',
  properties: ['tenant', 'policyVersion', 'contact'],
})
export class PolicyAcceptance extends TenantOwned<'acceptedAt' | 'ip' | 'userAgent'> {
  @ManyToOne(() => PolicyVersion, { deleteRule: 'cascade' })
  policyVersion!: Rel<PolicyVersion>;

  @ManyToOne(() => Contact, { deleteRule: 'cascade', index: true })
  contact!: Rel<Contact>;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;
}
