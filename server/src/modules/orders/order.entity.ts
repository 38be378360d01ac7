import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Contact } from '../customers/contact.entity';
import { Customer } from '../customers/customer.entity';
import { BillingInterval, ServicePackage } from '../packages/service-package.entity';
import { Site } from '../sites/site.entity';
import type { Subscription } from '../subscriptions/subscription.entity';
import { User } from '../users/user.entity';
import { BuyerType, VatReason } from '../invoices/vat';

export enum OrderStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  PAID = 'PAID',
  CANCELLED = 'CANCELLED',
  /** Part of the money went back (by amount or by line); the rest can still be refunded. */
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(OrderStatus, { name: 'OrderStatus' });

export enum PaymentProvider {
  STRIPE = 'STRIPE',
  PAYPAL = 'PAYPAL',
  MOLLIE = 'MOLLIE',
}
registerEnumType(PaymentProvider, { name: 'PaymentProvider' });

/** An order for care packages. Money is in minor units of one ISO 4217 currency (P4). */
@ObjectType({ description: 'An order.' })
@Entity({ tableName: 'orders' })
@Check({ name: 'orders_refunded_within_total', expression: 'refunded_minor >= 0 and refunded_minor <= total_minor' })
@Unique({ properties: ['tenant', 'number'] })
@Index({ properties: ['tenant', 'customer', 'createdAt'] })
// Issue 16: the staff home page counts the orders awaiting payment; the columns the viewer's row rule reads are in the
// index too, so PostgreSQL counts from the index alone (an index-only scan) instead of visiting every row.
@Index({
  name: 'orders_tenant_id_status_created_at_index',
  expression:
    'create index orders_tenant_id_status_created_at_index on orders (tenant_id, status, created_at) include (customer_id)',
})
@Index({ properties: ['tenant', 'site', 'createdAt'] })
@Index({ properties: ['tenant', 'createdAt'] })
// For the foreign key's `set null` when a site is deleted, which does not filter by tenant.
@Index({ properties: ['site'] })
@Unique({ name: 'orders_renewal_unique', properties: ['tenant', 'subscription', 'periodStart'] })
export class Order extends TenantOwned<
  | 'status'
  | 'site'
  | 'contact'
  | 'placedBy'
  | 'ip'
  | 'userAgent'
  | 'paidAt'
  | 'recurringConsentText'
  | 'subscription'
  | 'periodStart'
  | 'refundedAt'
  | 'refundReason'
  | 'refundedMinor'
  | 'buyerVatNumber'
> {
  @Field(() => Int, { description: 'Consecutive per agency.' })
  @Property({ type: 'integer' })
  number!: number;

  @ManyToOne(() => Customer, { deleteRule: 'restrict' })
  customer!: Rel<Customer>;

  @ManyToOne(() => Contact, { nullable: true, deleteRule: 'set null' })
  contact: Rel<Contact> | null = null;

  @ManyToOne(() => Site, { nullable: true, deleteRule: 'set null' })
  site: Rel<Site> | null = null;

  @Field(() => OrderStatus)
  @Enum({ items: () => OrderStatus })
  status: OrderStatus = OrderStatus.PENDING_PAYMENT;

  @Field(() => PaymentProvider)
  @Enum({ items: () => PaymentProvider })
  provider!: PaymentProvider;

  @Field({ description: 'ISO 4217.' })
  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  subtotalMinor!: number;

  @Field(() => Int, { description: 'VAT rate in basis points: 2500 = 25 %.' })
  @Property({ type: 'integer' })
  vatRateBasisPoints!: number;

  @Field(() => VatReason, { description: 'Why the order has its VAT rate (issue 19; docs/invoices.md).' })
  @Enum({ items: () => VatReason })
  vatReason!: VatReason;

  @Field(() => BuyerType, { description: "The buyer's type when ordering." })
  @Enum({ items: () => BuyerType })
  buyerType!: BuyerType;

  @Field({ description: "The buyer's country when ordering (ISO 3166-1 alpha-2)." })
  @Property({ type: 'character', length: 2 })
  buyerCountry!: string;

  @Field(() => String, { nullable: true, description: "The buyer's EU VAT number when ordering (reverse charge)." })
  @Property({ type: 'text', nullable: true })
  buyerVatNumber: string | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  vatMinor!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  totalMinor!: number;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  placedBy: Rel<User> | null = null;

  /** Evidence of who placed it (P1). */
  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  paidAt: Date | null = null;

  /** A renewal order: the subscription it renews, and the start of the period it pays for. */
  @ManyToOne(() => 'Subscription', { nullable: true, deleteRule: 'set null' })
  subscription: Rel<Subscription> | null = null;

  @Field(() => Date, { nullable: true, description: 'For a renewal: the start of the period it pays for.' })
  @Property({ type: 'datetime', nullable: true })
  periodStart: Date | null = null;

  /** P20: set when the buyer agreed to recurring charges at checkout (the wording shown). */
  @Property({ type: 'text', nullable: true })
  recurringConsentText: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  refundedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why staff refunded it, as they wrote it.' })
  @Property({ type: 'text', nullable: true })
  refundReason: string | null = null;

  /** The sum of the order's refunds that count; PostgreSQL keeps it (migration payment_refunds). */
  @Field(() => Int, { description: 'Refunded so far, in minor units.' })
  @Property({ type: 'integer', default: 0 })
  refundedMinor: number = 0;

  @OneToMany(() => OrderLine, (l) => l.order)
  lines = new Collection<OrderLine>(this);
}

@ObjectType({ description: 'A line of an order.' })
@Entity({ tableName: 'order_lines' })
export class OrderLine extends TenantOwned {
  @ManyToOne(() => Order, { deleteRule: 'cascade', index: true })
  order!: Rel<Order>;

  @ManyToOne(() => ServicePackage, { nullable: true, deleteRule: 'set null' })
  servicePackage!: Rel<ServicePackage> | null;

  @Field({ description: 'What was bought, as shown on the receipt.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => BillingInterval)
  @Enum({ items: () => BillingInterval })
  interval!: BillingInterval;

  @Field(() => Int)
  @Property({ type: 'integer' })
  quantity!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  unitPriceMinor!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  totalMinor!: number;
}
