// P14: THE marketing gate. Every marketing message (newsletter, campaign; any channel) asks here
// first; transactional mail (receipts, account mail, replies to requests) never does. A refusal is
// audited with its reason (`marketing.refused`).
import { fingerprint } from '../../auth/tokens';
import type { RequestContext } from '../../graphql/context';
import { audit } from '../audit/audit.service';
import { AuditOutcome } from '../audit/audit-event.entity';
import { ConsentChannel, ConsentDecision } from '../consents/consent-event.entity';
import { currentDecision } from '../consents/consent.service';
import { MinorStatus } from '../customers/contact.entity';
import { ProcessingRefusal, processingRefusal } from '../customers/processing.guard';
import { isSuppressed } from '../suppression/suppression.service';

export enum MarketingRefusal {
  NO_CONSENT = 'NO_CONSENT',
  WITHDRAWN = 'WITHDRAWN',
  PROCESSING_RESTRICTED = 'PROCESSING_RESTRICTED',
  MARKETING_OBJECTED = 'MARKETING_OBJECTED',
  SUSPECTED_MINOR = 'SUSPECTED_MINOR',
  ERASED = 'ERASED',
  SUPPRESSED = 'SUPPRESSED',
}

export type GateAnswer = { allowed: true; contactIds: string[] } | { allowed: false; reason: MarketingRefusal };

export interface MarketingTarget {
  email: string;
  contactId?: string | null;
  purpose: string;
  channel: ConsentChannel;
  /** The campaign sending it (issue 23's history), named in the refusal's audit row. */
  campaignId?: string;
}

async function decide(ctx: RequestContext, target: MarketingTarget): Promise<GateAnswer> {
  const email = target.email.trim().toLowerCase();
  // Everyone on file under this address (or the given contact): one person's wishes bind all their rows.
  const contacts = await ctx.em.execute<
    {
      id: string;
      minor_status: MinorStatus;
      erased_at: Date | null;
    }[]
  >(
    `select id, minor_status, erased_at from contacts
      where lower(email) = ? or id = ?`,
    [email, target.contactId ?? '00000000-0000-0000-0000-000000000000'],
  );
  if (contacts.some((c) => c.erased_at)) return { allowed: false, reason: MarketingRefusal.ERASED };
  // Restriction and objection: the one guard every module asks (customers/processing.guard.ts).
  const refusal = await processingRefusal(
    ctx,
    { contactIds: contacts.map((c) => c.id), email },
    { purpose: target.purpose, marketing: true },
  );
  if (refusal === ProcessingRefusal.PROCESSING_RESTRICTED)
    return { allowed: false, reason: MarketingRefusal.PROCESSING_RESTRICTED };
  if (refusal === ProcessingRefusal.OBJECTED) return { allowed: false, reason: MarketingRefusal.MARKETING_OBJECTED };
  if (contacts.some((c) => c.minor_status === MinorStatus.SUSPECTED))
    return { allowed: false, reason: MarketingRefusal.SUSPECTED_MINOR };
  if (await isSuppressed(ctx, { email })) return { allowed: false, reason: MarketingRefusal.SUPPRESSED };
  const contactIds = contacts.map((c) => c.id);
  const decision = await currentDecision(ctx, { contactIds, email }, target.purpose, target.channel);
  if (decision === ConsentDecision.WITHDRAWN) return { allowed: false, reason: MarketingRefusal.WITHDRAWN };
  if (decision !== ConsentDecision.GRANTED) return { allowed: false, reason: MarketingRefusal.NO_CONSENT };
  return { allowed: true, contactIds };
}

/** May `target` receive marketing for this purpose on this channel now? Refusals are audited. */
export async function mayMarket(ctx: RequestContext, target: MarketingTarget): Promise<GateAnswer> {
  const answer = await decide(ctx, target);
  if (!answer.allowed)
    await audit(ctx, {
      action: 'marketing.refused',
      outcome: AuditOutcome.DENIED,
      entityType: target.contactId ? 'Contact' : undefined,
      entityId: target.contactId ?? undefined,
      // The address itself stays out of the audit trail; its fingerprint lets staff match it.
      detail: {
        reason: answer.reason,
        purpose: target.purpose,
        channel: target.channel,
        recipient: fingerprint(target.email),
        ...(target.campaignId ? { campaignId: target.campaignId } : {}),
      },
    });
  return answer;
}

/**
 * P9: whether opens and clicks may be recorded for this address: consent to `email_tracking`, and
 * neither restricted nor objected (the one guard). Asked when the mail is sent and again when an open
 * or a click arrives (a restriction or a withdrawal after sending stops it too).
 */
export async function mayTrack(ctx: RequestContext, email: string, contactIds: string[]): Promise<boolean> {
  if (await processingRefusal(ctx, { contactIds, email }, { purpose: 'email_tracking' })) return false;
  return (
    (await currentDecision(ctx, { contactIds, email }, 'email_tracking', ConsentChannel.EMAIL)) ===
    ConsentDecision.GRANTED
  );
}
