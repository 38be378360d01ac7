// P1, P35: the public contact form, written once: the GraphQL operation (`leadSubmit`) and the hosted
// page (`/a/<agency>/contact`, modules/hosted) both call `submitLead`.
import { rateLimitPublicForm } from '../../auth/throttle';
import { useTenant, type RequestContext } from '../../graphql/context';
import { inTransaction } from '../../graphql/transaction';
import { redactForStorage } from '../../privacy/redaction';
import { audit } from '../audit/audit.service';
import { contactPhone } from '../customers/customer.service';
import { Tenant } from '../tenants/tenant.entity';
import { Lead } from './lead.entity';
import type { LeadInput } from './lead.inputs';

/** No login, rate-limited; an unknown agency answers like a known one (always true). */
export async function submitLead(ctx: RequestContext, input: LeadInput): Promise<boolean> {
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
