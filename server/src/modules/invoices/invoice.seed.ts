// Demo data (issue 19): the demo orders' invoices, issued as the payment path issues them (numbers,
// PDFs), a credit note for each refund, and pay by invoice (part C): an open invoice, an overdue one,
// a partly paid one, and a BgMax import whose payment matched nothing. Through the services, once the
// seed's transaction committed, per agency.
import type { MikroORM } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import { createHash } from 'node:crypto';
import pino from 'pino';
import { systemContext, useTenant, type AppServices } from '../../graphql/context';
import type { DemoSeeder } from '../../system/demo-seed';
import { Order, OrderLine, OrderStatus } from '../orders/order.entity';
import { Refund } from '../payments/refund.entity';
import { Tenant } from '../tenants/tenant.entity';
import { BgMaxImport, BgMaxImportRow, BgMaxRowResult } from './bgmax-import.entity';
import { creditOrderAmount, creditOrderInFull, issueInvoice } from './invoice.service';
import { markInvoicePaid } from './pay-by-invoice.service';

/** The app services the seed's invoices need: no foreign currency in the demo, no logger output. */
const SEED_SERVICES = {
  logger: pino({ level: 'silent' }),
  config: { invoices: { exchangeRates: {}, viesCheck: false } },
} as unknown as AppServices;

async function seedInvoices(orm: MikroORM): Promise<void> {
  const tenants = await orm.em.fork().find(Tenant, {}, { filters: false, orderBy: { slug: 'asc' } });
  for (const tenant of tenants) {
    await orm.em.fork().transactional(async (tx) => {
      const ctx = systemContext(tx, SEED_SERVICES, 'seed');
      await useTenant(ctx, tenant.id);
      const orders = await tx.find(
        Order,
        { status: { $in: [OrderStatus.PAID, OrderStatus.REFUNDED] } },
        { orderBy: { number: 'asc' } },
      );
      for (const order of orders) {
        await issueInvoice(ctx, order);
        if (order.status !== OrderStatus.REFUNDED) continue;
        // Its refunds as the refund service credits them (`onRefunded`): the partial refund gets a credit
        // note of its amount, the last one all the invoice has left.
        const refunds = await tx.find(Refund, { order }, { orderBy: { createdAt: 'asc' } });
        for (const [n, refund] of refunds.entries())
          if (n < refunds.length - 1) await creditOrderAmount(ctx, order, refund.amountMinor, refund.reason);
          else await creditOrderInFull(ctx, order, refund.reason);
      }
      // Pay by invoice (issue 19 part C): the waiting order as an open invoice, and a second order of
      // the same buyer invoiced 45 days ago, due 30 days later: overdue.
      const waiting = await tx.findOne(
        Order,
        { status: OrderStatus.PENDING_PAYMENT },
        { orderBy: { number: 'asc' }, populate: ['lines'] },
      );
      if (!waiting) return;
      await issueInvoice(ctx, waiting, { open: { dueDays: tenant.invoiceDueDays } });
      // Days back in the agency's calendar, not 24-hour steps: 45 × 24 h back from late evening in winter
      // lands on the next day in summer time, and the invoice was then only 14 days overdue.
      const daysAgo = (days: number) => DateTime.now().setZone(tenant.timezone).minus({ days });
      const issuedAt = daysAgo(45).toJSDate();
      /** Another order of the waiting order's buyer, for the same lines, made at `at`. */
      const copyOfWaiting = async (at: Date) => {
        const [{ next }] = await tx.execute<{ next: number }[]>(
          'select coalesce(max(number), 0) + 1 as next from orders where tenant_id = ?',
          [tenant.id],
        );
        const late = tx.create(Order, {
          tenant,
          number: Number(next),
          customer: waiting.customer,
          contact: waiting.contact,
          provider: waiting.provider,
          currency: waiting.currency,
          subtotalMinor: waiting.subtotalMinor,
          vatRateBasisPoints: waiting.vatRateBasisPoints,
          vatReason: waiting.vatReason,
          buyerType: waiting.buyerType,
          buyerCountry: waiting.buyerCountry,
          buyerVatNumber: waiting.buyerVatNumber,
          vatMinor: waiting.vatMinor,
          totalMinor: waiting.totalMinor,
          createdAt: at,
        });
        for (const line of waiting.lines.getItems())
          tx.create(OrderLine, {
            tenant,
            order: late,
            servicePackage: line.servicePackage,
            description: line.description,
            interval: line.interval,
            quantity: line.quantity,
            unitPriceMinor: line.unitPriceMinor,
            totalMinor: line.totalMinor,
          });
        await tx.flush();
        return late;
      };
      await issueInvoice(ctx, await copyOfWaiting(issuedAt), { open: { dueDays: 30, issuedAt } });
      // A partly paid invoice: issued ten days ago, 40 % received by bank since (staff recorded it), the
      // rest still open.
      const partIssuedAt = daysAgo(10).toJSDate();
      const partly = await issueInvoice(ctx, await copyOfWaiting(partIssuedAt), {
        open: { dueDays: 30, issuedAt: partIssuedAt },
      });
      const paidOn = daysAgo(3).toISODate()!;
      await markInvoicePaid(ctx, partly.id, paidOn, Math.round(partly.totalMinor * 0.4));
      // An imported BgMax file whose one payment matched none of the agency's invoices: what staff
      // see on the import screen when a payment needs them (a wrong reference, or none).
      const bgmax = tx.create(BgMaxImport, {
        tenant,
        fileName: `BgMax-${tenant.slug}-demo.txt`,
        fileHash: createHash('sha256').update(`demo bgmax ${tenant.slug}`).digest('hex'),
        fileCreatedAt: issuedAt.toISOString().slice(0, 10),
        test: true,
        payments: 1,
        matched: 0,
        overpaid: 0,
        underpaid: 0,
        notOpen: 0,
        unmatched: 1,
        totalMinor: 50000,
      });
      tx.create(BgMaxImportRow, {
        tenant,
        import: bgmax,
        line: 3,
        reference: '12345',
        amountMinor: 50000,
        paymentDate: issuedAt.toISOString().slice(0, 10),
        serialNumber: '000000000000001',
        result: BgMaxRowResult.UNMATCHED,
      });
      await tx.flush();
    });
  }
}

export const invoiceSeed: DemoSeeder = {
  after: ['tenants', 'orders', 'payments'],
  afterCommit: seedInvoices,
};
