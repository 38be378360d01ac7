import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Customer } from '../customers/customer.entity';
import { Order, PaymentProvider } from '../orders/order.entity';
import { BillingInterval, ServicePackage } from '../packages/service-package.entity';
import { Site } from '../sites/site.entity';

export enum SubscriptionStatus {
  ACTIVE = 'ACTIVE',
  PAST_DUE = 'PAST_DUE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SubscriptionStatus, { name: 'SubscriptionStatus' });

/** P20: the explicit consent to recurring charges, with its proof. */
@ObjectType({ description: 'The consent to recurring payments, as given.' })
export class RecurringConsent {
  @Field()
  givenAt!: Date;

  @Field({ description: 'The exact wording the person agreed to.' })
  wording!: string;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;
}

/** A renewable care package for a customer (and site), paid through a provider. */
// "Subscription" is GraphQL's name for its subscription root type, so the API calls it PackageSubscription.
@ObjectType('PackageSubscription', { description: 'A renewable care-package subscription.' })
@Entity({ tableName: 'subscriptions' })
@Index({ properties: ['tenant', 'customer'] })
// The subscription list and the home page's past-due card: by status, next renewal first.
@Index({ properties: ['tenant', 'status', 'nextRenewalAt'] })
@Index({ properties: ['status', 'nextRenewalAt'] })
@Index({ properties: ['provider', 'pendingMethodReference'] })
export class Subscription extends TenantOwned<
  'status' | 'site' | 'cancelledAt' | 'cancelReason' | 'providerReference' | 'pendingMethodReference'
> {
  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Rel<Customer>;

  @ManyToOne(() => Site, { nullable: true, deleteRule: 'set null' })
  site: Rel<Site> | null = null;

  @ManyToOne(() => ServicePackage, { deleteRule: 'restrict' })
  servicePackage!: Rel<ServicePackage>;

  /** The order that started it. */
  @ManyToOne(() => Order, { deleteRule: 'restrict' })
  firstOrder!: Rel<Order>;

  @Field(() => BillingInterval)
  @Enum({ items: () => BillingInterval })
  interval!: BillingInterval;

  @Field()
  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Field(() => SubscriptionStatus)
  @Enum({ items: () => SubscriptionStatus })
  status: SubscriptionStatus = SubscriptionStatus.ACTIVE;

  @Field(() => PaymentProvider)
  @Enum({ items: () => PaymentProvider })
  provider!: PaymentProvider;

  /** The provider's mandate, customer or vault reference for later charges, once it exists. */
  @Property({ type: 'text', nullable: true })
  providerReference: string | null = null;

  /** A started change of payment method: the provider's setup session, first payment or setup token. */
  @Property({ type: 'text', nullable: true })
  pendingMethodReference: string | null = null;

  /** When the first period started: every period end is counted from it (periods.ts), never chained. */
  @Property({ type: 'datetime' })
  periodAnchor!: Date;

  @Field()
  @Property({ type: 'datetime' })
  currentPeriodStart!: Date;

  @Field()
  @Property({ type: 'datetime' })
  currentPeriodEnd!: Date;

  @Field()
  @Property({ type: 'datetime' })
  nextRenewalAt!: Date;

  @Field(() => RecurringConsent)
  @Property({ type: 'json' })
  recurringConsent!: RecurringConsent;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;
}
