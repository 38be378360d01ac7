// Issue 23, P28: restriction (Art. 18) and objection (Art. 21) honoured by every module, through this
// one guard. The rule itself is PostgreSQL's `sitecare_processing_refusal` (migration
// processing_guard), which the webhook emitter reads too:
// - restricted: the person's data is stored, not used; every purpose is refused (reading it is not
//   processing beyond storage, and legally required mail does not ask here);
// - objected: the purposes an objection stops (`ProcessingPurpose.stoppedByObjection`: a
//   legitimate-interest basis or direct marketing) and marketing itself are refused.
// Every operation that processes a person's data beyond storage asks here first: the marketing gate,
// e-mail tracking, surveys, new orders in the person's name, moving a contact between customers.
import type { RequestContext } from '../../graphql/context';
import { AppError, ErrorCode } from '../../graphql/errors';

export enum ProcessingRefusal {
  /** Art. 18: processing is restricted. */
  PROCESSING_RESTRICTED = 'PROCESSING_RESTRICTED',
  /** Art. 21: the person objected, and this purpose is one an objection stops. */
  OBJECTED = 'OBJECTED',
}

/** The person: their contact rows and/or their e-mail address (everyone on file under it). */
export interface ProcessingSubject {
  contactIds?: ReadonlyArray<string | null | undefined>;
  email?: string | null;
}

/** What the processing is for: a purpose's key; `marketing` for anything sent as marketing. */
export interface ProcessingUse {
  purpose: string;
  marketing?: boolean;
}

/** Why processing `who`'s data for `use` is refused now, or null when it is not. */
export async function processingRefusal(
  ctx: RequestContext,
  who: ProcessingSubject,
  use: ProcessingUse,
): Promise<ProcessingRefusal | null> {
  const ids = (who.contactIds ?? []).filter((id): id is string => !!id);
  if (!ids.length && !who.email?.trim()) return null;
  const [row] = await ctx.em.execute<{ refusal: ProcessingRefusal | null }[]>(
    `select sitecare_processing_refusal(?::uuid[], ?, ?, ?) as refusal`,
    [`{${ids.join(',')}}`, who.email ?? null, use.purpose, use.marketing ?? false],
  );
  return row?.refusal ?? null;
}

const MESSAGE: Record<ProcessingRefusal, string> = {
  PROCESSING_RESTRICTED:
    "Processing of this person's data is restricted (GDPR Art. 18): it is stored, not used, until the restriction is lifted",
  OBJECTED: 'This person objected to this processing (GDPR Art. 21): it stops for them',
};

/** The typed error of a refusal: BAD_USER_INPUT naming the field and the restriction. */
export function refusalError(refusal: ProcessingRefusal, field: string, purpose: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, MESSAGE[refusal], { field, restriction: refusal, purpose });
}

/** Throws the typed error when processing `who`'s data for `use` is refused (see `processingRefusal`). */
export async function assertMayProcess(
  ctx: RequestContext,
  who: ProcessingSubject,
  use: ProcessingUse,
  field: string,
): Promise<void> {
  const refusal = await processingRefusal(ctx, who, use);
  if (refusal) throw refusalError(refusal, field, use.purpose);
}
