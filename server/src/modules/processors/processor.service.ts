// P19, P24: the agency's register of processors (the Art. 30 record). Admins keep it; staff read it;
// anyone with read access can download it as CSV for the supervisory authority or an auditor.
import { csvInert } from '@sitecare/schema';
import { stringify } from 'csv-stringify/sync';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { PageInput, type Page } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { Tenant } from '../tenants/tenant.entity';
import { Processor, TransferMechanism } from './processor.entity';
import type { ProcessorFilter, ProcessorInput } from './processor.inputs';

/** EU member states plus Iceland, Liechtenstein and Norway: no chapter V transfer inside these. */
export const EEA = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(' '),
);

/** A processor in the EEA needs no transfer mechanism; one outside it cannot claim `NONE_EEA`. */
function checkTransfer(input: ProcessorInput): void {
  const inEea = EEA.has(input.country.toUpperCase());
  if (inEea && input.transferMechanism !== TransferMechanism.NONE_EEA)
    throw badInput('transferMechanism', `${input.country} is in the EEA: use NONE_EEA`);
  if (!inEea && input.transferMechanism === TransferMechanism.NONE_EEA)
    throw badInput('transferMechanism', `${input.country} is outside the EEA: name the transfer mechanism`);
  if (input.transferMechanism === TransferMechanism.DPF && input.country.toUpperCase() !== 'US')
    throw badInput('transferMechanism', 'The EU–US Data Privacy Framework covers certified US companies only');
}

const fields = (input: ProcessorInput) => ({
  name: input.name.trim(),
  purpose: input.purpose.trim(),
  dataCategories: input.dataCategories.trim(),
  country: input.country.toUpperCase(),
  transferMechanism: input.transferMechanism,
  contractDate: input.contractDate ?? null,
  contact: input.contact?.trim() || null,
  url: input.url ?? null,
  notes: input.notes?.trim() ?? '',
});

export async function listProcessors(
  ctx: RequestContext,
  filter: ProcessorFilter = {},
  page = new PageInput(),
): Promise<Page<Processor>> {
  const [nodes, totalCount] = await ctx.em.findAndCount(
    Processor,
    filter.transferMechanism ? { transferMechanism: filter.transferMechanism } : {},
    { orderBy: { name: 'asc', id: 'asc' }, limit: page.take, offset: page.skip },
  );
  return { nodes, totalCount };
}

export async function getProcessor(ctx: RequestContext, id: string): Promise<Processor> {
  const found = await ctx.em.findOne(Processor, { id });
  if (!found) throw notFound('Processor');
  return found;
}

export function createProcessor(ctx: RequestContext, input: ProcessorInput): Promise<Processor> {
  checkTransfer(input);
  return inTransaction(ctx, async () => {
    const processor = ctx.em.create(Processor, {
      tenant: ctx.em.getReference(Tenant, ctx.tenantId!),
      ...fields(input),
    });
    await ctx.em.flush();
    await audit(ctx, {
      action: 'processor.create',
      entityType: 'Processor',
      entityId: processor.id,
      detail: { name: processor.name, country: processor.country },
    });
    return processor;
  });
}

export function updateProcessor(ctx: RequestContext, id: string, input: ProcessorInput): Promise<Processor> {
  return inTransaction(ctx, async () => {
    // Found first: another agency's id answers NOT_FOUND whatever the input (S8).
    const processor = await getProcessor(ctx, id);
    checkTransfer(input);
    Object.assign(processor, fields(input));
    await ctx.em.flush();
    await audit(ctx, { action: 'processor.update', entityType: 'Processor', entityId: id });
    return processor;
  });
}

export function deleteProcessor(ctx: RequestContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async () => {
    const processor = await getProcessor(ctx, id);
    await audit(ctx, {
      action: 'processor.delete',
      entityType: 'Processor',
      entityId: id,
      detail: { name: processor.name },
    });
    await ctx.em.remove(processor).flush();
    return true;
  });
}

export const CSV_COLUMNS = [
  'name',
  'purpose',
  'dataCategories',
  'country',
  'transferMechanism',
  'contractDate',
  'contact',
  'url',
  'notes',
] as const;

/** The whole register as CSV (RFC 4180, header row), sorted by name; every cell made inert (csvInert). */
export async function processorsCsv(ctx: RequestContext): Promise<string> {
  const rows = await ctx.em.find(Processor, {}, { orderBy: { name: 'asc', id: 'asc' } });
  return stringify(
    rows.map((p) => CSV_COLUMNS.map((c) => csvInert(p[c] ?? ''))),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}
