// P23: the disclosure log. Only admins record and read it: it says who asked about whom.
import { requireViewer, type RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { PageInput, type Page } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { Contact } from '../customers/contact.entity';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { Disclosure } from './disclosure.entity';
import type { DisclosureFilter, DisclosureInput } from './disclosure.inputs';

export async function listDisclosures(
  ctx: RequestContext,
  filter: DisclosureFilter = {},
  page = new PageInput(),
): Promise<Page<Disclosure>> {
  const [nodes, totalCount] = await ctx.em.findAndCount(
    Disclosure,
    filter.contactId ? { contact: filter.contactId } : {},
    { orderBy: { disclosedAt: 'desc', id: 'desc' }, limit: page.take, offset: page.skip },
  );
  return { nodes, totalCount };
}

export async function getDisclosure(ctx: RequestContext, id: string): Promise<Disclosure> {
  const found = await ctx.em.findOne(Disclosure, { id });
  if (!found) throw notFound('Disclosure');
  return found;
}

export function recordDisclosure(ctx: RequestContext, input: DisclosureInput): Promise<Disclosure> {
  const viewer = requireViewer(ctx);
  if (input.disclosedAt.getTime() > Date.now() + 5 * 60_000) throw badInput('disclosedAt', 'must not be in the future');
  return inTransaction(ctx, async () => {
    const by = await ctx.em.findOne(User, { id: input.disclosedById ?? viewer.userId });
    if (!by || (by.role !== 'ADMIN' && by.role !== 'EMPLOYEE'))
      throw badInput('disclosedById', 'must be a staff member of this agency');
    const contact = input.contactId ? await ctx.em.findOne(Contact, { id: input.contactId }) : null;
    if (input.contactId && !contact) throw badInput('contactId', 'No such contact');
    const disclosure = ctx.em.create(Disclosure, {
      tenant: ctx.em.getReference(Tenant, ctx.tenantId!),
      recipient: input.recipient.trim(),
      dataDescription: input.dataDescription.trim(),
      legalGround: input.legalGround.trim(),
      disclosedAt: input.disclosedAt,
      disclosedBy: by,
      contact,
      notes: input.notes?.trim() ?? '',
    });
    await ctx.em.flush();
    await audit(ctx, {
      action: 'disclosure.record',
      entityType: 'Disclosure',
      entityId: disclosure.id,
      detail: { recipient: disclosure.recipient, contactId: contact?.id ?? null },
    });
    return disclosure;
  });
}
