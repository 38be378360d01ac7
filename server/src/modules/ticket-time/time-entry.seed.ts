// Demo data: the time the agency's staff logged on the demo tickets.
import { demoTickets } from '@sitecare/seeds';
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { DEMO_TICKETS } from '../tickets/ticket.seed';
import { DEMO_STAFF } from '../users/user.seed';
import { TicketTimeEntry } from './time-entry.entity';

const DAY = 24 * 3600_000;

export const timeEntrySeed: DemoSeeder = {
  after: ['tenants', 'users', 'tickets'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    const tickets = ctx.get(DEMO_TICKETS);
    demoTickets.forEach((d, i) => {
      for (const t of d.time ?? [])
        ctx.em.create(TicketTimeEntry, {
          tenant,
          ticket: tickets[i],
          user: ctx.get(DEMO_STAFF),
          minutes: t.minutes,
          note: t.note,
          spentAt: new Date(Date.now() - t.daysAgo * DAY),
        });
    });
  },
};
