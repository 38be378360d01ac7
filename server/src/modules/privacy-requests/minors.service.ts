// P2: a suspected minor without a parent's consent is erased after a deadline; a parent's consent cancels it.
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { eraseSubject } from '../../privacy/erasure';
import { findDataSubject } from '../../privacy/subject';
import { audit } from '../audit/audit.service';
import { Contact, MinorStatus } from '../customers/contact.entity';
import { getContact } from '../customers/customer.service';
import { Tenant } from '../tenants/tenant.entity';
import {
  PrivacyRequest,
  PrivacyRequestChannel,
  PrivacyRequestStatus,
  PrivacyRequestType,
} from './privacy-request.entity';
import type { MinorFlagInput, ParentalConsentInput } from './privacy-request.inputs';

const DAY_MS = 24 * 3600_000;

export function flagSuspectedMinor(ctx: RequestContext, contactId: string, input: MinorFlagInput): Promise<Contact> {
  return inTransaction(ctx, async () => {
    const contact = await getContact(ctx, contactId);
    if (contact.erasedAt) throw badInput('contactId', 'This person has been erased');
    if (contact.minorStatus === MinorStatus.PARENTAL_CONSENT) {
      throw badInput('contactId', "A parent's consent is already recorded for this person");
    }
    const now = new Date();
    contact.minorStatus = MinorStatus.SUSPECTED;
    contact.minorFlaggedAt = now;
    contact.minorErasureDueAt = new Date(now.getTime() + input.days * DAY_MS);
    await ctx.em.flush();
    await audit(ctx, {
      action: 'contact.minor_flag',
      entityType: 'Contact',
      entityId: contact.id,
      detail: { erasureDueAt: contact.minorErasureDueAt.toISOString() },
    });
    return contact;
  });
}

export function recordParentalConsent(
  ctx: RequestContext,
  contactId: string,
  input: ParentalConsentInput,
): Promise<Contact> {
  return inTransaction(ctx, async () => {
    const contact = await getContact(ctx, contactId);
    if (contact.erasedAt) throw badInput('contactId', 'This person has been erased');
    contact.minorStatus = MinorStatus.PARENTAL_CONSENT;
    contact.minorErasureDueAt = null;
    contact.parentalConsent = {
      givenAt: new Date(),
      parentName: input.parentName.trim(),
      parentEmail: input.parentEmail.trim(),
      method: input.method.trim(),
    };
    await ctx.em.flush();
    await audit(ctx, { action: 'contact.parental_consent', entityType: 'Contact', entityId: contact.id });
    return contact;
  });
}

/**
 * Erases one suspected minor past the deadline (the retention task calls it per contact, with the
 * agency set). The outcome is kept as a completed erasure request, like any other erasure.
 */
export async function eraseOverdueMinor(ctx: RequestContext, contactId: string, now: Date): Promise<boolean> {
  return inTransaction(ctx, async () => {
    const contact = await ctx.em.findOne(Contact, {
      id: contactId,
      minorStatus: MinorStatus.SUSPECTED,
      minorErasureDueAt: { $lte: now },
      erasedAt: null,
    });
    if (!contact) return false; // consent arrived, or already done: idempotent
    const tenant = await ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
    const subject = await findDataSubject(ctx, contact.email);
    const request = ctx.em.create(PrivacyRequest, {
      tenant,
      type: PrivacyRequestType.ERASURE,
      requesterEmail: contact.email.toLowerCase(),
      channel: PrivacyRequestChannel.STAFF,
      details: 'P2: suspected minor without parental consent, past the erasure deadline',
      contactIds: subject.contactIds,
      receivedAt: now,
      dueAt: now,
      status: PrivacyRequestStatus.IN_PROGRESS,
      language: tenant.defaultLanguage,
    });
    await ctx.em.flush();
    const requestId = request.id;
    const erased = await eraseSubject(ctx, subject, 'minor without parental consent');
    const done = await ctx.em.findOneOrFail(PrivacyRequest, requestId);
    done.status = PrivacyRequestStatus.COMPLETED;
    done.completedAt = now;
    done.result = {
      type: 'ERASURE',
      reason: 'P2: suspected minor, no parental consent by the deadline',
      erasure: erased.sections,
      accounting: erased.accounting,
      suppressed: erased.suppressed,
    };
    await ctx.em.flush();
    await audit(ctx, {
      action: 'contact.minor_erase',
      entityType: 'Contact',
      entityId: contactId,
      detail: { requestId },
    });
    return true;
  });
}
