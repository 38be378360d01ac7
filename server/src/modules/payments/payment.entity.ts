import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Order, PaymentProvider } from '../orders/order.entity';

export enum PaymentStatus {
  PENDING = 'PENDING',
  PAID = 'PAID',
  FAILED = 'FAILED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

/**
 * A payment through a provider (P4, P20). There is nowhere to put a card or account number: the
 * provider holds them; we keep its reference, the method it reports, the amount and the status.
 */
@ObjectType({ description: 'A payment through Stripe, PayPal or Mollie.' })
@Entity({ tableName: 'payments' })
// The refund ledger's wall (refund.entity.ts): never more refunded than paid.
@Check({
  name: 'payments_refunded_within_amount',
  expression: 'refunded_minor >= 0 and refunded_minor <= amount_minor',
})
@Unique({ properties: ['tenant', 'provider', 'providerReference'] })
@Index({ properties: ['tenant', 'order'] })
export class Payment extends TenantOwned<
  'status' | 'method' | 'paidAt' | 'providerPaymentId' | 'viaMandate' | 'failureReason' | 'refundedAt' | 'refundedMinor'
> {
  @ManyToOne(() => Order, { deleteRule: 'cascade' })
  order!: Rel<Order>;

  @Field(() => PaymentProvider)
  @Enum({ items: () => PaymentProvider })
  provider!: PaymentProvider;

  @Field({ description: "The provider's checkout reference (Stripe session, Mollie payment, PayPal order)." })
  @Property({ type: 'text' })
  providerReference!: string;

  @Field(() => String, {
    nullable: true,
    description: "The provider's payment id once paid (e.g. Stripe payment intent).",
  })
  @Property({ type: 'text', nullable: true })
  providerPaymentId: string | null = null;

  @Field(() => String, { nullable: true, description: 'As the provider reports it: card, paypal, ideal, klarna…' })
  @Property({ type: 'text', nullable: true })
  method: string | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  amountMinor!: number;

  @Field()
  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Field(() => PaymentStatus)
  @Enum({ items: () => PaymentStatus })
  status: PaymentStatus = PaymentStatus.PENDING;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  paidAt: Date | null = null;

  @Field({ description: 'Charged through the stored mandate (a renewal), not on a payment page.' })
  @Property({ type: 'boolean' })
  viaMandate: boolean = false;

  @Field(() => String, {
    nullable: true,
    description: "The provider's reason for a refused charge, e.g. card_declined.",
  })
  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  refundedAt: Date | null = null;

  /** The sum of its refunds that count (refund.entity.ts); PostgreSQL keeps it, never above the amount. */
  @Field(() => Int, { description: 'Refunded so far, in minor units.' })
  @Property({ type: 'integer', default: 0 })
  refundedMinor: number = 0;
}

/**
 * The idempotency ledger of provider webhooks: one row per provider event and agency, processed once.
 * No personal data; the agency is the one whose URL the event came through (issue 26).
 */
@Entity({ tableName: 'webhook_events' })
@Unique({ properties: ['tenant', 'provider', 'eventId'] })
export class WebhookEvent extends TenantOwned<'processedAt' | 'outcome'> {
  @Enum({ items: () => PaymentProvider })
  provider!: PaymentProvider;

  @Property({ type: 'text' })
  eventId!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'datetime', nullable: true })
  processedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  outcome: string | null = null;
}
