// Row rules of the permission matrix (P18), applied by services on top of the tenant walls:
// staff see their agency; contractors what their active assignments cover; customers their own.
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../graphql/context';
import { memo } from '../graphql/loaders';
import { TENANT, VIEWER, type RowRule } from '../graphql/sql/compile';
import type { Customer } from '../modules/customers/customer.entity';
import type { Site } from '../modules/sites/site.entity';
import type { SupportTicket } from '../modules/tickets/support-ticket.entity';

export const isStaff = (ctx: RequestContext) => ctx.viewer?.role === 'ADMIN' || ctx.viewer?.role === 'EMPLOYEE';

/** Sites a contractor is assigned to right now. */
export function assignedSiteIds(ctx: RequestContext): Promise<string[]> {
  return memo(ctx, 'assignedSiteIds', async () => {
    const rows = await ctx.em.execute<{ site_id: string }[]>(
      `select distinct site_id from site_assignments
        where user_id = ? and starts_at <= now() and (ends_at is null or ends_at > now())`,
      [ctx.viewer!.userId],
    );
    return rows.map((r) => r.site_id);
  });
}

/** The customer a CUSTOMER user is a contact of (none: sees nothing). */
export function ownCustomerId(ctx: RequestContext): Promise<string | null> {
  return memo(ctx, 'ownCustomerId', async () => {
    const [row] = await ctx.em.execute<{ customer_id: string }[]>(
      'select c.customer_id from users u join contacts c on c.id = u.contact_id where u.id = ?',
      [ctx.viewer!.userId],
    );
    return row?.customer_id ?? null;
  });
}

const NOTHING = '00000000-0000-0000-0000-000000000000';

export async function siteScope(ctx: RequestContext): Promise<FilterQuery<Site>> {
  switch (ctx.viewer?.role) {
    case 'ADMIN':
    case 'EMPLOYEE':
      return {};
    case 'CONTRACTOR':
      return { id: { $in: await assignedSiteIds(ctx) } };
    case 'CUSTOMER':
      return { customer: (await ownCustomerId(ctx)) ?? NOTHING };
    default:
      return { id: NOTHING };
  }
}

export async function customerScope(ctx: RequestContext): Promise<FilterQuery<Customer>> {
  switch (ctx.viewer?.role) {
    case 'ADMIN':
    case 'EMPLOYEE':
      return {};
    case 'CONTRACTOR': {
      const sites = await assignedSiteIds(ctx);
      if (!sites.length) return { id: NOTHING };
      const rows = await ctx.em.execute<{ customer_id: string }[]>(
        `select distinct customer_id from sites where id in (${sites.map(() => '?').join(',')})`,
        sites,
      );
      return { id: { $in: rows.map((r) => r.customer_id) } };
    }
    case 'CUSTOMER':
      return { id: (await ownCustomerId(ctx)) ?? NOTHING };
    default:
      return { id: NOTHING };
  }
}

/** Tickets: staff all; contractors those of their assigned sites; customers their own. */
export async function ticketScope(ctx: RequestContext): Promise<FilterQuery<SupportTicket>> {
  switch (ctx.viewer?.role) {
    case 'ADMIN':
    case 'EMPLOYEE':
      return {};
    case 'CONTRACTOR':
      return { site: { $in: await assignedSiteIds(ctx) } };
    case 'CUSTOMER':
      return { customer: (await ownCustomerId(ctx)) ?? NOTHING };
    default:
      return { id: NOTHING };
  }
}

/** Rows that belong to a customer (orders, subscriptions): staff see all, a customer only their own. */
export async function ownedByCustomerScope(ctx: RequestContext): Promise<{ customer?: string }> {
  return ctx.viewer?.role === 'CUSTOMER' ? { customer: (await ownCustomerId(ctx)) ?? NOTHING } : {};
}

// The same rules as SQL predicates on a row alias, for compiled reads (graphql/sql): `$2` is the viewer.
// Every table named with the tenant, as the ORM's filter would (row-level security says it again).
const ASSIGNED_SITES = `select a.site_id from site_assignments a where a.tenant_id = ${TENANT} and a.user_id = ${VIEWER}
  and a.starts_at <= now() and (a.ends_at is null or a.ends_at > now())`;
const OWN_CUSTOMER = `(select k.customer_id from users u join contacts k on k.id = u.contact_id
  where u.tenant_id = ${TENANT} and u.id = ${VIEWER})`;

/** Staff see every row of their agency; contractors and customers what their predicate on `t` allows. */
const byRole =
  (rules: { CONTRACTOR: (t: string) => string; CUSTOMER: (t: string) => string }): RowRule =>
  (t, role) =>
    role === 'ADMIN' || role === 'EMPLOYEE' ? 'true' : role in rules ? rules[role as keyof typeof rules](t) : null;

export const siteRule = byRole({
  CONTRACTOR: (t) => `${t}.id in (${ASSIGNED_SITES})`,
  CUSTOMER: (t) => `${t}.customer_id = ${OWN_CUSTOMER}`,
});

export const customerRule = byRole({
  CONTRACTOR: (t) =>
    `${t}.id in (select s.customer_id from sites s where s.tenant_id = ${TENANT} and s.id in (${ASSIGNED_SITES}))`,
  CUSTOMER: (t) => `${t}.id = ${OWN_CUSTOMER}`,
});

export const ticketRule = byRole({
  CONTRACTOR: (t) => `${t}.site_id in (${ASSIGNED_SITES})`,
  CUSTOMER: (t) => `${t}.customer_id = ${OWN_CUSTOMER}`,
});

export const ownedByCustomerRule: RowRule = (t, role) =>
  role === 'CUSTOMER' ? `${t}.customer_id = ${OWN_CUSTOMER}` : 'true';
