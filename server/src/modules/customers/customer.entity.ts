import { Collection, Entity, Enum, Index, OneToMany, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { BuyerType } from '../invoices/vat';
import { Contact } from './contact.entity';

/** The agency's client: a company or a private person. Its people are its contacts. */
@ObjectType({ description: "An agency's client (a company or a private person)." })
@Entity({ tableName: 'customers' })
@Index({ properties: ['tenant', 'name'] })
@Index({ properties: ['tenant', 'createdAt'] })
export class Customer extends TenantOwned<
  | 'organisationNumber'
  | 'notes'
  | 'buyerType'
  | 'vatNumber'
  | 'addressLine1'
  | 'postalCode'
  | 'city'
  | 'contractEndNoticeFor'
  | 'contractEndNoticeAt'
  | 'contractMinimisedAt'
> {
  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Organisation number, for companies.' })
  @Property({ type: 'text', nullable: true })
  organisationNumber: string | null = null;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  @Property({ type: 'character', length: 2 })
  billingCountry!: string;

  @Field(() => BuyerType, { description: 'A business or a private person: decides the VAT (docs/invoices.md).' })
  @Enum({ items: () => BuyerType })
  buyerType: BuyerType = BuyerType.COMPANY;

  @Field(() => String, {
    nullable: true,
    description: 'EU VAT number with its country prefix (format and check digit verified).',
  })
  @Property({ type: 'text', nullable: true })
  vatNumber: string | null = null;

  @Field(() => String, { nullable: true, description: 'Billing address: street (printed on invoices).' })
  @Property({ type: 'text', nullable: true })
  addressLine1: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  postalCode: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  city: string | null = null;

  @Field(() => String, { nullable: true, description: 'Internal notes (card numbers are masked before storage).' })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  /**
   * Issue 23, the contract's end (migration contract_end, modules/customers/contract-end.ts): the end
   * (`sitecare_contract_ends`) the contacts were told about, when they were told, and when the
   * contract's data was minimised.
   */
  @Property({ type: 'datetime', nullable: true })
  contractEndNoticeFor: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  contractEndNoticeAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  contractMinimisedAt: Date | null = null;

  @OneToMany(() => Contact, (c) => c.customer)
  contacts = new Collection<Contact>(this);
}
