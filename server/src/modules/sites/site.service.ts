// Sites under care and who is assigned to them (P18: access follows assignment).
import { readList } from '../../graphql/sql/reads';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import type { Page, PageInput } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { getCustomer } from '../customers/customer.service';
import { ServicePackage } from '../packages/service-package.entity';
import { User } from '../users/user.entity';
import { SiteAssignment } from './site-assignment.entity';
import { Site } from './site.entity';
import type { SiteAssignmentInput, SiteFilter, SiteInput, SiteSort } from './site.inputs';

export async function listSites(
  ctx: RequestContext,
  filter: SiteFilter = {},
  sort: SiteSort,
  page: PageInput,
): Promise<Page<Site>> {
  return readList(ctx, 'Query.sites', { filter: { ...filter }, sort, page });
}

export async function getSite(ctx: RequestContext, id: string): Promise<Site> {
  const site = await ctx.em.findOne(Site, { id });
  if (!site) throw notFound('Site');
  return site;
}

async function packageFor(ctx: RequestContext, id: string | null | undefined): Promise<ServicePackage | null> {
  if (!id) return null;
  const pkg = await ctx.em.findOne(ServicePackage, { id });
  if (!pkg) throw badInput('servicePackageId', 'No such care package');
  return pkg;
}

async function assertDomainFree(ctx: RequestContext, domain: string, exceptId?: string) {
  const taken = await ctx.em.count(Site, { domain, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
  if (taken) throw badInput('domain', 'Another site of your agency has this domain');
}

export function createSite(ctx: RequestContext, input: SiteInput): Promise<Site> {
  return inTransaction(ctx, async () => {
    const customer = await getCustomer(ctx, input.customerId);
    const domain = input.domain.trim().toLowerCase();
    await assertDomainFree(ctx, domain);
    const site = ctx.em.create(Site, {
      tenant: customer.tenant,
      customer,
      domain,
      platform: input.platform,
      productionUrl: input.productionUrl,
      stagingUrl: input.stagingUrl ?? null,
      servicePackage: await packageFor(ctx, input.servicePackageId),
      ...(input.status ? { status: input.status } : {}),
    });
    await ctx.em.flush();
    await audit(ctx, { action: 'site.create', entityType: 'Site', entityId: site.id, detail: { domain } });
    return site;
  });
}

export function updateSite(ctx: RequestContext, id: string, input: SiteInput): Promise<Site> {
  return inTransaction(ctx, async () => {
    const site = await getSite(ctx, id);
    const domain = input.domain.trim().toLowerCase();
    if (domain !== site.domain) await assertDomainFree(ctx, domain, id);
    if (input.customerId !== site.customer.id) site.customer = await getCustomer(ctx, input.customerId);
    Object.assign(site, {
      domain,
      platform: input.platform,
      productionUrl: input.productionUrl,
      stagingUrl: input.stagingUrl ?? null,
      servicePackage: await packageFor(ctx, input.servicePackageId),
      ...(input.status ? { status: input.status } : {}),
    });
    await ctx.em.flush();
    await audit(ctx, { action: 'site.update', entityType: 'Site', entityId: id });
    return site;
  });
}

export function deleteSite(ctx: RequestContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async () => {
    ctx.em.remove(await getSite(ctx, id));
    await ctx.em.flush();
    await audit(ctx, { action: 'site.delete', entityType: 'Site', entityId: id });
    return true;
  });
}

export function assignToSite(ctx: RequestContext, input: SiteAssignmentInput): Promise<SiteAssignment> {
  return inTransaction(ctx, async () => {
    const site = await getSite(ctx, input.siteId);
    const user = await ctx.em.findOne(User, { id: input.userId });
    if (!user) throw notFound('User');
    if (user.role !== 'CONTRACTOR' && user.role !== 'EMPLOYEE') {
      throw badInput('userId', 'Only contractors and employees can be assigned to a site');
    }
    const startsAt = input.startsAt ?? new Date();
    if (input.endsAt && input.endsAt <= startsAt) throw badInput('endsAt', 'must be after startsAt');
    const assignment = ctx.em.create(SiteAssignment, {
      tenant: site.tenant,
      site,
      user,
      startsAt,
      endsAt: input.endsAt ?? null,
      reason: input.reason?.trim() || null,
    });
    await ctx.em.flush();
    await audit(ctx, {
      action: 'site.assign',
      entityType: 'SiteAssignment',
      entityId: assignment.id,
      detail: { siteId: site.id, userId: user.id, endsAt: assignment.endsAt },
    });
    return assignment;
  });
}

/** Ends an assignment now: the person's access to the site, its credentials and customer ends with it. */
export function endAssignment(ctx: RequestContext, id: string): Promise<SiteAssignment> {
  return inTransaction(ctx, async () => {
    const assignment = await ctx.em.findOne(SiteAssignment, { id });
    if (!assignment) throw notFound('Site assignment');
    if (!assignment.endsAt || assignment.endsAt > new Date()) assignment.endsAt = new Date();
    await ctx.em.flush();
    await audit(ctx, { action: 'site.unassign', entityType: 'SiteAssignment', entityId: id });
    return assignment;
  });
}
