// P22: versioned privacy policies. Publishing a material change mails everyone it concerns (people
// with a login or a current consent) through the outbox and opens a pending acceptance for each;
// the person accepts from the portal, with time, IP and user agent.
import { appLink } from '../auth/auth.service';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { Contact } from '../customers/contact.entity';
import { enqueueMail } from '../mail/outbox.service';
import { Tenant } from '../tenants/tenant.entity';
import type { PolicyVersionInput } from './consent.inputs';
import { languageOf, ownContact } from './consent.service';
import { PolicyAcceptance, PolicyVersion } from './policy-version.entity';

export async function createPolicyVersion(ctx: RequestContext, input: PolicyVersionInput): Promise<PolicyVersion> {
  return inTransaction(ctx, async () => {
    if (await ctx.em.count(PolicyVersion, { version: input.version, language: input.language }))
      throw badInput('version', 'This version already exists in this language');
    const version = ctx.em.create(PolicyVersion, { tenant: ctx.em.getReference(Tenant, ctx.tenantId!), ...input });
    await ctx.em.flush();
    await audit(ctx, { action: 'policy.create', entityType: 'PolicyVersion', entityId: version.id });
    return version;
  });
}

/** Contacts a material change concerns: those with a login, and those with a current grant. */
async function concernedContactIds(ctx: RequestContext): Promise<string[]> {
  const rows = await ctx.em.execute<{ id: string }[]>(
    `select c.id from contacts c where c.erased_at is null and (
        exists (select 1 from users u where u.contact_id = c.id)
        or exists (select 1 from (select distinct on (e.purpose_id, e.channel) e.decision from consent_events e
                                   where e.contact_id = c.id or e.subject_email = lower(c.email)
                                   order by e.purpose_id, e.channel, e.created_at desc, e.id desc) d
                    where d.decision = 'GRANTED'))`,
  );
  return rows.map((r) => r.id);
}

export async function publishPolicyVersion(ctx: RequestContext, id: string): Promise<PolicyVersion> {
  return inTransaction(ctx, async () => {
    const version = await ctx.em.findOne(PolicyVersion, id);
    if (!version) throw notFound('PolicyVersion');
    if (version.publishedAt) throw badInput('id', 'This version is already published');
    version.publishedAt = new Date();
    let notified = 0;
    if (version.materialChange) {
      const tenant = await ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
      const contacts = await ctx.em.find(Contact, { id: { $in: await concernedContactIds(ctx) } });
      for (const contact of contacts) {
        ctx.em.create(PolicyAcceptance, { tenant, policyVersion: version, contact });
        await enqueueMail(ctx, {
          tenantId: tenant.id,
          to: contact.email,
          template: 'policy.changed',
          language: languageOf(contact.preferredLanguage),
          payload: {
            agency: tenant.name,
            name: contact.name,
            version: version.version,
            link: appLink(ctx, '/my-consents'),
          },
        });
        notified += 1;
      }
    }
    await ctx.em.flush();
    await audit(ctx, {
      action: 'policy.publish',
      entityType: 'PolicyVersion',
      entityId: version.id,
      detail: { version: version.version, language: version.language, material: version.materialChange, notified },
    });
    return version;
  });
}

export async function myPolicyAcceptances(ctx: RequestContext): Promise<PolicyAcceptance[]> {
  const contact = await ownContact(ctx);
  return ctx.em.find(PolicyAcceptance, { contact }, { orderBy: { createdAt: 'desc', id: 'desc' } });
}

export async function acceptPolicy(ctx: RequestContext, policyVersionId: string): Promise<PolicyAcceptance> {
  return inTransaction(ctx, async () => {
    const contact = await ownContact(ctx);
    const acceptance = await ctx.em.findOne(PolicyAcceptance, { contact, policyVersion: policyVersionId });
    if (!acceptance) throw notFound('PolicyAcceptance');
    if (!acceptance.acceptedAt) {
      acceptance.acceptedAt = new Date();
      acceptance.ip = ctx.ip ?? null;
      acceptance.userAgent = ctx.userAgent?.slice(0, 500) ?? null;
      await ctx.em.flush();
      await audit(ctx, { action: 'policy.accept', entityType: 'PolicyAcceptance', entityId: acceptance.id });
    }
    return acceptance;
  });
}
