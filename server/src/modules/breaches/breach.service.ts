// S26: the breach log. Every breach is recorded; a reportable one must reach the supervisory
// authority within 72 hours of awareness, a non-reportable one carries the reason why not.
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { PageInput, type Page } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { Tenant } from '../tenants/tenant.entity';
import { Breach, NOTIFICATION_HOURS } from './breach.entity';
import type { BreachFilter, BreachInput } from './breach.inputs';

/** Clock skew allowed for "not in the future". */
const SKEW_MS = 5 * 60_000;

function check(input: BreachInput): void {
  const now = Date.now() + SKEW_MS;
  if (input.awareAt.getTime() > now) throw badInput('awareAt', 'must not be in the future');
  if (!input.reportable && !input.notReportableReason?.trim())
    throw badInput('notReportableReason', 'A breach that is not reported needs the reason why');
  for (const field of ['authorityNotifiedAt', 'subjectsNotifiedAt'] as const) {
    const at = input[field];
    if (!at) continue;
    if (at.getTime() < input.awareAt.getTime()) throw badInput(field, 'must not be before awareAt');
    if (at.getTime() > now) throw badInput(field, 'must not be in the future');
  }
  if (!input.reportable && input.authorityNotifiedAt)
    throw badInput('authorityNotifiedAt', 'A breach notified to the authority is reportable');
}

const fields = (input: BreachInput) => ({
  awareAt: input.awareAt,
  description: input.description.trim(),
  dataCategories: input.dataCategories.trim(),
  approxAffected: input.approxAffected,
  consequences: input.consequences.trim(),
  measures: input.measures.trim(),
  reportable: input.reportable,
  notReportableReason: input.reportable ? null : input.notReportableReason!.trim(),
  authorityNotifiedAt: input.authorityNotifiedAt ?? null,
  subjectsNotifiedAt: input.subjectsNotifiedAt ?? null,
});

/** Sorted by deadline (= awareness), the most urgent first. */
export async function listBreaches(
  ctx: RequestContext,
  filter: BreachFilter = {},
  page = new PageInput(),
): Promise<Page<Breach>> {
  const cutoff = new Date(Date.now() - NOTIFICATION_HOURS * 3600_000);
  const overdue: FilterQuery<Breach> = { reportable: true, authorityNotifiedAt: null, awareAt: { $lt: cutoff } };
  const awaiting: FilterQuery<Breach> = { reportable: true, authorityNotifiedAt: null };
  const where: FilterQuery<Breach> = {
    $and: [
      filter.overdue === undefined ? {} : filter.overdue ? overdue : { $not: overdue },
      filter.awaitingNotification === undefined ? {} : filter.awaitingNotification ? awaiting : { $not: awaiting },
    ],
  };
  const [nodes, totalCount] = await ctx.em.findAndCount(Breach, where, {
    orderBy: { awareAt: 'asc', id: 'asc' },
    limit: page.take,
    offset: page.skip,
  });
  return { nodes, totalCount };
}

export async function getBreach(ctx: RequestContext, id: string): Promise<Breach> {
  const found = await ctx.em.findOne(Breach, { id });
  if (!found) throw notFound('Breach');
  return found;
}

export function createBreach(ctx: RequestContext, input: BreachInput): Promise<Breach> {
  check(input);
  return inTransaction(ctx, async () => {
    const breach = ctx.em.create(Breach, { tenant: ctx.em.getReference(Tenant, ctx.tenantId!), ...fields(input) });
    await ctx.em.flush();
    await audit(ctx, {
      action: 'breach.record',
      entityType: 'Breach',
      entityId: breach.id,
      detail: { reportable: breach.reportable, approxAffected: breach.approxAffected },
    });
    return breach;
  });
}

export function updateBreach(ctx: RequestContext, id: string, input: BreachInput): Promise<Breach> {
  return inTransaction(ctx, async () => {
    // Found first: another agency's id answers NOT_FOUND whatever the input (S8).
    const breach = await getBreach(ctx, id);
    check(input);
    const before = { reportable: breach.reportable, authorityNotifiedAt: breach.authorityNotifiedAt };
    Object.assign(breach, fields(input));
    await ctx.em.flush();
    await audit(ctx, {
      action: 'breach.update',
      entityType: 'Breach',
      entityId: id,
      detail: { before, reportable: breach.reportable, authorityNotifiedAt: breach.authorityNotifiedAt },
    });
    return breach;
  });
}
