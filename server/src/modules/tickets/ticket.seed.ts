// Demo data: the demo tickets (`@sitecare/seeds`) of each agency, spread over its customers, with
// their messages stored as a reply is stored (passwords redacted).
import { demoTickets } from '@sitecare/seeds';
import { redactForStorage } from '../../privacy/redaction';
import { demoSeedKey, type DemoSeeder } from '../../system/demo-seed';
import { DEMO_CUSTOMERS } from '../customers/customer.seed';
import { DEMO_SITES } from '../sites/site.seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { DEMO_STAFF } from '../users/user.seed';
import { SupportTicket, TicketChannel, TicketPriority, TicketStatus } from './support-ticket.entity';
import { TicketMessage } from './ticket-message.entity';

const DAY = 24 * 3600_000;

/** The agency's tickets, in the order of `demoTickets`. */
export const DEMO_TICKETS = demoSeedKey<SupportTicket[]>('tickets', 'tickets');

export const ticketSeed: DemoSeeder = {
  after: ['tenants', 'users', 'customers', 'sites'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    const staff = ctx.get(DEMO_STAFF);
    const customers = ctx.get(DEMO_CUSTOMERS);
    const sitesOf = ctx.get(DEMO_SITES);
    const tickets = demoTickets.map((d) => {
      const n = d.customer % customers.length;
      const { customer, contacts } = customers[n];
      const site = d.site === undefined ? null : (sitesOf[n][d.site] ?? null);
      const created = new Date(Date.now() - 3 * DAY);
      const hours = site?.servicePackage?.responseTimeHours ?? 24;
      const ticket = ctx.em.create(SupportTicket, {
        tenant,
        subject: d.subject,
        customer,
        contact: contacts[0] ?? null,
        site,
        status: d.status as TicketStatus,
        priority: d.priority as TicketPriority,
        channel: d.channel as TicketChannel,
        createdAt: created,
        firstResponseDueAt: new Date(created.getTime() + hours * 3600_000),
        firstRespondedAt: d.messages.some((m) => m.from === 'staff' && !m.internal)
          ? new Date(created.getTime() + 3600_000)
          : null,
        assignee: d.status === 'NEW' ? null : staff,
      });
      d.messages.forEach((m, i) => {
        const redacted = redactForStorage(m.body);
        if (redacted.passwordHints.length) ticket.passwordFlagged = true;
        ctx.em.create(TicketMessage, {
          tenant,
          ticket,
          authorUser: m.from === 'staff' ? staff : null,
          authorName: m.from === 'customer' ? (contacts[0]?.name ?? null) : null,
          body: redacted.text,
          internal: m.internal ?? false,
          passwordHints: redacted.passwordHints,
          createdAt: new Date(created.getTime() + i * 3600_000),
        });
      });
      return ticket;
    });
    ctx.set(DEMO_TICKETS, tickets);
  },
};
