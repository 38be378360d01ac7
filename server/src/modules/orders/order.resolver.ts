import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { readComputedValue, readMany, readOne } from '../../graphql/sql/reads';
import { FilteredListArgs, ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { Customer } from '../customers/customer.entity';
import { Payment } from '../payments/payment.entity';
import { Refund } from '../payments/refund.entity';
import { Site } from '../sites/site.entity';
import { Subscription } from '../subscriptions/subscription.entity';
import { CheckoutInput, CheckoutResult } from './checkout.inputs';
import * as orderService from './order.service';
import { checkout } from './checkout.service';
import { Order, OrderLine, OrderStatus } from './order.entity';

const OrderList = ListOf(Order, 'Order');
type OrderList = InstanceType<typeof OrderList>;

@InputType()
class OrderFilter {
  @Field(() => OrderStatus, { nullable: true })
  @IsOptional()
  @IsEnum(OrderStatus)
  status?: OrderStatus;

  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @Field({
    nullable: true,
    description:
      'Issue 25: true, orders not paid whose latest payment attempt failed (the order page gives the reason); false, the others.',
  })
  @IsOptional()
  @IsBoolean()
  paymentFailed?: boolean;
}

@InputType({ description: 'One line of an order to refund, and how many of it.' })
class OrderRefundLineInput {
  @Field(() => UUID)
  @IsUUID()
  orderLineId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  quantity!: number;
}

@InputType({ description: 'A refund: everything still refundable (the default), an amount, or lines.' })
class OrderRefundInput {
  @Field({ description: 'Why the money goes back; kept on the order and in the audit log.' })
  @Length(3, 1000)
  reason!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Minor units, at most what is still refundable (refundableMinor). Not with lines.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  amount?: number;

  @Field(() => [OrderRefundLineInput], {
    nullable: true,
    description: "Refund these lines (their price with the order's VAT). Not with amount.",
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  lines?: OrderRefundLineInput[];

  @Field({
    nullable: true,
    description: "For a subscription's order: also cancel the subscription (the period paid runs to its end).",
  })
  @IsOptional()
  @IsBoolean()
  cancelSubscription?: boolean;
}

const OrderListArgs = FilteredListArgs(OrderFilter);
type OrderListArgs = InstanceType<typeof OrderListArgs>;

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => OrderList, { description: 'Orders, newest first (customers: their own).' })
  async orders(
    @Args(() => OrderListArgs) { filter = {}, page = new PageInput() }: OrderListArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return orderService.listOrders(ctx, filter, page);
  }

  @Query(() => Order)
  async order(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Order> {
    return orderService.getOrder(ctx, id);
  }

  @FieldResolver(() => Customer)
  customer(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<Customer | null> {
    return readOne(ctx, 'Order.customer', Order, order.id);
  }

  @FieldResolver(() => [OrderLine])
  lines(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<OrderLine[]> {
    return readMany(ctx, 'Order.lines', Order, order.id);
  }

  @FieldResolver(() => Subscription, {
    nullable: true,
    description: 'The subscription it started or renews (refunding it may cancel that too).',
  })
  subscription(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<Subscription | null> {
    return readOne(ctx, 'Order.subscription', Order, order.id);
  }

  @FieldResolver(() => [Refund], { description: 'Its refunds, oldest first.' })
  refunds(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<Refund[]> {
    return readMany(ctx, 'Order.refunds', Order, order.id);
  }

  @FieldResolver(() => Int, { description: 'What may still be refunded, in minor units (0 unless paid).' })
  refundableMinor(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<number> {
    return readComputedValue(ctx, 'Order.refundableMinor', Order, order.id);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Issue 25: whether it may be cancelled now (orderCancel): while it waits for payment and has no open invoice.',
  })
  canCancel(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<boolean> {
    return readComputedValue(ctx, 'Order.canCancel', Order, order.id);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Issue 25: whether it may be paid from its page now (orderPay): while it waits for payment and has no open invoice (an invoice is paid through invoicePay).',
  })
  canPay(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<boolean> {
    return readComputedValue(ctx, 'Order.canPay', Order, order.id);
  }

  @FieldResolver(() => [Payment])
  payments(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<Payment[]> {
    return readMany(ctx, 'Order.payments', Order, order.id);
  }

  @Mutation(() => String, {
    description:
      "Issue 25: the provider's payment page (its address) for an order waiting for payment: a customer's own, or any for staff; audited.",
  })
  orderPay(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<string> {
    return orderService.payOrder(ctx, id);
  }

  @Mutation(() => Order, {
    description:
      'Cancels an order still waiting for payment (staff, or the customer her own; a paid one is refunded instead); audited.',
  })
  orderCancel(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Order> {
    return orderService.cancelOrder(ctx, id);
  }

  @Mutation(() => Order, {
    description:
      'Refunds a paid order through its provider, in full or in part (by amount or by line; admins); audited, and the buyer is told.',
  })
  orderRefund(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: OrderRefundInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Order> {
    return orderService.refundOrder(ctx, id, {
      reason: input.reason.trim(),
      amountMinor: input.amount ?? undefined,
      lines: input.lines ?? undefined,
      cancelSubscription: input.cancelSubscription ?? false,
    });
  }

  @Mutation(() => CheckoutResult, {
    description:
      'Orders a care package: a pending order and the payment page of the chosen provider (no login needed).',
  })
  async checkout(@Arg('input') input: CheckoutInput, @Ctx() ctx: RequestContext): Promise<CheckoutResult> {
    // Without a login it is a public form (a pending order and a provider session per call): rate-limited.
    if (!ctx.viewer) await ctx.app.throttle.consumeCheckout(ctx.ip);
    return checkout(ctx, input);
  }
}

/** The newest orders of a customer, as the customer list shows them (one statement per page). */
@Resolver(() => Customer)
export class CustomerOrdersResolver {
  @FieldResolver(() => [Order], { description: 'The 5 newest orders, newest first.' })
  latestOrders(@Root() customer: Customer, @Ctx() ctx: RequestContext): Promise<Order[]> {
    return readMany(ctx, 'Customer.latestOrders', Customer, customer.id);
  }
}

/** The newest orders bought for a site, as its page shows them. */
@Resolver(() => Site)
export class SiteOrdersResolver {
  @FieldResolver(() => [Order], { description: 'The 20 newest orders for this site, newest first.' })
  latestOrders(@Root() site: Site, @Ctx() ctx: RequestContext): Promise<Order[]> {
    return readMany(ctx, 'Site.latestOrders', Site, site.id);
  }
}
