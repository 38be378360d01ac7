// Issue 17: an admin connects, replaces and disconnects the agency's own Stripe, Mollie and PayPal
// accounts. Each key is verified with a harmless provider call before anything is stored (a refused
// key is BAD_USER_INPUT naming the field), sealed as an AgencySecret (S31), audited by field name only,
// and never returned: the API shows set / last 4 / verified at.
import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { useTenant, type RequestContext } from '../../graphql/context';
import { AppError, badInput } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { requireFreshStep } from '../auth/second-factor.service';
import { AgencySecret } from '../agency-secrets/agency-secret.entity';
import { removeAgencySecret, saveAgencySecret } from '../agency-secrets/agency-secret.service';
import { audit } from '../audit/audit.service';
import { PaymentProvider } from '../orders/order.entity';
import type { Tenant } from '../tenants/tenant.entity';
import { currentTenant } from '../tenants/tenant.service';
import { offeredProviders, PAYMENT_SECRETS, secretNamesOf, type AccountOf } from './accounts';
import { PROVIDER_NAMES } from './gateway';
import { verifyMollieAccount } from './mollie.provider';
import { verifyPayPalAccount } from './paypal.provider';
import { verifyStripeAccount } from './stripe.provider';

@ObjectType({ description: 'One saved secret, as the API shows it: never the secret itself.' })
export class AgencySecretState {
  @Field({ description: 'The input field it was saved from, e.g. secretKey.' }) field!: string;
  @Field() set!: boolean;
  @Field(() => String, { nullable: true, description: 'The last characters of the secret.' })
  last4!: string | null;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
}

@ObjectType({ description: "The agency's own account at a payment provider." })
export class AgencyPaymentAccount {
  @Field(() => PaymentProvider) provider!: PaymentProvider;
  @Field({ description: "Whether the agency's own account is connected." }) connected!: boolean;
  @Field({ description: 'Whether checkout offers the provider (own account, or the single-agency fallback).' })
  offered!: boolean;
  @Field(() => [AgencySecretState]) secrets!: AgencySecretState[];
  @Field(() => String, { nullable: true, description: 'PayPal: sandbox or live.' })
  environment!: string | null;
  @Field({ description: "Where to point the provider's webhooks (path; prefix the public address)." })
  webhookPath!: string;
}

const SECRET = (min: number) => Length(min, 500);

@InputType()
export class StripeAccountInput {
  @Field({ description: 'The secret key, sk_live_… or sk_test_… (a restricted key rk_… works too).' })
  @SECRET(8)
  @Matches(/^(sk|rk)_(live|test)_\S+$/, { message: 'must be a Stripe secret key (sk_live_… or sk_test_…)' })
  secretKey!: string;

  @Field({ description: "The webhook endpoint's signing secret, whsec_…." })
  @SECRET(8)
  @Matches(/^whsec_\S+$/, { message: 'must be a webhook signing secret (whsec_…)' })
  webhookSecret!: string;
}

@InputType()
export class MollieAccountInput {
  @Field({ description: 'The API key, live_… or test_….' })
  @SECRET(8)
  @Matches(/^(live|test)_\S+$/, { message: 'must be a Mollie API key (live_… or test_…)' })
  apiKey!: string;
}

@InputType()
export class PayPalAccountInput {
  @Field() @SECRET(4) clientId!: string;
  @Field() @SECRET(4) clientSecret!: string;
  @Field({ description: "The id of the webhook registered for this agency's URL." }) @SECRET(4) webhookId!: string;
  @Field({ nullable: true, description: 'sandbox (default) or live.' })
  @IsOptional()
  @IsIn(['sandbox', 'live'], { message: 'must be sandbox or live' })
  environment?: 'sandbox' | 'live';
}

/** What the account screen shows of the agency's accounts: set / last 4 / verified at, never a secret. */
export async function paymentAccountsOf(ctx: RequestContext, tenant: Tenant): Promise<AgencyPaymentAccount[]> {
  const rows = await ctx.em.find(AgencySecret, { name: { $like: '%.%' } });
  const byName = new Map(rows.map((r) => [r.name, r]));
  const offered = new Set(await offeredProviders(ctx.em, ctx.app.config, tenant.id));
  return Object.values(PaymentProvider).map((provider) => {
    const secrets = Object.entries(PAYMENT_SECRETS[provider] as Record<string, string>).map(([field, name]) => {
      const row = byName.get(name);
      return { field, set: Boolean(row), last4: row?.last4 ?? null, verifiedAt: row?.verifiedAt ?? null };
    });
    const connected = secrets.every((s) => s.set);
    return {
      provider,
      connected,
      offered: offered.has(provider),
      secrets,
      environment: provider === PaymentProvider.PAYPAL && connected ? (tenant.paypalEnvironment ?? 'sandbox') : null,
      webhookPath: `/webhooks/${provider.toLowerCase()}/${tenant.slug}`,
    };
  });
}

/** The provider's harmless call; a refusal becomes BAD_USER_INPUT naming `field`, an outage SERVICE_UNAVAILABLE. */
async function verify(ctx: RequestContext, provider: PaymentProvider, field: string, call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const status =
      (error as { statusCode?: number }).statusCode ??
      (error as { status?: number }).status ??
      Number(/: (\d{3})$/.exec((error as Error).message ?? '')?.[1]);
    // Only the status is logged: a provider's message may echo what was sent.
    ctx.logger.warn({ provider, status: status || undefined }, 'payment account verification refused');
    throw badInput(field, `${PROVIDER_NAMES[provider]} did not accept this ${field}${status ? ` (${status})` : ''}`);
  }
}

async function connect<P extends PaymentProvider>(
  ctx: RequestContext,
  provider: P,
  secrets: Record<string, string>,
  check: { field: string; call: (account: AccountOf[P]) => Promise<unknown> },
  account: AccountOf[P],
  environment?: 'sandbox' | 'live',
): Promise<Tenant> {
  await requireFreshStep(ctx, {
    action: 'tenant.paymentAccount.connect',
    entityType: 'Tenant',
    entityId: ctx.tenantId!,
    detail: { provider },
  });
  await verify(ctx, provider, check.field, () => check.call(account));
  return inTransaction(ctx, async () => {
    const tenant = await currentTenant(ctx);
    const now = new Date();
    const names = PAYMENT_SECRETS[provider] as Record<string, string>;
    for (const [field, value] of Object.entries(secrets)) await saveAgencySecret(ctx, names[field], value, now);
    if (provider === PaymentProvider.PAYPAL) tenant.paypalEnvironment = environment ?? 'sandbox';
    await ctx.em.flush();
    await audit(ctx, {
      action: 'tenant.paymentAccount.connect',
      entityType: 'Tenant',
      entityId: tenant.id,
      detail: { provider, changed: Object.keys(secrets), ...(environment ? { environment } : {}) },
    });
    return tenant;
  });
}

export function connectStripe(ctx: RequestContext, input: StripeAccountInput): Promise<Tenant> {
  const account = { ...input, apiBase: ctx.app.config.payments.stripe.apiBase };
  return connect(ctx, PaymentProvider.STRIPE, { ...input }, { field: 'secretKey', call: verifyStripeAccount }, account);
}

export function connectMollie(ctx: RequestContext, input: MollieAccountInput): Promise<Tenant> {
  const account = { ...input, apiBase: ctx.app.config.payments.mollie.apiBase };
  return connect(ctx, PaymentProvider.MOLLIE, { ...input }, { field: 'apiKey', call: verifyMollieAccount }, account);
}

export function connectPayPal(ctx: RequestContext, input: PayPalAccountInput): Promise<Tenant> {
  const { environment, ...secrets } = input;
  const live = environment === 'live';
  const account = { ...secrets, live, apiBase: ctx.app.config.payments.paypal.apiBase };
  return connect(
    ctx,
    PaymentProvider.PAYPAL,
    secrets,
    { field: 'clientSecret', call: verifyPayPalAccount },
    account,
    live ? 'live' : 'sandbox',
  );
}

export async function disconnectPaymentAccount(ctx: RequestContext, provider: PaymentProvider): Promise<Tenant> {
  await requireFreshStep(ctx, {
    action: 'tenant.paymentAccount.disconnect',
    entityType: 'Tenant',
    entityId: ctx.tenantId!,
    detail: { provider },
  });
  return inTransaction(ctx, async () => {
    const tenant = await currentTenant(ctx);
    for (const name of secretNamesOf(provider)) await removeAgencySecret(ctx, name);
    if (provider === PaymentProvider.PAYPAL) tenant.paypalEnvironment = null;
    await ctx.em.flush();
    await audit(ctx, {
      action: 'tenant.paymentAccount.disconnect',
      entityType: 'Tenant',
      entityId: tenant.id,
      detail: { provider },
    });
    return tenant;
  });
}

/** The providers agency `slug` offers at checkout (public: the order form shows only these). */
export async function providersOfferedBy(ctx: RequestContext, slug: string): Promise<PaymentProvider[]> {
  const [row] = await ctx.em.execute<{ id: string | null }[]>('select sitecare_tenant_by_slug(?) as id', [slug]);
  if (!row?.id) return [];
  await useTenant(ctx, row.id);
  return offeredProviders(ctx.em, ctx.app.config, row.id);
}
