import { Entity, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';

export enum BillingInterval {
  MONTHLY = 'MONTHLY',
  YEARLY = 'YEARLY',
}
registerEnumType(BillingInterval, { name: 'BillingInterval' });

export const CURRENCIES = ['SEK', 'EUR', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

@ObjectType({ description: 'A price of a package: amount in minor units (öre, cent) of an ISO 4217 currency.' })
export class PackagePrice {
  @Field(() => BillingInterval)
  interval!: BillingInterval;

  @Field(() => String, { description: 'ISO 4217: SEK, EUR or USD.' })
  currency!: Currency;

  @Field(() => Int, { description: 'Minor units, e.g. 49900 = 499.00.' })
  amountMinor!: number;
}

/** A care package the agency sells: what it includes, and its prices per interval and currency. */
@ObjectType({ description: 'A care package.' })
@Entity({ tableName: 'service_packages' })
export class ServicePackage extends TenantOwned<
  | 'active'
  | 'descriptionSv'
  | 'descriptionEn'
  | 'checkIntervalMinutes'
  | 'backupIntervalHours'
  | 'notifyCustomerOfIncidents'
> {
  @Field()
  @Property({ type: 'text' })
  nameSv!: string;

  @Field()
  @Property({ type: 'text' })
  nameEn!: string;

  @Field()
  @Property({ type: 'text' })
  descriptionSv: string = '';

  @Field()
  @Property({ type: 'text' })
  descriptionEn: string = '';

  @Field()
  @Property({ type: 'boolean' })
  backups!: boolean;

  @Field(() => Int, { description: 'With backups: one is promised at least every this many hours.' })
  @Property({ type: 'integer', default: 24 })
  backupIntervalHours: number = 24;

  @Field()
  @Property({ type: 'boolean' })
  updates!: boolean;

  @Field()
  @Property({ type: 'boolean' })
  uptimeMonitoring!: boolean;

  @Field(() => Int, { description: 'With uptime monitoring: the site is checked every this many minutes.' })
  @Property({ type: 'integer', default: 5 })
  checkIntervalMinutes: number = 5;

  @Field({
    description:
      "With uptime monitoring: the customer's portal users are mailed when the site goes down and comes back.",
  })
  @Property({ type: 'boolean', default: false })
  notifyCustomerOfIncidents: boolean = false;

  @Field(() => Int)
  @Property({ type: 'integer' })
  supportHoursPerMonth!: number;

  @Field(() => Int, { description: 'First response promised within this many hours.' })
  @Property({ type: 'integer' })
  responseTimeHours!: number;

  @Field(() => [PackagePrice])
  @Property({ type: 'json' })
  prices!: PackagePrice[];

  @Field()
  @Property({ type: 'boolean' })
  active: boolean = true;
}
