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
}

async function decide(ctx: RequestContext, target: MarketingTarget): Promise<GateAnswer> {
  const email = target.email.trim().toLowerCase();
  // Everyone on file under this address (or the given contact): one person's wishes bind all their rows.
  const contacts = await ctx.em.execute<
    {
      id: string;
      processing_restricted_at: Date | null;
      marketing_objected_at: Date | null;
      minor_status: MinorStatus;
      erased_at: Date | null;
    }[]
  >(
    `select id, processing_restricted_at, marketing_objected_at, minor_status, erased_at from contacts
      where lower(email) = ? or id = ?`,
    [email, target.contactId ?? '00000000-0000-0000-0000-000000000000'],
  );
  if (contacts.some((c) => c.erased_at)) return { allowed: false, reason: MarketingRefusal.ERASED };
  if (contacts.some((c) => c.processing_restricted_at))
    return { allowed: false, reason: MarketingRefusal.PROCESSING_RESTRICTED };
  if (contacts.some((c) => c.marketing_objected_at))
    return { allowed: false, reason: MarketingRefusal.MARKETING_OBJECTED };
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
      },
    });
  return answer;
}

/** P9: whether opens and clicks may be recorded for this address (consent to `email_tracking`). */
export async function mayTrack(ctx: RequestContext, email: string, contactIds: string[]): Promise<boolean> {
  return (
    (await currentDecision(ctx, { contactIds, email }, 'email_tracking', ConsentChannel.EMAIL)) ===
    ConsentDecision.GRANTED
  );
}
