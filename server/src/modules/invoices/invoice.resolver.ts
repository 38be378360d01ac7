import { IsBoolean, IsEnum, IsInt, IsISO8601, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { FilteredListArgs, ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { byIdLoader } from '../../graphql/loaders';
import { readComputedValue, readMany, readOne } from '../../graphql/sql/reads';
import { notFound } from '../../graphql/errors';
import { Customer } from '../customers/customer.entity';
import { Order } from '../orders/order.entity';
import { Invoice, InvoiceKind, InvoicePayment, InvoiceStatus } from './invoice.entity';
import { BgMaxImport, BgMaxImportRow } from './bgmax-import.entity';
import { importBgMax, listBgMaxImports } from './bgmax-import.service';
import { issueOrderAsInvoice, markInvoicePaid, payInvoiceByCard } from './pay-by-invoice.service';
import * as invoiceService from './invoice.service';
import { basAccountsOf, invoicesCsv, sieExport } from './export';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { Tenant } from '../tenants/tenant.entity';

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

  @Field(() => InvoiceStatus, { nullable: true, description: 'OPEN includes the overdue ones.' })
  @IsOptional()
  @IsEnum(InvoiceStatus)
  status?: InvoiceStatus;

  @Field({ nullable: true, description: 'Overdue: OPEN and past the due date (the agency calendar).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@InputType({ description: 'Issue a waiting order as an invoice to pay later.' })
class OrderIssueInvoiceInput {
  @Field(() => Int, { nullable: true, description: "Days to the due date; the agency's setting by default." })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must be between 0 and 365 days' })
  @Max(365, { message: 'must be between 0 and 365 days' })
  dueDays?: number;
}

@InputType()
class InvoiceMarkPaidInput {
  @Field({ description: 'When the money arrived (YYYY-MM-DD, the agency calendar).' })
  @IsISO8601({ strict: true }, { message: 'must be a date, YYYY-MM-DD' })
  paidOn!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The amount received (minor units); what is left by default. Less leaves the invoice open with the rest; more is the customer's credit.",
  })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'must be a positive amount' })
  amountMinor?: number;
}

@ObjectType({ description: "The provider's payment page for an open invoice." })
class InvoicePayResult {
  @Field()
  redirectUrl!: string;
}

@InputType({ description: "A BgMax file of Bankgirot's incoming payments." })
class BgMaxImportInput {
  @Field()
  @Length(1, 200)
  fileName!: string;

  @Field({ description: "The file's bytes, base64 (at most 5 MB)." })
  @Length(1, 7_000_000)
  @MaxLength(7_000_000)
  contentBase64!: string;
}

const BgMaxImportList = ListOf(BgMaxImport, 'BgMaxImport');
type BgMaxImportList = InstanceType<typeof BgMaxImportList>;

@Resolver(() => BgMaxImport)
export class BgMaxImportResolver {
  @Query(() => BgMaxImportList, { description: 'Imported BgMax files, newest first (staff).' })
  bgmaxImports(@Arg('page', () => PageInput, { nullable: true }) page: PageInput | null, @Ctx() ctx: RequestContext) {
    return listBgMaxImports(ctx, page ?? new PageInput());
  }

  @Query(() => BgMaxImport, { name: 'bgmaxImport' })
  async bgmaxImportById(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<BgMaxImport> {
    const run = await ctx.em.findOne(BgMaxImport, { id });
    if (!run) throw notFound('BgMaxImport');
    return run;
  }

  @Mutation(() => BgMaxImport, {
    name: 'bgmaxImport',
    description:
      "Imports Bankgirot's BgMax file: payments matched by OCR to the agency's open invoices are marked paid (staff); audited, once per file.",
  })
  bgmaxImportFile(@Arg('input') input: BgMaxImportInput, @Ctx() ctx: RequestContext): Promise<BgMaxImport> {
    return importBgMax(ctx, { fileName: input.fileName.trim(), contentBase64: input.contentBase64 });
  }

  @FieldResolver(() => [BgMaxImportRow], { description: 'Its payments, in file order.' })
  rows(@Root() run: BgMaxImport, @Ctx() ctx: RequestContext): Promise<BgMaxImportRow[]> {
    return readMany(ctx, 'BgMaxImport.rows', BgMaxImport, run.id);
  }
}

@Resolver(() => BgMaxImportRow)
export class BgMaxImportRowResolver {
  @FieldResolver(() => Invoice, { nullable: true, description: 'The invoice its OCR reference named.' })
  invoice(@Root() row: BgMaxImportRow, @Ctx() ctx: RequestContext): Promise<Invoice | null> {
    return readOne(ctx, 'BgMaxImportRow.invoice', BgMaxImportRow, row.id);
  }
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

  @FieldResolver(() => Int, { description: 'Days past the due date while OPEN (0 otherwise).' })
  daysOverdue(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<number> {
    return readComputedValue(ctx, 'Invoice.daysOverdue', Invoice, invoice.id);
  }

  @FieldResolver(() => Boolean, { description: 'OPEN and past its due date (the agency calendar).' })
  overdue(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<boolean> {
    return readComputedValue(ctx, 'Invoice.overdue', Invoice, invoice.id);
  }

  @FieldResolver(() => Boolean, { description: 'It can still be paid (by bank with its OCR, or by card).' })
  payable(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<boolean> {
    return readComputedValue(ctx, 'Invoice.payable', Invoice, invoice.id);
  }

  @FieldResolver(() => Int, { description: 'What its payments ledger has applied to it (minor units).' })
  paidMinor(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<number> {
    return readComputedValue(ctx, 'Invoice.paidMinor', Invoice, invoice.id);
  }

  @FieldResolver(() => Int, { description: 'Left to pay while it is open (0 otherwise), minor units.' })
  remainingMinor(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<number> {
    return readComputedValue(ctx, 'Invoice.remainingMinor', Invoice, invoice.id);
  }

  @FieldResolver(() => Int, { description: "Paid beyond its amount: the customer's credit (minor units)." })
  surplusMinor(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<number> {
    return readComputedValue(ctx, 'Invoice.surplusMinor', Invoice, invoice.id);
  }

  @FieldResolver(() => [InvoicePayment], { description: 'Its payments ledger, oldest first.' })
  payments(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<InvoicePayment[]> {
    return readMany(ctx, 'Invoice.payments', Invoice, invoice.id);
  }

  @Mutation(() => Invoice, {
    description:
      'Issues a waiting order (a company buyer) as an OPEN invoice with a due date and OCR reference (staff).',
  })
  orderIssueInvoice(
    @Arg('id', () => UUID) id: string,
    @Arg('input', () => OrderIssueInvoiceInput, { nullable: true }) input: OrderIssueInvoiceInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Invoice> {
    return issueOrderAsInvoice(ctx, id, input?.dueDays ?? undefined);
  }

  @Mutation(() => Invoice, {
    description:
      'Records a payment of an open invoice on a date (staff; all that is left by default): paid in full, the invoice and its order are PAID; audited.',
  })
  invoiceMarkPaid(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: InvoiceMarkPaidInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Invoice> {
    return markInvoicePaid(ctx, id, input.paidOn, input.amountMinor ?? undefined);
  }

  @Mutation(() => InvoicePayResult, {
    description: "Pays an open invoice by card: the provider's payment page for its order (the customer or staff).",
  })
  invoicePay(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<InvoicePayResult> {
    return payInvoiceByCard(ctx, id);
  }

  @FieldResolver(() => Invoice, { nullable: true, description: 'A credit note: the invoice it credits.' })
  creditedInvoice(@Root() invoice: Invoice, @Ctx() ctx: RequestContext): Promise<Invoice | null> {
    // A relation back to its own type: a per-request loader (the compiled path leaves it to the resolvers).
    return invoice.creditedInvoice ? byIdLoader(ctx, Invoice).load(invoice.creditedInvoice.id) : Promise.resolve(null);
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

/** Issue 25: a customer's newest invoices and credit notes, as its page shows them. */
@Resolver(() => Customer)
export class CustomerInvoicesResolver {
  @FieldResolver(() => [Invoice], { description: 'The 10 newest invoices and credit notes, newest first.' })
  latestInvoices(@Root() customer: Customer, @Ctx() ctx: RequestContext): Promise<Invoice[]> {
    return readMany(ctx, 'Customer.latestInvoices', Customer, customer.id);
  }
}

export enum InvoiceExportFormat {
  SIE = 'SIE',
  CSV = 'CSV',
}
registerEnumType(InvoiceExportFormat, { name: 'InvoiceExportFormat', description: 'SIE 4 (PC8) or CSV (UTF-8).' });

@InputType()
class InvoiceExportInput {
  @Field(() => InvoiceExportFormat)
  @IsEnum(InvoiceExportFormat)
  format!: InvoiceExportFormat;

  @Field({ description: 'First day of the period (YYYY-MM-DD).' })
  @IsISO8601({ strict: true }, { message: 'must be a date, YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'Last day of the period (YYYY-MM-DD).' })
  @IsISO8601({ strict: true }, { message: 'must be a date, YYYY-MM-DD' })
  to!: string;
}

@ObjectType({ description: 'An accounting export of a period, to save as a file.' })
class InvoiceExportFile {
  @Field()
  filename!: string;

  @Field()
  contentType!: string;

  @Field({ description: "The file's bytes, base64 (SIE is code page 437)." })
  contentBase64!: string;
}

@InputType({ description: 'BAS accounts of the SIE export (four digits); what is left out stays as it is.' })
class BasAccountsInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1000, { message: 'must be a BAS account, 1000-9999' })
  @Max(9999, { message: 'must be a BAS account, 1000-9999' })
  salesDomestic?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1000, { message: 'must be a BAS account, 1000-9999' })
  @Max(9999, { message: 'must be a BAS account, 1000-9999' })
  salesEuReverseCharge?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1000, { message: 'must be a BAS account, 1000-9999' })
  @Max(9999, { message: 'must be a BAS account, 1000-9999' })
  salesOutsideEu?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1000, { message: 'must be a BAS account, 1000-9999' })
  @Max(9999, { message: 'must be a BAS account, 1000-9999' })
  salesOss?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1000, { message: 'must be a BAS account, 1000-9999' })
  @Max(9999, { message: 'must be a BAS account, 1000-9999' })
  outputVat?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1000, { message: 'must be a BAS account, 1000-9999' })
  @Max(9999, { message: 'must be a BAS account, 1000-9999' })
  receivables?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1000, { message: 'must be a BAS account, 1000-9999' })
  @Max(9999, { message: 'must be a BAS account, 1000-9999' })
  bank?: number;

  @Field(() => Int, {
    nullable: true,
    description: "An overpayment's surplus: the customer's credit (2420 by default).",
  })
  @IsOptional()
  @IsInt()
  @Min(1000, { message: 'must be a BAS account, 1000-9999' })
  @Max(9999, { message: 'must be a BAS account, 1000-9999' })
  customerAdvances?: number;
}

@ObjectType({ description: 'The BAS accounts the SIE export uses.' })
class BasAccountsResult {
  @Field(() => Int) salesDomestic!: number;
  @Field(() => Int) salesEuReverseCharge!: number;
  @Field(() => Int) salesOutsideEu!: number;
  @Field(() => Int) salesOss!: number;
  @Field(() => Int) outputVat!: number;
  @Field(() => Int) receivables!: number;
  @Field(() => Int) bank!: number;
  @Field(() => Int) customerAdvances!: number;
}

@Resolver()
export class InvoiceExportResolver {
  @Query(() => InvoiceExportFile, {
    description: 'SIE 4 or CSV of the invoices, credit notes and payments of a period (staff).',
  })
  async invoiceExport(@Arg('input') input: InvoiceExportInput, @Ctx() ctx: RequestContext): Promise<InvoiceExportFile> {
    const sie = input.format === InvoiceExportFormat.SIE;
    const bytes = sie ? await sieExport(ctx, input) : await invoicesCsv(ctx, input);
    return {
      filename: `${sie ? 'sie' : 'invoices'}-${input.from}-${input.to}.${sie ? 'se' : 'csv'}`,
      contentType: sie ? 'text/plain; charset=IBM437' : 'text/csv; charset=utf-8',
      contentBase64: bytes.toString('base64'),
    };
  }

  @Query(() => BasAccountsResult, {
    description: 'The BAS accounts of the SIE export: the defaults and the agency’s changes.',
  })
  async basAccounts(@Ctx() ctx: RequestContext): Promise<BasAccountsResult> {
    return basAccountsOf(await ctx.em.findOneOrFail(Tenant, ctx.tenantId!));
  }

  @Mutation(() => BasAccountsResult, { description: 'Changes BAS accounts of the SIE export (admins); audited.' })
  basAccountsSet(@Arg('input') input: BasAccountsInput, @Ctx() ctx: RequestContext): Promise<BasAccountsResult> {
    return inTransaction(ctx, async () => {
      const tenant = await ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v != null)) as Record<string, number>;
      tenant.basAccounts = { ...(tenant.basAccounts ?? {}), ...changes };
      await ctx.em.flush();
      await audit(ctx, { action: 'tenant.bas_accounts', entityType: 'Tenant', entityId: tenant.id, detail: changes });
      return basAccountsOf(tenant);
    });
  }
}
