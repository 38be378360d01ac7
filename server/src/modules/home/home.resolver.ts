import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import * as home from './home.service';
import {
  HomeBreaches,
  HomeInvoices,
  HomeLeads,
  HomePayments,
  HomePrivacyRequests,
  HomeStaleBackups,
  HomeSummary,
  HomeTickets,
} from './home.types';

/** Issue 25 item 6: the staff home page in one query; each card's field runs only when asked for. */
@Resolver(() => HomeSummary)
export class HomeResolver {
  @Query(() => HomeSummary, { description: "The staff home page's cards, counted over all the viewer's rows." })
  homeSummary(): HomeSummary {
    return new HomeSummary();
  }

  @FieldResolver(() => HomeLeads, { description: 'New leads.' })
  newLeads(@Ctx() ctx: RequestContext) {
    return home.newLeads(ctx);
  }

  @FieldResolver(() => HomeTickets, { description: 'Open tickets past their first-response time.' })
  overdueTickets(@Ctx() ctx: RequestContext) {
    return home.tickets(ctx, true);
  }

  @FieldResolver(() => HomeTickets, { description: 'Open tickets (new or open), by first-response time.' })
  openTickets(@Ctx() ctx: RequestContext) {
    return home.tickets(ctx, false);
  }

  @FieldResolver(() => HomePayments, { description: 'Orders waiting for payment and past-due subscriptions.' })
  payments(@Ctx() ctx: RequestContext) {
    return home.payments(ctx);
  }

  @FieldResolver(() => HomeStaleBackups, { description: 'Active sites whose backups are older than promised.' })
  staleBackups(@Ctx() ctx: RequestContext) {
    return home.staleBackups(ctx);
  }

  @FieldResolver(() => HomePrivacyRequests, { description: 'Open data subject requests.' })
  privacyRequests(@Ctx() ctx: RequestContext) {
    return home.privacyRequests(ctx);
  }

  @FieldResolver(() => HomeInvoices, { description: 'Open invoices past their due date.' })
  overdueInvoices(@Ctx() ctx: RequestContext) {
    return home.overdueInvoices(ctx);
  }

  @FieldResolver(() => HomeBreaches, { description: 'Reportable breaches not yet notified to the authority.' })
  breaches(@Ctx() ctx: RequestContext) {
    return home.breaches(ctx);
  }
}
