// Issue 25 item 6: the home page's cards, each through the definition its list already has (the
// lists' filters in <noun>.sql.ts and the services), so a card counts exactly what its "all" link
// opens; the row rules are PostgreSQL's.
import type { RequestContext } from '../../graphql/context';
import { PageInput } from '../../graphql/pagination';
import { readList } from '../../graphql/sql/reads';
import type { Breach } from '../breaches/breach.entity';
import { listBreaches } from '../breaches/breach.service';
import type { Invoice } from '../invoices/invoice.entity';
import type { Lead } from '../leads/lead.entity';
import type { Order } from '../orders/order.entity';
import { listRequests } from '../privacy-requests/privacy-request.service';
import type { Site } from '../sites/site.entity';
import type { SupportTicket } from '../tickets/support-ticket.entity';
import type {
  HomeBreaches,
  HomeInvoices,
  HomeLeads,
  HomePayments,
  HomePrivacyRequests,
  HomeStaleBackups,
  HomeTickets,
} from './home.types';

/** How many records a card lists under its number. */
export const HOME_SHOW = 5;
const page = (take = HOME_SHOW) => Object.assign(new PageInput(), { take, skip: 0 });

export async function newLeads(ctx: RequestContext): Promise<HomeLeads> {
  return readList<Lead>(ctx, 'Query.leads', { filter: { status: 'NEW' }, page: page() });
}

/** Open tickets, or those past their first-response time, nearest first-response time first. */
export async function tickets(ctx: RequestContext, overdue: boolean): Promise<HomeTickets> {
  return readList<SupportTicket>(ctx, 'Query.supportTickets', {
    filter: overdue ? { overdue: true } : { status: ['NEW', 'OPEN'] },
    sort: { field: 'firstResponseDueAt', order: 'ASC' },
    page: page(),
  });
}

export async function payments(ctx: RequestContext): Promise<HomePayments> {
  const oldestFirst = (t: string) => `${t}.created_at asc, ${t}.id asc`;
  const orders = await readList<Order>(
    ctx,
    'Query.orders',
    { filter: { status: 'PENDING_PAYMENT' }, page: page(1) },
    oldestFirst,
  );
  const pastDue = await readList(ctx, 'Query.subscriptions', { filter: { status: 'PAST_DUE' }, page: page(1) });
  return {
    pendingOrders: orders.totalCount,
    oldestPendingOrder: orders.nodes[0] ?? null,
    pastDueSubscriptions: pastDue.totalCount,
  };
}

/** The newest backup of each site (the sites' list filter `backupOverdue` decides which are stale). */
const NEWEST_BACKUP = (t: string) => `(select max(b.taken_at) from site_backups b where b.site_id = ${t}.id)`;

export async function staleBackups(ctx: RequestContext): Promise<HomeStaleBackups> {
  const { nodes, totalCount } = await readList<Site>(
    ctx,
    'Query.sites',
    { filter: { status: 'ACTIVE', backupOverdue: true }, sort: { field: 'domain' }, page: page() },
    // Stalest first; a site without any backup before all others.
    (t) => `${NEWEST_BACKUP(t)} asc nulls first, ${t}.domain asc, ${t}.id asc`,
  );
  const newest = new Map<string, Date>();
  if (nodes.length) {
    const rows = await ctx.em.execute<{ site_id: string; taken_at: Date | string }[]>(
      `select b.site_id, max(b.taken_at) as taken_at from site_backups b
        where b.site_id in (${nodes.map(() => '?').join(', ')}) group by b.site_id`,
      nodes.map((site) => site.id),
    );
    for (const row of rows) newest.set(row.site_id, new Date(row.taken_at));
  }
  return { totalCount, nodes: nodes.map((site) => ({ site, lastBackupAt: newest.get(site.id) ?? null })) };
}

export async function privacyRequests(ctx: RequestContext): Promise<HomePrivacyRequests> {
  const open = await listRequests(ctx, { open: true }, page());
  const overdue = await listRequests(ctx, { overdue: true }, page(1));
  return { totalCount: open.totalCount, overdueCount: overdue.totalCount, nodes: open.nodes };
}

export async function breaches(ctx: RequestContext): Promise<HomeBreaches> {
  const awaiting = await listBreaches(ctx, { awaitingNotification: true }, page());
  return { totalCount: awaiting.totalCount, nodes: awaiting.nodes as Breach[] };
}

/** Issue 19: open invoices past their due date (the invoices' one overdue rule), longest overdue first. */
export async function overdueInvoices(ctx: RequestContext): Promise<HomeInvoices> {
  return readList<Invoice>(
    ctx,
    'Query.invoices',
    { filter: { overdue: true }, page: page() },
    (t) => `${t}.due_date asc, ${t}.id asc`,
  );
}
