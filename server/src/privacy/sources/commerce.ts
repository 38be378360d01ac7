// Orders, their lines and payments, and subscriptions with the recurring-payment consent (P20).
// Erasure keeps the books (Swedish bookkeeping law) without identity; see keepAccountingUntil.
import { DateTime } from 'luxon';
import type { DataSubject, ErasureReport, PersonalDataSource } from '../personal-data';
import { scrubMentions } from './scrub';
import { affected, ids, rows } from './util';

/** Bookkeeping records are kept until the end of the seventh year after the financial year (calendar year). */
export function keepAccountingUntil(latest: Date, timezone: string): Date {
  const year = DateTime.fromJSDate(latest, { zone: timezone }).year;
  return DateTime.fromObject({ year: year + 8, month: 1, day: 1 }, { zone: timezone }).toJSDate();
}

/** What the orders source keeps, for the request's result and the retention task that deletes it later. */
export interface AccountingKept extends ErasureReport {
  accounting: { orderIds: string[]; keepUntil: string | null };
}

const theirOrders = `(o.customer_id = any(?::uuid[]) or o.contact_id = any(?::uuid[]) or o.placed_by_id = any(?::uuid[]))`;
const orderParams = (s: DataSubject) => [s.tenantId, ids(s.soleCustomerIds), ids(s.contactIds), ids(s.userIds)];

export const ordersSource: PersonalDataSource = {
  name: 'orders',
  description: {
    sv: 'Dina beställningar med rader och betalningar (belopp, valuta, betalsätt; aldrig kortnummer).',
    en: 'Your orders with their lines and payments (amount, currency, method; never card numbers).',
  },
  async export(ctx, s) {
    const orders = await rows<{ id: string }>(
      ctx,
      `select o.id, o.number, o.status, o.provider, o.currency, o.subtotal_minor as "subtotalMinor",
              o.vat_minor as "vatMinor", o.total_minor as "totalMinor", o.paid_at as "paidAt",
              o.refunded_at as "refundedAt", o.recurring_consent_text as "recurringConsentText", o.ip,
              o.user_agent as "userAgent", o.created_at as "createdAt"
         from orders o where o.tenant_id = ? and ${theirOrders} order by o.created_at`,
      orderParams(s),
    );
    const orderIds = ids(orders.map((o) => o.id));
    const lines = await rows<{ orderId: string }>(
      ctx,
      `select order_id as "orderId", description, interval, quantity, unit_price_minor as "unitPriceMinor",
              total_minor as "totalMinor" from order_lines where tenant_id = ? and order_id = any(?::uuid[])`,
      [s.tenantId, orderIds],
    );
    const payments = await rows<{ orderId: string }>(
      ctx,
      `select order_id as "orderId", provider, method, amount_minor as "amountMinor", currency, status,
              paid_at as "paidAt", refunded_at as "refundedAt", created_at as "createdAt"
         from payments where tenant_id = ? and order_id = any(?::uuid[])`,
      [s.tenantId, orderIds],
    );
    return orders.map((o) => ({
      ...o,
      lines: lines.filter((l) => l.orderId === o.id),
      payments: payments.filter((p) => p.orderId === o.id),
    }));
  },
  async erase(ctx, s): Promise<AccountingKept> {
    const kept = await rows<{ id: string; created_at: Date }>(
      ctx,
      `select o.id, o.created_at from orders o where o.tenant_id = ? and ${theirOrders}`,
      orderParams(s),
    );
    // The books stay; who placed the order, from where, and any free text naming them do not.
    await affected(
      ctx,
      `update orders o set contact_id = null, placed_by_id = null, ip = null, user_agent = null, updated_at = now()
        where o.tenant_id = ? and ${theirOrders}`,
      orderParams(s),
    );
    const mentioned =
      (await scrubMentions(ctx, s, 'orders', [{ name: 'refund_reason' }])) +
      (await scrubMentions(ctx, s, 'refunds', [{ name: 'reason' }]));
    const [tenant] = await rows<{ timezone: string }>(ctx, 'select timezone from tenants where id = ?', [s.tenantId]);
    // Only the person's own customer's orders are deleted later; a company's orders are the company's.
    const soleIds = new Set(
      (
        await rows<{ id: string }>(ctx, `select id from orders where tenant_id = ? and customer_id = any(?::uuid[])`, [
          s.tenantId,
          ids(s.soleCustomerIds),
        ])
      ).map((r) => r.id),
    );
    const latest = kept.filter((o) => soleIds.has(o.id)).map((o) => new Date(o.created_at).getTime());
    const keepUntil = latest.length ? keepAccountingUntil(new Date(Math.max(...latest)), tenant.timezone) : null;
    return {
      deleted: 0,
      anonymised: mentioned,
      kept: {
        count: kept.length,
        reason:
          'Accounting records (orders, order lines, payments) are kept without identity until the end of the seventh year after the financial year (Swedish Bookkeeping Act).',
      },
      accounting: { orderIds: [...soleIds], keepUntil: keepUntil?.toISOString() ?? null },
    };
  },
};

export const subscriptionsSource: PersonalDataSource = {
  name: 'subscriptions',
  description: {
    sv: 'Abonnemang och ditt samtycke till återkommande betalningar (när, formulering, IP-adress).',
    en: 'Subscriptions and your consent to recurring payments (when, wording, IP address).',
  },
  export: (ctx, s) =>
    rows(
      ctx,
      `select id, interval, currency, status, provider, current_period_start as "currentPeriodStart",
              current_period_end as "currentPeriodEnd", recurring_consent as "recurringConsent",
              cancelled_at as "cancelledAt", cancel_reason as "cancelReason", created_at as "createdAt"
         from subscriptions where tenant_id = ? and customer_id = any(?::uuid[]) order by created_at`,
      [s.tenantId, ids(s.soleCustomerIds)],
    ),
  async erase(ctx, s) {
    // Ended, and the consent's evidence (IP, browser) removed; the wording and time stay with the books.
    const anonymised = await affected(
      ctx,
      `update subscriptions set status = 'CANCELLED', cancelled_at = coalesce(cancelled_at, now()),
              recurring_consent = recurring_consent || '{"ip": null, "userAgent": null}'::jsonb, cancel_reason = null,
              updated_at = now()
        where tenant_id = ? and customer_id = any(?::uuid[])`,
      [s.tenantId, ids(s.soleCustomerIds)],
    );
    const mentioned = await scrubMentions(ctx, s, 'subscriptions', [{ name: 'cancel_reason' }]);
    return { deleted: 0, anonymised: anonymised + mentioned };
  },
};

export function isAccountingKept(report: ErasureReport): report is AccountingKept {
  return 'accounting' in report;
}
