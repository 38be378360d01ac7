// The checkout most payment and invoice suites start from: the demo agency's "Plus" care package,
// monthly, in SEK, through the fake Stripe, placed by the anonymous public (or a logged-in client).
import { ApiClient } from './api-client';

export const CHECKOUT = 'mutation($i: CheckoutInput!) { checkout(input: $i) { orderId orderNumber redirectUrl } }';

type Sql = (text: string, params?: unknown[]) => Promise<Record<string, any>[]>;

/** The id of agency `slug`'s "Plus" care package (demo data). */
export async function plusPackageId(sql: Sql, slug = 'jj-media'): Promise<string> {
  const [row] = await sql(
    `select p.id from service_packages p join tenants t on t.id = p.tenant_id where t.slug = $1 and p.name_en = 'Plus'`,
    [slug],
  );
  return row.id as string;
}

/** The checkout input for the Plus package; `extra` adds or replaces fields (siteDomain, provider, …). */
export function plusCheckout(packageId: string, buyer: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { agency: 'jj-media', packageId, interval: 'MONTHLY', currency: 'SEK', provider: 'STRIPE', buyer, ...extra };
}

export interface PlacedOrder {
  orderId: string;
  orderNumber: number;
  redirectUrl: string;
}

/** Buys the Plus package for `buyer` at `baseUrl` as the anonymous public; fails on any error. */
export async function checkoutPlus(
  baseUrl: string,
  sql: Sql,
  buyer: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<PlacedOrder> {
  const { checkout } = await new ApiClient(baseUrl).ok<{ checkout: PlacedOrder }>(CHECKOUT, {
    i: plusCheckout(await plusPackageId(sql), buyer, extra),
  });
  return checkout;
}
