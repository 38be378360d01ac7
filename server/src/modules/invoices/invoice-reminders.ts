// Issue 19: overdue invoices get a reminder mail once per step (days after the due date), from a daily
// job on the system path (jobs/queue.ts; every agency). "Overdue" is the one rule of invoice.sql.ts,
// evaluated at the job's clock (`now`, which tests drive). Each step is a row of invoice_reminders
// (unique per invoice and step), written with its mail and audit in one transaction: a step is never
// sent twice, and a missed run catches up with one mail for the highest step reached.
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext, useTenant, type AppServices } from '../../graphql/context';
import { audit } from '../audit/audit.service';
import { Invoice } from './invoice.entity';
import { daysOverdueSql, payableSql } from './invoice.sql';
import { invoicePayLink, mailInvoice } from './pay-by-invoice.service';

/** Days after the due date that a reminder goes out. */
export const REMINDER_STEPS = [7, 14] as const;

export interface ReminderRun {
  reminded: number;
  failed: number;
}

export async function sendInvoiceReminders(
  em: EntityManager,
  app: AppServices,
  now: Date = new Date(),
): Promise<ReminderRun> {
  const at = now.toISOString();
  const due = await em.fork().execute<{ id: string; tenant_id: string; days: number; sent: number | null }[]>(
    `select i.id, i.tenant_id, d.days, (select max(r.step) from invoice_reminders r where r.invoice_id = i.id) as sent
       from invoices i cross join lateral (select ${daysOverdueSql('i', '?::timestamptz')} as days) d
      where ${payableSql('i')} and d.days >= ?
      order by i.due_date asc limit 1000`,
    [at, REMINDER_STEPS[0]],
  );
  const run: ReminderRun = { reminded: 0, failed: 0 };
  for (const row of due) {
    const step = Math.max(...REMINDER_STEPS.filter((s) => s <= row.days));
    if (row.sent !== null && row.sent >= step) continue;
    try {
      const sent = await em.fork().transactional(async (tx) => {
        const ctx = systemContext(tx, app, 'job:invoices.remind');
        await useTenant(ctx, row.tenant_id);
        const inserted = await tx.execute<{ id: string }[]>(
          `insert into invoice_reminders (id, tenant_id, invoice_id, step, days_overdue)
           values (gen_random_uuid(), ?, ?, ?, ?) on conflict (tenant_id, invoice_id, step) do nothing returning id`,
          [row.tenant_id, row.id, step, row.days],
        );
        if (!inserted.length) return false;
        const invoice = await tx.findOneOrFail(Invoice, { id: row.id }, { populate: ['tenant'] });
        // The link pays what is left by card through the agency's provider.
        const mailed = await mailInvoice(ctx, invoice, 'invoice.reminder', {
          daysOverdue: row.days,
          link: invoicePayLink(ctx, invoice.tenant, invoice.id),
        });
        await audit(ctx, {
          action: 'invoice.reminder',
          entityType: 'Invoice',
          entityId: invoice.id,
          detail: { number: invoice.number, step, daysOverdue: row.days, mailed },
        });
        return true;
      });
      if (sent) run.reminded++;
    } catch (error) {
      app.logger.warn({ err: error, invoiceId: row.id }, 'invoice reminder failed; retried on the next run');
      run.failed++;
    }
  }
  return run;
}
