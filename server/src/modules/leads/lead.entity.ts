import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Customer } from '../customers/customer.entity';

export enum LeadStatus {
  NEW = 'NEW',
  CONTACTED = 'CONTACTED',
  CONVERTED = 'CONVERTED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(LeadStatus, { name: 'LeadStatus' });

/** P35/P1: "fill in your details and we will get back to you", with its evidence (source, time, IP, UA). */
@ObjectType({ description: 'A lead from the public contact form.' })
@Entity({ tableName: 'leads' })
@Index({ properties: ['tenant', 'status', 'createdAt'] })
export class Lead extends TenantOwned<
  'phone' | 'company' | 'status' | 'convertedCustomer' | 'sourcePage' | 'ip' | 'userAgent'
> {
  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  email!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  company: string | null = null;

  @Field()
  @Property({ type: 'text' })
  message!: string;

  @Field({ description: 'Whether the person agreed to be contacted about their request.' })
  @Property({ type: 'boolean' })
  consentGiven!: boolean;

  @Field({ description: 'The exact wording shown next to the consent box.' })
  @Property({ type: 'text' })
  consentText!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  sourcePage: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;

  @Field(() => LeadStatus)
  @Enum({ items: () => LeadStatus })
  status: LeadStatus = LeadStatus.NEW;

  @ManyToOne(() => Customer, { nullable: true, deleteRule: 'set null' })
  convertedCustomer: Rel<Customer> | null = null;
}
