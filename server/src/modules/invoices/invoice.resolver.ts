import { IsEnum, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { FilteredListArgs, ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { readMany, readOne } from '../../graphql/sql/reads';
import { Order } from '../orders/order.entity';
import { Invoice, InvoiceKind } from './invoice.entity';
import * as invoiceService from './invoice.service';

const InvoiceList = ListOf(Invoice, 'Invoice');
type InvoiceList = InstanceType<typeof InvoiceList>;

@InputType()
class InvoiceFilter {
  @Field(() => InvoiceKind, { nullable: true })
  @IsOptional()
  @IsEnum(InvoiceKind)
  kind?: InvoiceKind;

  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @Field(() => UUID, { nullable: true })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @Field({ nullable: true, description: 'Issued on or after this date (YYYY-MM-DD).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date, YYYY-MM-DD' })
  from?: string;

  @Field({ nullable: true, description: 'Issued on or before this date (YYYY-MM-DD).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date, YYYY-MM-DD' })
  to?: string;
}

const InvoiceListArgs = FilteredListArgs(InvoiceFilter);
type InvoiceListArgs = InstanceType<typeof InvoiceListArgs>;

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => InvoiceList, { description: 'Invoices and credit notes, newest first (customers: their own).' })
  invoices(
    @Args(() => InvoiceListArgs) { filter = {}, page = new PageInput() }: InvoiceListArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return invoiceService.listInvoices(ctx, filter, page);
  }

  @Query(() => Invoice)
  invoice(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Invoice> {
    return invoiceService.getInvoice(ctx, id);
  }

  @FieldResolver(() => Invoice, { nullable: true, description: 'A credit note: the invoice it credits.' })
  creditedInvoice(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<Invoice | null> {
    return readOne(ctx, 'Invoice.creditedInvoice', Invoice, invoice.id);
  }
}

/** The invoice and credit notes of an order, as its page shows them. */
@Resolver(() => Order)
export class OrderInvoicesResolver {
  @FieldResolver(() => [Invoice], { description: 'Its invoice and credit notes, oldest first.' })
  invoices(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<Invoice[]> {
    return readMany(ctx, 'Order.invoices', Order, order.id);
  }
}
