import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import {
  AgencySmtpRelay,
  AgencySmtpRelayInput,
  removeSmtpRelay,
  rotateInboundEmailToken,
  setSmtpRelay,
  smtpRelayOf,
} from './agency-mail';
import { PaymentProvider } from '../orders/order.entity';
import {
  AgencyPaymentAccount,
  connectMollie,
  connectPayPal,
  connectStripe,
  disconnectPaymentAccount,
  MollieAccountInput,
  paymentAccountsOf,
  PayPalAccountInput,
  providersOfferedBy,
  StripeAccountInput,
} from '../payments/payment-accounts';
import { Tenant } from './tenant.entity';
import { TenantLogoInput, TenantUpdateInput } from './tenant.inputs';
import { currentTenant, removeTenantLogo, setTenantLogo, updateTenant } from './tenant.service';

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => Tenant, { description: "The viewer's agency." })
  tenant(@Ctx() ctx: RequestContext): Promise<Tenant> {
    return currentTenant(ctx);
  }

  @Mutation(() => Tenant, { description: "Updates the agency's settings (admins); the audit names the fields." })
  tenantUpdate(@Arg('input') input: TenantUpdateInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return updateTenant(ctx, input);
  }

  @Mutation(() => Tenant, { description: "Sets the agency's logo (admins): PNG, JPEG or WebP, at most 256 KB." })
  tenantLogoSet(@Arg('input') input: TenantLogoInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return setTenantLogo(ctx, input.contentBase64);
  }

  @Mutation(() => Tenant, { description: "Removes the agency's logo (admins)." })
  tenantLogoRemove(@Ctx() ctx: RequestContext): Promise<Tenant> {
    return removeTenantLogo(ctx);
  }

  @Mutation(() => Tenant, { description: "Sets the agency's own SMTP relay (admins), verified before it is saved." })
  tenantSmtpRelaySet(@Arg('input') input: AgencySmtpRelayInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return setSmtpRelay(ctx, input);
  }

  @Mutation(() => Tenant, { description: "Back to the installation's mail relay (admins)." })
  tenantSmtpRelayRemove(@Ctx() ctx: RequestContext): Promise<Tenant> {
    return removeSmtpRelay(ctx);
  }

  @Mutation(() => String, {
    description: 'A new inbound e-mail token for the agency (admins): shown this once; the old one stops working.',
  })
  tenantInboundEmailTokenRotate(@Ctx() ctx: RequestContext): Promise<string> {
    return rotateInboundEmailToken(ctx);
  }

  @Mutation(() => Tenant, {
    description: "Connects (or replaces) the agency's own Stripe account (admins); the key is verified first.",
  })
  tenantStripeAccountSet(@Arg('input') input: StripeAccountInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return connectStripe(ctx, input);
  }

  @Mutation(() => Tenant, {
    description: "Connects (or replaces) the agency's own Mollie account (admins); the key is verified first.",
  })
  tenantMollieAccountSet(@Arg('input') input: MollieAccountInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return connectMollie(ctx, input);
  }

  @Mutation(() => Tenant, {
    description: "Connects (or replaces) the agency's own PayPal account (admins); the credentials are verified first.",
  })
  tenantPayPalAccountSet(@Arg('input') input: PayPalAccountInput, @Ctx() ctx: RequestContext): Promise<Tenant> {
    return connectPayPal(ctx, input);
  }

  @Mutation(() => Tenant, { description: "Disconnects the agency's own account at a provider (admins)." })
  tenantPaymentAccountRemove(
    @Arg('provider', () => PaymentProvider) provider: PaymentProvider,
    @Ctx() ctx: RequestContext,
  ): Promise<Tenant> {
    return disconnectPaymentAccount(ctx, provider);
  }

  @Query(() => [PaymentProvider], {
    description: 'The payment providers agency `agency` (slug) offers at checkout (no login needed).',
  })
  paymentProvidersOffered(@Arg('agency') agency: string, @Ctx() ctx: RequestContext): Promise<PaymentProvider[]> {
    return providersOfferedBy(ctx, agency.slice(0, 100));
  }

  @FieldResolver(() => [AgencyPaymentAccount], {
    description: "The agency's own payment accounts: set / last 4 / verified at, never a secret.",
  })
  paymentAccounts(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<AgencyPaymentAccount[]> {
    return paymentAccountsOf(ctx, tenant);
  }

  @FieldResolver(() => AgencySmtpRelay, { nullable: true, description: "The agency's own SMTP relay, if any." })
  smtpRelay(@Root() tenant: Tenant, @Ctx() ctx: RequestContext): Promise<AgencySmtpRelay | null> {
    return smtpRelayOf(ctx, tenant);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the agency has its own inbound e-mail token.' })
  inboundEmailTokenSet(@Root() tenant: Tenant): boolean {
    return Boolean(tenant.inboundEmailTokenHash);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Where the logo is served (public, changes with each new logo); null without one.',
  })
  logoUrl(@Root() tenant: Tenant): string | null {
    return tenant.logoUpdatedAt ? `/agency-logo/${tenant.slug}?v=${tenant.logoUpdatedAt.getTime()}` : null;
  }
}
