// Issue 23 (P26): the contract is a legal basis, and it ends. PostgreSQL's `sitecare_contract_ends`
// (migration contract_end) is the one rule for when: while a subscription runs, never; after that, the
// agency's `contractRetentionYears` (default 3) after the customer's last order or subscription. This
// nightly retention task asks it twice:
//
// 1. The notice: 30 days before the end, every contact of the customer (not erased) is told by mail, in
//    their language, once per end (`customers.contract_end_notice_for`).
// 2. The minimisation: once the end has passed and the notice of that end went out at least 30 days
//    earlier, what is held only for the contract goes: ticket message bodies and subjects, ticket
//    attachments (rows and files), site credentials, backup records, and the visits of the customer's
//    logins. Accounting records (orders, invoices, credit notes, payments) are not touched: they stay
//    under their own hold (Swedish Bookkeeping Act, `keepAccountingUntil`).
//
// Both run on the system path, agency by agency in its own transaction, audited per agency with
// counts (`auditSystemTask`), and are idempotent: a second run finds nothing more to do.
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext, useTenant, type AppServices, type RequestContext } from '../../graphql/context';
import { auditSystemTask, type RetentionReport } from '../../system/tasks';
import { attachmentStore } from '../attachments/storage';
import { enqueueMail } from '../mail/outbox.service';
import { formatDay } from '../privacy-requests/privacy-request.dates';
import { Tenant } from '../tenants/tenant.entity';

/** How long before the contract's end its contacts are told, and the least time between notice and minimisation. */
export const CONTRACT_END_NOTICE_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The end of `customerId`'s contract basis (null: it runs, a subscription is active), by the one rule. */
export async function contractEndsAt(ctx: RequestContext, customerId: string): Promise<Date | null> {
  const [row] = await ctx.em.execute<{ ends_at: Date | string | null }[]>(
    'select ends_at from sitecare_contract_ends(?::uuid)',
    [customerId],
  );
  return row?.ends_at ? new Date(row.ends_at) : null;
}

interface Due {
  tenant_id: string;
  customer_id: string;
  ends_at: Date;
}

/** The agencies of `rows`, each with its rows, in one transaction per agency as SYSTEM. */
async function perAgency<T extends { tenant_id: string }>(
  em: EntityManager,
  app: AppServices,
  rows: T[],
  work: (ctx: RequestContext, tx: EntityManager, tenantId: string, rows: T[]) => Promise<number>,
): Promise<number> {
  const byTenant = new Map<string, T[]>();
  for (const row of rows) byTenant.set(row.tenant_id, [...(byTenant.get(row.tenant_id) ?? []), row]);
  let total = 0;
  for (const [tenantId, own] of byTenant) {
    total += await em.fork().transactional(async (tx) => {
      const ctx = systemContext(tx as EntityManager, app, 'retention');
      await useTenant(ctx, tenantId);
      return work(ctx, tx as EntityManager, tenantId, own);
    });
  }
  return total;
}

/** 1. Contacts of customers whose contract ends within 30 days (and were not told of that end) are told. */
export async function noticeContractEnds(
  em: EntityManager,
  app: AppServices,
  now = new Date(),
): Promise<RetentionReport> {
  const due = await em.execute<Due[]>(
    `select e.tenant_id, e.customer_id, e.ends_at
       from sitecare_contract_ends() e join customers c on c.id = e.customer_id
      where e.ends_at is not null
        and e.ends_at <= ?::timestamptz + make_interval(days => ?)
        and c.contract_end_notice_for is distinct from e.ends_at`,
    [now, CONTRACT_END_NOTICE_DAYS],
  );
  const mailed = await perAgency(em, app, due, async (ctx, tx, tenantId, customers) => {
    const tenant = await ctx.em.findOneOrFail(Tenant, tenantId);
    let mails = 0;
    for (const customer of customers) {
      // Minimised no earlier than 30 days from now, nor before the end itself.
      const on = new Date(
        Math.max(new Date(customer.ends_at).getTime(), now.getTime() + CONTRACT_END_NOTICE_DAYS * DAY_MS),
      );
      const contacts = await tx.execute<{ name: string; email: string; preferred_language: string }[]>(
        `select name, email, preferred_language from contacts
          where tenant_id = ? and customer_id = ? and erased_at is null and email <> ''`,
        [tenantId, customer.customer_id],
      );
      for (const contact of contacts) {
        const language = contact.preferred_language === 'en' ? 'en' : 'sv';
        await enqueueMail(ctx, {
          tenantId,
          to: contact.email,
          template: 'contract.ending',
          language,
          payload: {
            agency: tenant.name,
            name: contact.name,
            date: formatDay(on, tenant.timezone, language),
            privacyContact: tenant.privacyContactEmail,
          },
        });
        mails += 1;
      }
      // The end as PostgreSQL has it (microseconds), so the next run finds this end told.
      await tx.execute(
        `update customers c set contract_end_notice_for = e.ends_at, contract_end_notice_at = ?
           from sitecare_contract_ends(?::uuid) e where c.id = e.customer_id`,
        [now, customer.customer_id],
      );
    }
    await ctx.em.flush();
    await auditSystemTask(tx, {
      tenantId,
      action: 'retention.contract_end_notice',
      entityType: 'Customer',
      detail: { customers: customers.length, mails, customerIds: customers.map((c) => c.customer_id) },
    });
    return mails;
  });
  return { task: 'contract-end-notice', removed: mailed };
}

/** The rows a statement changed. */
const count = async (tx: EntityManager, sql: string, params: unknown[]) =>
  (await tx.execute<{ n: string }[]>(`with done as (${sql} returning 1) select count(*) as n from done`, params))[0]
    ?.n ?? '0';

/** 2. Past the end, and told at least 30 days ago: the data held only for the contract is minimised. */
export async function minimiseEndedContracts(
  em: EntityManager,
  app: AppServices,
  now = new Date(),
): Promise<RetentionReport> {
  const due = await em.execute<Due[]>(
    `select e.tenant_id, e.customer_id, e.ends_at
       from sitecare_contract_ends() e join customers c on c.id = e.customer_id
      where e.ends_at is not null and e.ends_at <= ?
        and c.contract_end_notice_for = e.ends_at
        and c.contract_end_notice_at <= ?::timestamptz - make_interval(days => ?)
        and (c.contract_minimised_at is null or c.contract_minimised_at < e.ends_at)`,
    [now, now, CONTRACT_END_NOTICE_DAYS],
  );
  const removed = await perAgency(em, app, due, async (ctx, tx, tenantId, customers) => {
    const ids = `{${customers.map((c) => c.customer_id).join(',')}}`;
    // The customer's tickets: its own, and those of its contacts.
    const tickets = `select t.id from support_tickets t
       where t.tenant_id = ? and (t.customer_id = any(?::uuid[])
          or t.contact_id in (select id from contacts where tenant_id = ? and customer_id = any(?::uuid[])))`;
    const ticketParams = [tenantId, ids, tenantId, ids];
    const sites = 'select id from sites where tenant_id = ? and customer_id = any(?::uuid[])';
    const files = await tx.execute<{ storage_key: string }[]>(
      `delete from ticket_attachments where tenant_id = ? and message_id in (
         select m.id from ticket_messages m where m.ticket_id in (${tickets})) returning storage_key`,
      [tenantId, ...ticketParams],
    );
    const counts = {
      customers: customers.length,
      ticketMessages: Number(
        await count(
          tx,
          `update ticket_messages set body = '', author_name = null, password_hints = '[]'::jsonb, updated_at = now()
            where tenant_id = ? and ticket_id in (${tickets})
              and (body <> '' or author_name is not null or password_hints <> '[]'::jsonb)`,
          [tenantId, ...ticketParams],
        ),
      ),
      tickets: Number(
        await count(
          tx,
          `update support_tickets set subject = '#' || number, requester_name = null, updated_at = now()
            where tenant_id = ? and id in (${tickets})
              and (subject <> '#' || number or requester_name is not null)`,
          [tenantId, ...ticketParams],
        ),
      ),
      attachments: files.length,
      credentials: Number(
        await count(tx, `delete from site_credentials where tenant_id = ? and site_id in (${sites})`, [
          tenantId,
          tenantId,
          ids,
        ]),
      ),
      backups: Number(
        await count(tx, `delete from site_backups where tenant_id = ? and site_id in (${sites})`, [
          tenantId,
          tenantId,
          ids,
        ]),
      ),
      visits: Number(
        await count(
          tx,
          `delete from visits where tenant_id = ? and user_id in (
             select u.id from users u join contacts c on c.id = u.contact_id
              where c.tenant_id = ? and c.customer_id = any(?::uuid[]))`,
          [tenantId, tenantId, ids],
        ),
      ),
    };
    await tx.execute('update customers set contract_minimised_at = ? where tenant_id = ? and id = any(?::uuid[])', [
      now,
      tenantId,
      ids,
    ]);
    await auditSystemTask(tx, {
      tenantId,
      action: 'retention.contract_end',
      entityType: 'Customer',
      detail: { ...counts, customerIds: customers.map((c) => c.customer_id) },
    });
    // The files last: a failure above rolls the rows back with the files still there.
    const store = attachmentStore(ctx.app.config);
    for (const f of files) await store.delete(f.storage_key);
    const { customers: _customers, ...rows } = counts;
    return Object.values(rows).reduce((sum, n) => sum + n, 0);
  });
  return { task: 'contract-end', removed };
}

/** The nightly task: first the minimisation of ends told about earlier, then today's notices. */
export async function runContractEnd(em: EntityManager, app: AppServices, now = new Date()) {
  return [await minimiseEndedContracts(em, app, now), await noticeContractEnds(em, app, now)];
}
