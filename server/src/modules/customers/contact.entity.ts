import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Customer } from './customer.entity';

@ObjectType({ description: 'P8: a social identity linked to a contact.' })
export class SocialIdentity {
  @Field({ description: 'e.g. facebook, google, linkedin.' })
  provider!: string;

  @Field()
  externalId!: string;
}

/** A person at a customer: a data subject (P3). */
@ObjectType({ description: 'A person at a customer.' })
@Entity({ tableName: 'contacts' })
@Index({ properties: ['tenant', 'customer'] })
@Index({
  name: 'contacts_tenant_email_index',
  expression: 'create index contacts_tenant_email_index on contacts (tenant_id, lower(email))',
})
export class Contact extends TenantOwned<
  'phone' | 'postalCode' | 'country' | 'preferredLanguage' | 'socialIdentities' | 'notes'
> {
  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Rel<Customer>; // Rel: no eager design:type reference (the two entities import each other)

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +46701234567.' })
  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  postalCode: string | null = null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @Property({ type: 'character', length: 2, nullable: true })
  country: string | null = null;

  @Field(() => String, { description: 'BCP 47: sv or en.' })
  @Property({ type: 'text' })
  preferredLanguage: string = 'sv';

  @Field(() => [SocialIdentity])
  @Property({ type: 'json' })
  socialIdentities: SocialIdentity[] = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;
}
