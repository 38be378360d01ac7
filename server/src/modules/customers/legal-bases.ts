// Issue 23 (P12, P26): the legal-basis view of a contact: which data is held under which basis, until
// when. The contract's end is `sitecare_contract_ends` (the rule the retention task uses,
// contract-end.ts); the accounting hold is `keepAccountingUntil` (the rule erasure uses).
import { Field, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { keepAccountingUntil } from '../../privacy/sources/commerce';
import { LegalBasis } from '../consents/processing-purpose.entity';
import { Tenant } from '../tenants/tenant.entity';
import type { Contact } from './contact.entity';
import { contractEndsAt } from './contract-end';

/** What is held under the contract, and minimised at its end. */
export const CONTRACT_DATA = ['tickets', 'site_credentials', 'backups', 'visits'] as const;
/** What the Bookkeeping Act keeps (seven years after the financial year). */
export const ACCOUNTING_DATA = ['orders', 'invoices', 'credit_notes', 'payments'] as const;

@ObjectType({ description: 'Data held about a person under one legal basis, and until when (issue 23).' })
export class LegalBasisHolding {
  @Field({ description: 'contract or accounting.' })
  key!: string;

  @Field(() => LegalBasis)
  basis!: LegalBasis;

  @Field(() => [String], { description: 'What is held: tickets, site_credentials, backups, visits, orders, invoices…' })
  categories!: string[];

  @Field(() => Date, {
    nullable: true,
    description: "Held until (the contract: minimised then); null while the customer's subscription runs.",
  })
  heldUntil!: Date | null;
}

export async function legalBasesOf(ctx: RequestContext, contact: Contact): Promise<LegalBasisHolding[]> {
  const [row] = await ctx.em.execute<{ customer_id: string; erased_at: Date | null }[]>(
    'select customer_id, erased_at from contacts where id = ?',
    [contact.id],
  );
  if (!row || row.erased_at) return [];
  const customerId = row.customer_id;
  const holdings: LegalBasisHolding[] = [
    {
      key: 'contract',
      basis: LegalBasis.CONTRACT,
      categories: [...CONTRACT_DATA],
      heldUntil: await contractEndsAt(ctx, customerId),
    },
  ];
  const [latest] = await ctx.em.execute<{ at: Date | string | null }[]>(
    `select greatest(
       (select max(o.created_at) from orders o where o.customer_id = ?),
       (select max((i.issue_date::text || 'T12:00:00Z')::timestamptz) from invoices i where i.customer_id = ?)) as at`,
    [customerId, customerId],
  );
  if (latest?.at) {
    const tenant = await ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
    holdings.push({
      key: 'accounting',
      basis: LegalBasis.LEGAL_OBLIGATION,
      categories: [...ACCOUNTING_DATA],
      heldUntil: keepAccountingUntil(new Date(latest.at), tenant.timezone),
    });
  }
  return holdings;
}
