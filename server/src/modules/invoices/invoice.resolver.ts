import { IsEnum, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
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
import { readMany } from '../../graphql/sql/reads';
import { Order } from '../orders/order.entity';
import { Invoice, InvoiceKind } from './invoice.entity';
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
