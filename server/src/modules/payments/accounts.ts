// Issue 17: each agency's own payment accounts. The keys are AgencySecrets (S31: sealed under the
// keyring bound to the agency and the field, rewrapped by `rotate-keys`, never returned: the API shows
// set / last 4 / verified at). Every provider call of an order, a renewal, a method change, a refund
// or a webhook runs through the account of the agency that owns it (`paymentAccount` below, the one
// definition). The installation-wide keys of `config.payments` are only the fallback of a
// single-agency installation: used while the installation has exactly one agency, for a provider that
// agency has not connected itself (as INBOUND_EMAIL_TOKEN, `sitecare_agency_count()`).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config';
import type { AppServices } from '../../graphql/context';
import { AgencySecret } from '../agency-secrets/agency-secret.entity';
import { openAgencySecret } from '../agency-secrets/agency-secret.service';
import { PaymentProvider } from '../orders/order.entity';

export interface StripeAccount {
  secretKey: string;
  webhookSecret?: string;
  apiBase?: string;
}
export interface MollieAccount {
  apiKey: string;
  apiBase?: string;
}
export interface PayPalAccount {
  clientId: string;
  clientSecret: string;
  webhookId?: string;
  live: boolean;
  apiBase?: string;
}
export interface AccountOf {
  [PaymentProvider.STRIPE]: StripeAccount;
  [PaymentProvider.MOLLIE]: MollieAccount;
  [PaymentProvider.PAYPAL]: PayPalAccount;
}

/** The AgencySecret names of each provider's account (the field bound into each ciphertext). */
export const PAYMENT_SECRETS = {
  [PaymentProvider.STRIPE]: { secretKey: 'stripe.secretKey', webhookSecret: 'stripe.webhookSecret' },
  [PaymentProvider.MOLLIE]: { apiKey: 'mollie.apiKey' },
  [PaymentProvider.PAYPAL]: {
    clientId: 'paypal.clientId',
    clientSecret: 'paypal.clientSecret',
    webhookId: 'paypal.webhookId',
  },
} as const;

/** The secret names an agency must have saved for the provider to count as connected. */
export const secretNamesOf = (provider: PaymentProvider): string[] => Object.values(PAYMENT_SECRETS[provider]);

/** PayPal's environment is not a secret: it is kept beside the secrets as the agency's column. */
async function paypalLive(em: EntityManager, tenantId: string): Promise<boolean> {
  const [row] = await em.execute<{ live: boolean }[]>(
    `select paypal_environment = 'live' as live from tenants where id = ?`,
    [tenantId],
  );
  return Boolean(row?.live);
}

/** The installation-wide account of `config.payments` (the single-agency fallback), if configured. */
export function installationAccount<P extends PaymentProvider>(config: Config, provider: P): AccountOf[P] | undefined {
  const { stripe, mollie, paypal } = config.payments;
  switch (provider) {
    case PaymentProvider.STRIPE:
      return (stripe.secretKey ? { ...stripe, secretKey: stripe.secretKey } : undefined) as AccountOf[P] | undefined;
    case PaymentProvider.MOLLIE:
      return (mollie.apiKey ? { ...mollie, apiKey: mollie.apiKey } : undefined) as AccountOf[P] | undefined;
    default:
      return (
        paypal.clientId && paypal.clientSecret
          ? { ...paypal, clientId: paypal.clientId, clientSecret: paypal.clientSecret }
          : undefined
      ) as AccountOf[P] | undefined;
  }
}

/** Whether the installation has exactly one agency (the fallback's condition). */
export async function singleAgency(em: EntityManager): Promise<boolean> {
  const [row] = await em.execute<{ agencies: number }[]>('select sitecare_agency_count() as agencies');
  return Number(row?.agencies) === 1;
}

/** Which providers agency `tenantId` has connected itself (without opening any secret). */
async function connectedProviders(em: EntityManager, tenantId: string): Promise<Set<PaymentProvider>> {
  const rows = await em.find(AgencySecret, { tenant: tenantId }, { filters: false, fields: ['name'] });
  const names = new Set(rows.map((r) => r.name));
  return new Set(Object.values(PaymentProvider).filter((p) => secretNamesOf(p).every((name) => names.has(name))));
}

/** The providers agency `tenantId` offers at checkout: its own accounts, or the fallback's. */
export async function offeredProviders(
  em: EntityManager,
  config: Config,
  tenantId: string,
): Promise<PaymentProvider[]> {
  const own = await connectedProviders(em, tenantId);
  const single = own.size === Object.values(PaymentProvider).length ? false : await singleAgency(em);
  return Object.values(PaymentProvider).filter(
    (p) => own.has(p) || (single && installationAccount(config, p) !== undefined),
  );
}

/**
 * The account that provider calls for agency `tenantId` go through: the agency's own (opened here,
 * only for the call), or the single-agency fallback; undefined when the agency does not offer it.
 */
export async function paymentAccount<P extends PaymentProvider>(
  em: EntityManager,
  app: Pick<AppServices, 'config' | 'keyring'>,
  tenantId: string,
  provider: P,
): Promise<AccountOf[P] | undefined> {
  const names = PAYMENT_SECRETS[provider] as Record<string, string>;
  const opened: Record<string, string> = {};
  for (const [key, name] of Object.entries(names)) {
    const value = await openAgencySecret(em, app.keyring, tenantId, name);
    if (value === undefined) {
      if (!(await singleAgency(em))) return undefined;
      return installationAccount(app.config, provider);
    }
    opened[key] = value;
  }
  const { payments } = app.config;
  switch (provider) {
    case PaymentProvider.STRIPE:
      return { ...opened, apiBase: payments.stripe.apiBase } as unknown as AccountOf[P];
    case PaymentProvider.MOLLIE:
      return { ...opened, apiBase: payments.mollie.apiBase } as unknown as AccountOf[P];
    default:
      return {
        ...opened,
        apiBase: payments.paypal.apiBase,
        live: await paypalLive(em, tenantId),
      } as unknown as AccountOf[P];
  }
}
