// Issue 25 item 6: the staff home page's numbers, each counted by the server over all the viewer's
// rows (PostgreSQL's row rules apply), in one query. Each card is a count and a few records.
import { Invoice } from '../invoices/invoice.entity';
import { Field, Int, ObjectType } from 'type-graphql';
import { Breach } from '../breaches/breach.entity';
import { Lead } from '../leads/lead.entity';
import { Order } from '../orders/order.entity';
import { PrivacyRequest } from '../privacy-requests/privacy-request.entity';
import { Site } from '../sites/site.entity';
import { SupportTicket } from '../tickets/support-ticket.entity';

@ObjectType({ description: 'New leads: how many, and the newest few.' })
export class HomeLeads {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [Lead])
  nodes!: Lead[];
}

@ObjectType({ description: 'Tickets: how many, and the few with the nearest first-response time.' })
export class HomeTickets {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [SupportTicket])
  nodes!: SupportTicket[];
}

@ObjectType({ description: 'Payments to look at: orders waiting for payment and past-due subscriptions.' })
export class HomePayments {
  @Field(() => Int, { description: 'Orders waiting for payment.' })
  pendingOrders!: number;

  @Field(() => Order, { nullable: true, description: 'The oldest order waiting for payment, of all of them.' })
  oldestPendingOrder!: Order | null;

  @Field(() => Int, { description: 'Subscriptions whose renewal payment failed.' })
  pastDueSubscriptions!: number;
}

@ObjectType({ description: 'An active site whose newest backup is older than its package promises.' })
export class HomeStaleSite {
  @Field(() => Site)
  site!: Site;

  @Field(() => Date, { nullable: true, description: 'Its newest backup; null when it has none.' })
  lastBackupAt!: Date | null;
}

@ObjectType({ description: 'Active sites with stale backups: how many of all, and the stalest few.' })
export class HomeStaleBackups {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [HomeStaleSite])
  nodes!: HomeStaleSite[];
}

@ObjectType({ description: 'Open data subject requests: how many, how many overdue, the soonest due.' })
export class HomePrivacyRequests {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => Int)
  overdueCount!: number;

  @Field(() => [PrivacyRequest])
  nodes!: PrivacyRequest[];
}

@ObjectType({ description: 'Reportable breaches not yet notified: how many, the nearest deadlines.' })
export class HomeBreaches {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [Breach])
  nodes!: Breach[];
}

@ObjectType({ description: 'Open invoices past their due date: how many, the longest overdue first.' })
export class HomeInvoices {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [Invoice])
  nodes!: Invoice[];
}

/** The staff home page; each field is computed only when asked for. */
@ObjectType({ description: "The staff home page: what needs attention, counted over all the viewer's rows." })
export class HomeSummary {}
