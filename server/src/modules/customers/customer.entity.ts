import { Collection, Entity, Index, OneToMany, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Contact } from './contact.entity';

/** The agency's client: a company or a private person. Its people are its contacts. */
@ObjectType({ description: "An agency's client (a company or a private person)." })
@Entity({ tableName: 'customers' })
@Index({ properties: ['tenant', 'name'] })
@Index({ properties: ['tenant', 'createdAt'] })
export class Customer extends TenantOwned<'organisationNumber' | 'notes'> {
  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Organisation number, for companies.' })
  @Property({ type: 'text', nullable: true })
  organisationNumber: string | null = null;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  @Property({ type: 'character', length: 2 })
  billingCountry!: string;

  @Field(() => String, { nullable: true, description: 'Internal notes (card numbers are masked before storage).' })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @OneToMany(() => Contact, (c) => c.customer)
  contacts = new Collection<Contact>(this);
}
