import { readList } from '../../graphql/sql/reads';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { rateLimitPublicForm } from '../../auth/throttle';
import type { RequestContext } from '../../graphql/context';
import { useTenant } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { byIdLoader } from '../../graphql/loaders';
import { ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { inTransaction } from '../../graphql/transaction';
import { redactForStorage } from '../../privacy/redaction';
import { audit } from '../audit/audit.service';
import { Contact } from '../customers/contact.entity';
import { Customer } from '../customers/customer.entity';
import { contactPhone } from '../customers/customer.service';
import { Tenant } from '../tenants/tenant.entity';
import { Lead, LeadStatus } from './lead.entity';
import { LeadInput, LeadListArgs } from './lead.inputs';

const LeadList = ListOf(Lead, 'Lead');
type LeadList = InstanceType<typeof LeadList>;

async function getLead(ctx: RequestContext, id: string): Promise<Lead> {
  const lead = await ctx.em.findOne(Lead, { id });
  if (!lead) throw notFound('Lead');
  return lead;
}

/** P35: the lead queue, and converting a lead into a customer and contact with the trail kept. */
@Resolver(() => Lead)
export class LeadResolver {
  @Query(() => LeadList, { description: 'The lead queue, newest first.' })
  async leads(
    @Args(() => LeadListArgs) { filter = {}, page = new PageInput() }: LeadListArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return readList<Lead>(ctx, 'Query.leads', { filter: { ...filter }, page });
  }

  @Query(() => Lead)
  lead(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Lead> {
    return getLead(ctx, id);
  }

  @FieldResolver(() => Customer, { nullable: true })
  convertedCustomer(@Root() lead: Lead, @Ctx() ctx: RequestContext): Promise<Customer | null> | null {
    return lead.convertedCustomer ? byIdLoader(ctx, Customer).load(lead.convertedCustomer.id) : null;
  }

  @Mutation(() => Boolean, { description: 'The public contact form: no login, rate-limited, always answers true.' })
  async leadSubmit(@Arg('input') input: LeadInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    await rateLimitPublicForm(ctx);
    const [row] = await ctx.em.execute<{ id: string | null }[]>('select sitecare_tenant_by_slug(?) as id', [
      input.agency,
    ]);
    if (!row?.id) return true; // an unknown agency answers like a known one
    await useTenant(ctx, row.id);
    const phone = await contactPhone(ctx, input.phone, null); // a national number: the agency's country
    await inTransaction(ctx, async () => {
      const lead = ctx.em.create(Lead, {
        tenant: ctx.em.getReference(Tenant, row.id!),
        name: input.name.trim(),
        email: input.email.trim(),
        phone,
        company: input.company?.trim() || null,
        message: redactForStorage(input.message).text,
        consentGiven: input.consentGiven,
        consentText: input.consentText,
        sourcePage: input.sourcePage ?? null,
        ip: ctx.ip ?? null,
        userAgent: ctx.userAgent?.slice(0, 500) ?? null,
      });
      await ctx.em.flush();
      await audit(ctx, { action: 'lead.submit', entityType: 'Lead', entityId: lead.id });
    });
    await useTenant(ctx, undefined);
    return true;
  }

  @Mutation(() => Lead)
  leadUpdateStatus(
    @Arg('id', () => UUID) id: string,
    @Arg('status', () => LeadStatus) status: LeadStatus,
    @Ctx() ctx: RequestContext,
  ): Promise<Lead> {
    return inTransaction(ctx, async () => {
      const lead = await getLead(ctx, id);
      if (status === LeadStatus.CONVERTED) throw badInput('status', 'Use leadConvert to convert a lead');
      lead.status = status;
      await ctx.em.flush();
      await audit(ctx, { action: 'lead.update', entityType: 'Lead', entityId: id, detail: { status } });
      return lead;
    });
  }

  @Mutation(() => Customer, {
    description: 'Creates a customer and contact from a lead; the lead (with its consent evidence) is kept and linked.',
  })
  leadConvert(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<Customer> {
    return inTransaction(ctx, async () => {
      const lead = await getLead(ctx, id);
      if (lead.status === LeadStatus.CONVERTED) throw badInput('id', 'This lead is already converted');
      const tenant = await ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
      const customer = ctx.em.create(Customer, {
        tenant,
        name: lead.company ?? lead.name,
        billingCountry: tenant.country,
      });
      const contact = ctx.em.create(Contact, {
        tenant,
        customer,
        name: lead.name,
        email: lead.email,
        phone: lead.phone,
        preferredLanguage: tenant.defaultLanguage,
        notes: `From lead ${lead.id} (${lead.createdAt.toISOString()})`,
      });
      lead.status = LeadStatus.CONVERTED;
      lead.convertedCustomer = customer;
      await ctx.em.flush();
      await audit(ctx, {
        action: 'lead.convert',
        entityType: 'Lead',
        entityId: lead.id,
        detail: { customerId: customer.id, contactId: contact.id },
      });
      return customer;
    });
  }
}
