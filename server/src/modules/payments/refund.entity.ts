import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Order } from '../orders/order.entity';
import { User } from '../users/user.entity';
import { Payment } from './payment.entity';

export enum RefundStatus {
  /** The provider accepted it and pays it out later (Mollie queues; Stripe and PayPal may hold). */
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  /** The provider gave up on it later: it no longer counts against the payment. */
  FAILED = 'FAILED',
}
registerEnumType(RefundStatus, { name: 'RefundStatus' });

@ObjectType({ description: 'Part of a refund given back for a line of the order.' })
export class RefundLine {
  @Field(() => ID)
  orderLineId!: string;

  @Field(() => Int)
  quantity!: number;
}

/**
 * The refunded-amount ledger of a payment (issue 19): one row per refund through the provider. The
 * refunds that count (not FAILED) never sum to more than the payment: the service checks it under a
 * row lock on the payment, and PostgreSQL keeps `payments.refunded_minor` (and the order's) as that
 * sum with a CHECK against the amount paid (migration payment_refunds).
 */
@ObjectType({ description: 'A refund of (part of) a payment, through its provider.' })
@Entity({ tableName: 'refunds' })
@Check({ name: 'refunds_amount_positive', expression: 'amount_minor > 0' })
@Index({ properties: ['tenant', 'order', 'createdAt'] })
@Unique({ properties: ['tenant', 'payment', 'idempotencyKey'] })
export class Refund extends TenantOwned<'status' | 'providerRefundId' | 'lines' | 'createdBy'> {
  @ManyToOne(() => Payment, { deleteRule: 'cascade', index: true })
  payment!: Rel<Payment>;

  @ManyToOne(() => Order, { deleteRule: 'cascade', index: true })
  order!: Rel<Order>;

  @Field(() => Int, { description: 'In minor units of the payment currency.' })
  @Property({ type: 'integer' })
  amountMinor!: number;

  @Field()
  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Field(() => RefundStatus)
  @Enum({ items: () => RefundStatus })
  status: RefundStatus = RefundStatus.SUCCEEDED;

  @Field(() => String, { nullable: true, description: "The provider's refund id." })
  @Property({ type: 'text', nullable: true })
  providerRefundId: string | null = null;

  @Field(() => [RefundLine], { nullable: true, description: 'The lines refunded, for a refund by line.' })
  @Property({ type: 'json', nullable: true })
  lines: RefundLine[] | null = null;

  @Field({ description: 'Why the money goes back, as staff wrote it.' })
  @Property({ type: 'text' })
  reason!: string;

  /** What the provider was asked with, so that a retried call never refunds twice. */
  @Property({ type: 'text' })
  idempotencyKey!: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy: Rel<User> | null = null;
}
