import { IsEnum, IsOptional } from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { readComputedValue, readList, readMany, readOne } from '../../graphql/sql/reads';
import { FilteredListArgs, ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { Customer } from '../customers/customer.entity';
import { ServicePackage } from '../packages/service-package.entity';
import { Subscription, SubscriptionStatus } from './subscription.entity';
import { PaymentPage } from './payment-method.inputs';
import { startPaymentMethodChange } from './payment-method.service';
import { cancelSubscription, getSubscription } from './subscription.service';

const SubscriptionList = ListOf(Subscription, 'PackageSubscription');
type SubscriptionList = InstanceType<typeof SubscriptionList>;

@InputType()
class SubscriptionFilter {
  @Field(() => SubscriptionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SubscriptionStatus)
  status?: SubscriptionStatus;
}

const SubscriptionListArgs = FilteredListArgs(SubscriptionFilter);
type SubscriptionListArgs = InstanceType<typeof SubscriptionListArgs>;

@Resolver(() => Subscription)
export class SubscriptionResolver {
  @Query(() => SubscriptionList, { description: 'Subscriptions (customers: their own), next renewal first.' })
  async subscriptions(
    @Args(() => SubscriptionListArgs) { filter = {}, page = new PageInput() }: SubscriptionListArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return readList<Subscription>(ctx, 'Query.subscriptions', { filter: { ...filter }, page });
  }

  @Query(() => Subscription)
  subscription(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Subscription> {
    return getSubscription(ctx, id);
  }

  @FieldResolver(() => Customer)
  customer(@Root() s: Subscription, @Ctx() ctx: RequestContext): Promise<Customer | null> {
    return readOne(ctx, 'PackageSubscription.customer', Subscription, s.id);
  }

  @FieldResolver(() => ServicePackage)
  servicePackage(@Root() s: Subscription, @Ctx() ctx: RequestContext): Promise<ServicePackage | null> {
    return readOne(ctx, 'PackageSubscription.servicePackage', Subscription, s.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the provider keeps a payment method for renewals (never the method itself).',
  })
  paymentMethodOnFile(@Root() s: Subscription, @Ctx() ctx: RequestContext): Promise<boolean> {
    return readComputedValue(ctx, 'PackageSubscription.paymentMethodOnFile', Subscription, s.id);
  }

  @Mutation(() => PaymentPage, {
    description: "Starts a change of the renewal payment method on the provider's own page; open redirectUrl.",
  })
  async subscriptionChangePaymentMethod(
    @Arg('id', () => UUID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PaymentPage> {
    return { redirectUrl: (await startPaymentMethodChange(ctx, id)).redirectUrl };
  }

  @Mutation(() => Subscription, { description: 'Stops renewals (the customer from the portal, or staff); audited.' })
  subscriptionCancel(
    @Arg('id', () => UUID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Subscription> {
    if (reason && reason.length > 1000) reason = reason.slice(0, 1000);
    return cancelSubscription(ctx, id, reason);
  }
}

/** Issue 25: a customer's subscriptions, as its page shows them. */
@Resolver(() => Customer)
export class CustomerSubscriptionsResolver {
  @FieldResolver(() => [Subscription], {
    description: 'Its subscriptions (up to 50), active first, then by next renewal.',
  })
  subscriptions(@Root() customer: Customer, @Ctx() ctx: RequestContext): Promise<Subscription[]> {
    return readMany(ctx, 'Customer.subscriptions', Customer, customer.id);
  }
}
