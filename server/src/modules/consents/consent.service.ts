// P12, P13, S24: processing purposes, the append-only consent history and the current consent.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SupportedLanguage } from '@sitecare/schema';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import { memo } from '../../graphql/loaders';
import { ageOfConsent } from '../../privacy/age-of-consent';
import { BuyerType } from '../invoices/vat';
import { audit } from '../audit/audit.service';
import { type Contact, MinorStatus } from '../customers/contact.entity';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { ConsentChannel, ConsentDecision, ConsentEvent, ConsentMethod, SignupProof } from './consent-event.entity';
import { PolicyVersion } from './policy-version.entity';
import { LegalBasis, ProcessingPurpose, type PurposeKey } from './processing-purpose.entity';

const PURPOSES: Record<
  PurposeKey,
  {
    sv: string;
    en: string;
    legalBasis: LegalBasis;
    dataCategories: string[];
    retentionDays: number | null;
    directMarketing?: boolean;
    /**
     * Issue 25: the channels people give or withdraw consent for this purpose on (the portal shows a
     * switch for each, no more); WEB is the cookie banner's; none: it does not rest on consent.
     */
    channels: ConsentChannel[];
  }
> = {
  newsletter: {
    sv: 'Nyhetsbrev och erbjudanden via de kanaler du valt.',
    en: 'Newsletters and offers through the channels you chose.',
    legalBasis: LegalBasis.CONSENT,
    directMarketing: true,
    dataCategories: ['name', 'email', 'preferred_language'],
    retentionDays: null,
    channels: [ConsentChannel.EMAIL, ConsentChannel.SMS, ConsentChannel.PHONE],
  },
  targeted_ads: {
    sv: 'Riktad marknadsföring, även på andra plattformar (marknadsföringskakor).',
    en: 'Targeted advertising, also on other platforms (marketing cookies).',
    legalBasis: LegalBasis.CONSENT,
    directMarketing: true,
    dataCategories: ['visitor_id', 'pages_visited'],
    retentionDays: 395,
    channels: [ConsentChannel.WEB],
  },
  profiling: {
    sv: 'Profilering för att anpassa erbjudanden.',
    en: 'Profiling to tailor offers.',
    legalBasis: LegalBasis.CONSENT,
    directMarketing: true,
    dataCategories: ['purchases', 'email_engagement'],
    retentionDays: 730,
    channels: [ConsentChannel.EMAIL],
  },
  service_delivery: {
    sv: 'Att leverera de tjänster du köpt: drift, support och fakturering.',
    en: 'Delivering the services you bought: care, support and billing.',
    legalBasis: LegalBasis.CONTRACT,
    dataCategories: ['name', 'email', 'phone', 'company', 'orders'],
    retentionDays: null,
    channels: [],
  },
  analytics: {
    sv: 'Statistik över hur webbplatsen används (analyskakor).',
    en: 'Statistics of how the website is used (analytics cookies).',
    legalBasis: LegalBasis.CONSENT,
    dataCategories: ['visitor_id', 'pages_visited', 'device'],
    retentionDays: 395,
    channels: [ConsentChannel.WEB],
  },
  email_tracking: {
    sv: 'Om och när du öppnar våra utskick och klickar på länkar i dem.',
    en: 'Whether and when you open our e-mails and click their links.',
    legalBasis: LegalBasis.CONSENT,
    directMarketing: true,
    dataCategories: ['email', 'opens', 'clicks'],
    retentionDays: 365,
    channels: [ConsentChannel.EMAIL],
  },
  surveys: {
    sv: 'Kundundersökningar för att förbättra våra tjänster (berättigat intresse).',
    en: 'Customer surveys to improve our services (legitimate interest).',
    legalBasis: LegalBasis.LEGITIMATE_INTEREST,
    dataCategories: ['name', 'email', 'survey_answers'],
    retentionDays: 730,
    channels: [],
  },
};

/** Issue 25: the channels a purpose's consent is given on (none for a purpose the agency added itself). */
export function channelsOf(key: string): ConsentChannel[] {
  return Object.prototype.hasOwnProperty.call(PURPOSES, key) ? PURPOSES[key as PurposeKey].channels : [];
}

/** P12: every new agency (demo and `tenant:create`) starts with the standard purposes. */
export function createDefaultPurposes(em: EntityManager, tenant: Tenant): ProcessingPurpose[] {
  return (Object.keys(PURPOSES) as PurposeKey[]).map((key) => {
    const p = PURPOSES[key];
    return em.create(ProcessingPurpose, {
      tenant,
      key,
      descriptionSv: p.sv,
      descriptionEn: p.en,
      legalBasis: p.legalBasis,
      dataCategories: p.dataCategories,
      retentionDays: p.retentionDays,
      directMarketing: p.directMarketing ?? false,
    });
  });
}

export async function purposeByKey(ctx: RequestContext, key: string, field = 'purpose'): Promise<ProcessingPurpose> {
  const purpose = await memo(ctx, `purpose:${key}`, () => ctx.em.findOne(ProcessingPurpose, { key }));
  if (!purpose) throw badInput(field, `Unknown purpose "${key}"`);
  return purpose;
}

/** P22: the newest published policy version in `language` (else in any language). */
export async function currentPolicyVersion(ctx: RequestContext, language: string): Promise<PolicyVersion | null> {
  const published = { publishedAt: { $ne: null } };
  const order = { orderBy: { publishedAt: 'desc' as const, id: 'desc' as const } };
  return (
    (await ctx.em.findOne(PolicyVersion, { ...published, language }, order)) ??
    (await ctx.em.findOne(PolicyVersion, published, order))
  );
}

/** Whom a consent is about: a contact, an e-mail address, or an anonymous visitor. */
export interface ConsentSubject {
  contact?: Contact | null;
  email?: string | null;
  visitorId?: string | null;
}

export interface ConsentDecisionInput {
  purposeKey: string;
  channel: ConsentChannel;
  decision: ConsentDecision;
  method: ConsentMethod;
  wording?: string | null;
  sourceUrl?: string | null;
  language?: string;
  signupProof?: SignupProof | null;
}

/**
 * S24: a person below the age of consent of their country cannot consent alone. A grant needs the
 * age confirmed (now or at intake) or a parent's consent on file.
 */
/**
 * Issue 25: whether a person's own consent asks her age: a private individual's (a newsletter
 * sign-up, a private customer's contact) until it is confirmed or a parent consented. A company's
 * contact consents in the company's relationship with the agency and is not asked.
 */
export function asksAge(
  person: (Pick<Contact, 'ageConfirmed' | 'parentalConsent'> & { minorStatus?: Contact['minorStatus'] }) | null,
  buyerType?: BuyerType | null,
): boolean {
  if (person?.ageConfirmed || person?.parentalConsent) return false;
  // A suspected minor (P2) is asked wherever she is, a company's contact too.
  return buyerType !== BuyerType.COMPANY || person?.minorStatus === MinorStatus.SUSPECTED;
}

export function assertMayConsentAlone(
  person:
    (Pick<Contact, 'ageConfirmed' | 'parentalConsent' | 'country'> & Partial<Pick<Contact, 'minorStatus'>>) | null,
  ageConfirmedNow: boolean | null | undefined,
  country?: string | null,
  buyerType?: BuyerType | null,
): void {
  if (ageConfirmedNow || !asksAge(person, buyerType)) return;
  const age = ageOfConsent(country ?? person?.country);
  throw badInput(
    'ageConfirmed',
    `Confirm that you are at least ${age}; below that age a parent's or guardian's consent is needed`,
  );
}

/** Appends one decision with its proof (the request's IP and user agent), audited. */
export async function recordConsent(
  ctx: RequestContext,
  subject: ConsentSubject,
  input: ConsentDecisionInput,
): Promise<ConsentEvent> {
  const purpose = await purposeByKey(ctx, input.purposeKey);
  const language = input.language ?? subject.contact?.preferredLanguage ?? 'sv';
  const event = ctx.em.create(ConsentEvent, {
    tenant: ctx.em.getReference(Tenant, ctx.tenantId!),
    contact: subject.contact ?? null,
    subjectEmail: (subject.email ?? subject.contact?.email)?.trim().toLowerCase() ?? null,
    visitorId: subject.visitorId ?? null,
    purpose,
    channel: input.channel,
    decision: input.decision,
    method: input.method,
    policyVersion: await currentPolicyVersion(ctx, language),
    wording: input.wording ?? null,
    sourceUrl: input.sourceUrl ?? null,
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    recordedByUserId: input.method === ConsentMethod.STAFF_ON_INSTRUCTION ? (ctx.viewer?.userId ?? null) : null,
    signupProof: input.signupProof ?? null,
  });
  await ctx.em.flush();
  await audit(ctx, {
    action: input.decision === ConsentDecision.GRANTED ? 'consent.grant' : 'consent.withdraw',
    entityType: 'ConsentEvent',
    entityId: event.id,
    detail: {
      purpose: input.purposeKey,
      channel: input.channel,
      method: input.method,
      contactId: subject.contact?.id ?? null,
    },
  });
  return event;
}

/** Who to look up: a contact's events and those given under the same e-mail address count alike. */
export interface SubjectKey {
  contactIds?: string[];
  email?: string | null;
  visitorId?: string | null;
}

function subjectWhere(key: SubjectKey): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (key.contactIds?.length) {
    parts.push(`e.contact_id in (${key.contactIds.map(() => '?').join(',')})`);
    params.push(...key.contactIds);
  }
  if (key.email) {
    parts.push('e.subject_email = ?');
    params.push(key.email.trim().toLowerCase());
  }
  if (key.visitorId) {
    parts.push('e.visitor_id = ?');
    params.push(key.visitorId);
  }
  return { sql: parts.length ? `(${parts.join(' or ')})` : 'false', params };
}

export interface CurrentConsentRow {
  purposeKey: string;
  channel: ConsentChannel;
  decision: ConsentDecision;
  method: ConsentMethod;
  decidedAt: Date;
}

/** The current consent of one subject: the latest event per purpose × channel, in one statement. */
export async function currentConsents(ctx: RequestContext, key: SubjectKey): Promise<CurrentConsentRow[]> {
  const where = subjectWhere(key);
  const rows = await ctx.em.execute<
    { key: string; channel: ConsentChannel; decision: ConsentDecision; method: ConsentMethod; created_at: Date }[]
  >(
    `select distinct on (e.purpose_id, e.channel) p.key, e.channel, e.decision, e.method, e.created_at
       from consent_events e join processing_purposes p on p.id = e.purpose_id
      where ${where.sql}
      order by e.purpose_id, e.channel, e.created_at desc, e.id desc`,
    where.params,
  );
  return rows
    .map((r) => ({
      purposeKey: r.key,
      channel: r.channel,
      decision: r.decision,
      method: r.method,
      decidedAt: new Date(r.created_at),
    }))
    .sort((a, b) => a.purposeKey.localeCompare(b.purposeKey) || a.channel.localeCompare(b.channel));
}

/** The current decision for one purpose and channel (null: never asked). */
export async function currentDecision(
  ctx: RequestContext,
  key: SubjectKey,
  purposeKey: string,
  channel: ConsentChannel,
): Promise<ConsentDecision | null> {
  const where = subjectWhere(key);
  const [row] = await ctx.em.execute<{ decision: ConsentDecision }[]>(
    `select e.decision from consent_events e join processing_purposes p on p.id = e.purpose_id
      where ${where.sql} and p.key = ? and e.channel = ?
      order by e.created_at desc, e.id desc limit 1`,
    [...where.params, purposeKey, channel],
  );
  return row?.decision ?? null;
}

/** The contact a CUSTOMER user is the login of. */
export async function ownContact(ctx: RequestContext): Promise<Contact> {
  const user = await ctx.em.findOne(User, ctx.viewer!.userId, { populate: ['contact'] });
  if (!user?.contact) throw notFound('Contact');
  return user.contact;
}

export const languageOf = (value: string | null | undefined): SupportedLanguage => (value === 'en' ? 'en' : 'sv');
