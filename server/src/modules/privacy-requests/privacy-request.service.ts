// Data subject requests (P28, P29, P30, P33, S23): intake from the public page (with a mailed token),
// the portal and staff; the staff workflow; and carrying out each type. Every change is audited.
import { asSupportedLanguage, type SupportedLanguage } from '@sitecare/schema';
import type { FilterQuery } from '@mikro-orm/core';
import { rateLimitPublicForm } from '../../auth/throttle';
import { newTenantToken, parseTenantToken } from '../../auth/tokens';
import { publicBaseUrl, useTenant, type RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import type { PageInput } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { buildExport } from '../../privacy/export';
import { requireFreshStep } from '../auth/second-factor.service';
import { Keyring, type FileContext } from '../../secrets/keyring';
import { eraseSubject } from '../../privacy/erasure';
import type { DataSubject } from '../../privacy/personal-data';
import { findDataSubject } from '../../privacy/subject';
import { audit } from '../audit/audit.service';
import { Contact } from '../customers/contact.entity';
import { contactFields } from '../customers/customer.service';
import { enqueueMail } from '../mail/outbox.service';
import type { MailTemplate } from '../mail/templates';
import { suppress } from '../suppression/suppression.service';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import {
  OPEN_STATUSES,
  PrivacyExport,
  PrivacyRequest,
  PrivacyRequestChannel,
  PrivacyRequestStatus,
  PrivacyRequestToken,
  PrivacyRequestType,
} from './privacy-request.entity';
import { dueDateFor, formatDay, latestDueDateFor } from './privacy-request.dates';
import type {
  PrivacyRequestCompleteInput,
  PrivacyRequestExtendInput,
  PrivacyRequestFilter,
  PrivacyRequestPortalInput,
  PrivacyRequestPublicInput,
  PrivacyRequestStaffInput,
} from './privacy-request.inputs';
import { TYPE_LABELS } from './privacy-request.templates';

export const CONFIRM_TOKEN_TTL_MS = 48 * 3600_000;
export const EXPORT_TTL_MS = 7 * 24 * 3600_000;

const lang = asSupportedLanguage;
const invalidLink = () => badInput('token', 'The link is invalid or has expired');

async function tenantOf(ctx: RequestContext): Promise<Tenant> {
  return ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
}

/** P34: what every privacy mail says about the agency. */
function agencyVars(tenant: Tenant, language: SupportedLanguage, type: PrivacyRequestType) {
  return {
    agency: tenant.name,
    privacyContact: tenant.privacyContactEmail,
    authority: tenant.supervisoryAuthorityName,
    authorityUrl: tenant.supervisoryAuthorityUrl,
    type: TYPE_LABELS[language][type],
  };
}

async function mailPerson(
  ctx: RequestContext,
  request: PrivacyRequest,
  template: MailTemplate,
  vars: Record<string, unknown> = {},
): Promise<void> {
  const tenant = await tenantOf(ctx);
  const language = lang(request.language);
  await enqueueMail(ctx, {
    tenantId: tenant.id,
    to: request.requesterEmail,
    template,
    language,
    payload: { ...agencyVars(tenant, language, request.type), ...vars },
  });
}

async function newRequest(
  ctx: RequestContext,
  fields: {
    type: PrivacyRequestType;
    email: string;
    channel: PrivacyRequestChannel;
    details?: string | null;
    language: SupportedLanguage;
    receivedAt?: Date;
    verified: boolean;
  },
): Promise<PrivacyRequest> {
  const tenant = await tenantOf(ctx);
  const receivedAt = fields.receivedAt ?? new Date();
  const subject = await findDataSubject(ctx, fields.email);
  const request = ctx.em.create(PrivacyRequest, {
    tenant,
    type: fields.type,
    requesterEmail: fields.email.trim().toLowerCase(),
    language: fields.language,
    channel: fields.channel,
    details: fields.details?.trim() || null,
    contactIds: subject.contactIds,
    receivedAt,
    dueAt: dueDateFor(receivedAt, tenant.timezone),
    status: fields.verified ? PrivacyRequestStatus.IDENTITY_VERIFIED : PrivacyRequestStatus.RECEIVED,
    identityVerifiedAt: fields.verified ? new Date() : null,
  });
  await ctx.em.flush();
  await audit(ctx, {
    action: 'privacy_request.create',
    entityType: 'PrivacyRequest',
    entityId: request.id,
    detail: { type: request.type, channel: request.channel, matchedContacts: subject.contactIds.length },
  });
  // S23, P34: the person knows it arrived, by when they will hear from us, and whom to ask.
  const day = (d: Date) => d.toISOString().slice(0, 10);
  await mailPerson(ctx, request, 'privacy.received', { received: day(receivedAt), due: day(request.dueAt) });
  return request;
}

/** P29: the public page. The same answer whatever the address; the link goes only to that address. */
export async function submitPublicRequest(ctx: RequestContext, input: PrivacyRequestPublicInput): Promise<boolean> {
  await rateLimitPublicForm(ctx);
  const [row] = await ctx.em.execute<{ id: string | null }[]>('select sitecare_tenant_by_slug(?) as id', [
    input.agency,
  ]);
  if (!row?.id) return true; // an unknown agency answers like a known one
  await useTenant(ctx, row.id);
  await inTransaction(ctx, async () => {
    const tenant = await tenantOf(ctx);
    const language = input.language ? lang(input.language) : tenant.defaultLanguage;
    const { token, hash } = newTenantToken(tenant.id);
    const pending = ctx.em.create(PrivacyRequestToken, {
      tenant,
      email: input.email.trim().toLowerCase(),
      type: input.type,
      details: input.details?.trim() || null,
      language,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + CONFIRM_TOKEN_TTL_MS),
    });
    await ctx.em.flush();
    await enqueueMail(ctx, {
      tenantId: tenant.id,
      to: pending.email,
      template: 'privacy.confirm',
      language,
      payload: {
        ...agencyVars(tenant, language, input.type),
        link: `${publicBaseUrl(ctx)}/privacy/confirm/${token}`,
        expiresInHours: CONFIRM_TOKEN_TTL_MS / 3600_000,
      },
    });
    await audit(ctx, { action: 'privacy_request.token_sent', entityType: 'PrivacyRequestToken', entityId: pending.id });
  });
  await useTenant(ctx, undefined);
  return true;
}

/** P29: following the mailed link proves control of the address: the request starts as verified. */
export async function confirmPublicRequest(ctx: RequestContext, rawToken: string): Promise<PrivacyRequest> {
  const parsed = parseTenantToken(rawToken);
  if (!parsed) throw invalidLink();
  await useTenant(ctx, parsed.tenantId);
  return inTransaction(ctx, async () => {
    const pending = await ctx.em.findOne(PrivacyRequestToken, { tokenHash: parsed.hash });
    if (!pending || pending.usedAt || pending.expiresAt.getTime() < Date.now()) throw invalidLink();
    pending.usedAt = new Date();
    return newRequest(ctx, {
      type: pending.type,
      email: pending.email,
      channel: PrivacyRequestChannel.PUBLIC_PAGE,
      details: pending.details,
      language: lang(pending.language),
      receivedAt: pending.createdAt,
      verified: true,
    });
  });
}

/** P33: from the portal the viewer is already authenticated: the request is about their own address. */
export function submitPortalRequest(ctx: RequestContext, input: PrivacyRequestPortalInput): Promise<PrivacyRequest> {
  return inTransaction(ctx, async () => {
    const user = await ctx.em.findOneOrFail(User, ctx.viewer!.userId);
    return newRequest(ctx, {
      type: input.type,
      email: user.email,
      channel: PrivacyRequestChannel.PORTAL,
      details: input.details,
      language: user.preferredLanguage,
      verified: true,
    });
  });
}

/** A request staff received another way; it waits for identity verification. */
export function createStaffRequest(ctx: RequestContext, input: PrivacyRequestStaffInput): Promise<PrivacyRequest> {
  return inTransaction(ctx, async () =>
    newRequest(ctx, {
      type: input.type,
      email: input.email,
      channel: PrivacyRequestChannel.STAFF,
      details: input.details,
      language: input.language ? lang(input.language) : (await tenantOf(ctx)).defaultLanguage,
      verified: false,
    }),
  );
}

export function overdueWhere(now = new Date()): FilterQuery<PrivacyRequest> {
  return { status: { $in: OPEN_STATUSES }, dueAt: { $lt: now } };
}

export async function listRequests(
  ctx: RequestContext,
  filter: PrivacyRequestFilter,
  page: PageInput,
): Promise<{ nodes: PrivacyRequest[]; totalCount: number }> {
  const where: FilterQuery<PrivacyRequest>[] = [];
  if (filter.status) where.push({ status: filter.status });
  if (filter.type) where.push({ type: filter.type });
  if (filter.channel) where.push({ channel: filter.channel });
  if (filter.open) where.push({ status: { $in: OPEN_STATUSES } });
  if (filter.overdue === true) where.push(overdueWhere());
  if (filter.overdue === false) where.push({ $not: overdueWhere() });
  const [nodes, totalCount] = await ctx.em.findAndCount(
    PrivacyRequest,
    { $and: where },
    { orderBy: { dueAt: 'asc', id: 'asc' }, limit: page.take, offset: page.skip },
  );
  return { nodes, totalCount };
}

export async function getRequest(ctx: RequestContext, id: string): Promise<PrivacyRequest> {
  const request = await ctx.em.findOne(PrivacyRequest, { id });
  if (!request) throw notFound('PrivacyRequest');
  return request;
}

/** The portal: the viewer's own requests, newest first. */
export async function myRequests(ctx: RequestContext): Promise<PrivacyRequest[]> {
  const user = await ctx.em.findOneOrFail(User, ctx.viewer!.userId);
  return ctx.em.find(
    PrivacyRequest,
    { requesterEmail: user.email.toLowerCase() },
    { orderBy: { receivedAt: 'desc' }, limit: 100 },
  );
}

function expectStatus(request: PrivacyRequest, allowed: PrivacyRequestStatus[]) {
  if (!allowed.includes(request.status)) {
    throw badInput('id', `The request is ${request.status}; this step needs ${allowed.join(' or ')}`);
  }
}

async function step(
  ctx: RequestContext,
  id: string,
  allowed: PrivacyRequestStatus[],
  action: 'verify' | 'start' | 'extend' | 'reject',
  change: (request: PrivacyRequest) => Promise<Record<string, unknown> | void>,
): Promise<PrivacyRequest> {
  return inTransaction(ctx, async () => {
    const request = await getRequest(ctx, id);
    expectStatus(request, allowed);
    const detail = (await change(request)) ?? {};
    await ctx.em.flush();
    await audit(ctx, {
      action: `privacy_request.${action}`,
      entityType: 'PrivacyRequest',
      entityId: request.id,
      detail: { status: request.status, ...detail },
    });
    return request;
  });
}

export const verifyRequest = (ctx: RequestContext, id: string) =>
  step(ctx, id, [PrivacyRequestStatus.RECEIVED], 'verify', async (request) => {
    request.status = PrivacyRequestStatus.IDENTITY_VERIFIED;
    request.identityVerifiedAt = new Date();
    request.contactIds = (await findDataSubject(ctx, request.requesterEmail)).contactIds;
  });

export const startRequest = (ctx: RequestContext, id: string, assigneeId?: string | null) =>
  step(ctx, id, [PrivacyRequestStatus.IDENTITY_VERIFIED], 'start', async (request) => {
    const assignee = await ctx.em.findOne(User, {
      id: assigneeId ?? ctx.viewer!.userId,
      role: { $in: ['ADMIN', 'EMPLOYEE'] },
    });
    if (!assignee) throw badInput('assigneeId', 'Assign the request to a member of staff');
    request.status = PrivacyRequestStatus.IN_PROGRESS;
    request.assignee = assignee;
    return { assigneeId: assignee.id };
  });

export const extendRequest = (ctx: RequestContext, id: string, input: PrivacyRequestExtendInput) =>
  step(ctx, id, OPEN_STATUSES, 'extend', async (request) => {
    if (request.extendedAt) throw badInput('id', 'The request has already been extended');
    const tenant = await tenantOf(ctx);
    const latest = latestDueDateFor(request.receivedAt, tenant.timezone);
    const dueAt = input.dueAt ?? latest;
    if (dueAt.getTime() > latest.getTime()) {
      throw badInput('dueAt', 'An extension ends at most three months after the request was received');
    }
    if (dueAt.getTime() <= request.dueAt.getTime()) throw badInput('dueAt', 'must be after the current due date');
    request.dueAt = dueAt;
    request.extendedAt = new Date();
    request.extensionReason = input.reason.trim();
    await mailPerson(ctx, request, 'privacy.extended', {
      reason: request.extensionReason,
      dueDate: formatDay(dueAt, tenant.timezone, request.language),
    });
    return { dueAt: dueAt.toISOString() };
  });

export const rejectRequest = (ctx: RequestContext, id: string, reason: string) =>
  step(ctx, id, OPEN_STATUSES, 'reject', async (request) => {
    const trimmed = reason.trim();
    if (trimmed.length < 5) throw badInput('reason', 'Give the reason for the rejection (at least 5 characters)');
    request.status = PrivacyRequestStatus.REJECTED;
    request.rejectionReason = trimmed;
    request.completedAt = new Date();
    await mailPerson(ctx, request, 'privacy.rejected', { reason: trimmed });
  });

/** Nothing in any table but the request itself: the address is unknown here. */
/** Nothing in it: null, an empty list, or a section made only of empty lists (e.g. `{ events: [] }`). */
function isEmpty(value: unknown): boolean {
  if (value == null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

function holdsNothing(subject: DataSubject, sections: Record<string, unknown>): boolean {
  if (subject.contactIds.length || subject.userIds.length) return false;
  // The request's own trail (the request, its confirmation mail) is not data held about the person.
  return Object.entries(sections).every(([name, v]) => {
    if (name === 'privacyRequests' || isEmpty(v)) return true;
    const rows = (Array.isArray(v) ? v : v ? [v] : []) as { template?: string }[];
    return rows.every((row) => name === 'emailsSent' && row.template?.startsWith('privacy.'));
  });
}

const OUTCOME = {
  nothing: {
    sv: 'Vi har inga personuppgifter om den här e-postadressen.',
    en: 'We hold no personal data about this e-mail address.',
  },
  restricted: {
    sv: 'Behandlingen av dina uppgifter är nu begränsad.',
    en: 'Processing of your data is now restricted.',
  },
  unrestricted: { sv: 'Begränsningen är hävd.', en: 'The restriction has been lifted.' },
  objected: {
    sv: 'Vi använder inte längre dina uppgifter för marknadsföring.',
    en: 'We no longer use your data for marketing.',
  },
  unobjected: { sv: 'Invändningen är hävd.', en: 'The objection has been lifted.' },
  withdrawn: {
    sv: 'Ditt samtycke till marknadsföring är återkallat och adressen spärrad för utskick.',
    en: 'Your consent to marketing is withdrawn and the address is blocked from mailings.',
  },
  rectified: { sv: 'Dina uppgifter är rättade.', en: 'Your details have been corrected.' },
} as const;

/** Carries out the request (its type's effect) and completes it, all in one transaction. */
export function completeRequest(
  ctx: RequestContext,
  id: string,
  input: PrivacyRequestCompleteInput,
): Promise<PrivacyRequest> {
  return inTransaction(ctx, async () => {
    let request = await getRequest(ctx, id);
    expectStatus(request, [PrivacyRequestStatus.IDENTITY_VERIFIED, PrivacyRequestStatus.IN_PROGRESS]);
    const tenant = await tenantOf(ctx);
    const language = lang(request.language);
    const subject = await findDataSubject(ctx, request.requesterEmail);
    const result: Record<string, unknown> = { type: request.type, note: input.note ?? null };
    let outcome: keyof typeof OUTCOME | null = null;
    const now = new Date();
    const setOnContacts = async (field: 'processingRestrictedAt' | 'marketingObjectedAt', value: Date | null) => {
      const contacts = await ctx.em.find(Contact, { id: { $in: subject.contactIds } });
      for (const contact of contacts) contact[field] = value;
      result.contacts = contacts.length;
    };

    switch (request.type) {
      case PrivacyRequestType.ACCESS:
      case PrivacyRequestType.PORTABILITY: {
        const built = await buildExport(ctx, subject, {
          language,
          agency: tenant.name,
          privacyContactEmail: tenant.privacyContactEmail,
        });
        // Staff exporting a person's record is an access to their data (issue 20), on each contact.
        for (const contactId of subject.contactIds)
          await audit(ctx, { action: 'contact.export', entityType: 'Contact', entityId: contactId });
        const sections = built.data.sections as Record<string, unknown>;
        result.sections = Object.fromEntries(
          Object.entries(sections).map(([k, v]) => [k, Array.isArray(v) ? v.length : isEmpty(v) ? 0 : 1]),
        );
        if (holdsNothing(subject, sections)) {
          outcome = 'nothing';
          result.nothingHeld = true;
          break;
        }
        const { token, hash } = newTenantToken(tenant.id);
        const file = ctx.em.create(PrivacyExport, {
          tenant,
          request,
          // Sealed at rest (AES-256-GCM, bound to the tenant and the request): a dump of the database
          // alone never holds a person's whole file.
          content: ctx.app.keyring.sealFile(built.zip, exportFileContext(tenant.id, request.id)),
          tokenHash: hash,
          expiresAt: new Date(now.getTime() + EXPORT_TTL_MS),
        });
        await ctx.em.flush();
        result.export = { bytes: built.zip.length, expiresAt: file.expiresAt.toISOString() };
        await mailPerson(ctx, request, 'privacy.export_ready', {
          link: exportLink(ctx, token),
          expiresInDays: EXPORT_TTL_MS / (24 * 3600_000),
        });
        break;
      }
      case PrivacyRequestType.ERASURE: {
        if (!subject.contactIds.length && !subject.userIds.length) {
          // Still walk every source: leads and tickets may hold the address without a contact.
          result.nothingHeld = true;
        }
        const erased = await eraseSubject(ctx, subject, 'erasure request');
        Object.assign(result, {
          erasure: erased.sections,
          accounting: erased.accounting,
          suppressed: erased.suppressed,
          confirmation:
            'No confirmation mail is sent: it would keep the address in the outbox. The request itself stays under a placeholder address as proof of the answer.',
        });
        request = await getRequest(ctx, id); // reloaded: the sources rewrote it (placeholder address)
        break;
      }
      case PrivacyRequestType.RESTRICTION:
        await setOnContacts('processingRestrictedAt', input.lift ? null : now);
        outcome = input.lift ? 'unrestricted' : 'restricted';
        break;
      case PrivacyRequestType.OBJECTION:
        await setOnContacts('marketingObjectedAt', input.lift ? null : now);
        outcome = input.lift ? 'unobjected' : 'objected';
        break;
      case PrivacyRequestType.WITHDRAW_CONSENT:
        await setOnContacts('marketingObjectedAt', now);
        await suppress(ctx, { email: subject.email }, 'consent withdrawn');
        for (const phone of subject.phones) await suppress(ctx, { phone }, 'consent withdrawn');
        result.suppressed = { email: true, phones: subject.phones.length };
        result.withdrawal =
          'Marketing consent (e-mail and SMS lists) withdrawn: the marketing objection is recorded on every matched contact and the address and phone numbers are on the suppression list.';
        outcome = 'withdrawn';
        break;
      case PrivacyRequestType.RECTIFICATION: {
        const r = input.rectification;
        if (!r) throw badInput('rectification', 'Confirm the corrected details of one of the matched contacts');
        if (!subject.contactIds.includes(r.contactId)) {
          throw badInput('rectification.contactId', 'Not a contact with the requester’s e-mail address');
        }
        const contact = await ctx.em.findOneOrFail(Contact, r.contactId);
        const fields = await contactFields(ctx, r.changes, contact);
        const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
          (k) => JSON.stringify(contact[k]) !== JSON.stringify(fields[k]),
        );
        Object.assign(contact, fields);
        result.rectified = { contactId: contact.id, fields: changed };
        outcome = 'rectified';
        break;
      }
    }

    request.status = PrivacyRequestStatus.COMPLETED;
    request.completedAt = now;
    request.result = result;
    await ctx.em.flush();
    if (outcome) await mailPerson(ctx, request, 'privacy.completed', { outcome: OUTCOME[outcome][language] });
    await audit(ctx, {
      action: 'privacy_request.complete',
      entityType: 'PrivacyRequest',
      entityId: request.id,
      detail: { type: request.type, status: request.status },
    });
    return request;
  });
}

export function exportLink(ctx: RequestContext, token: string): string {
  return `${publicBaseUrl(ctx)}/privacy/export/${token}`;
}

/** The portal's download button: a fresh single-use link to the viewer's own unexpired export. */
export async function issueExportLink(ctx: RequestContext, requestId: string): Promise<string> {
  // Issue 20 (S34): staff download an export only after a fresh second step.
  if (ctx.viewer!.role !== 'CUSTOMER') {
    await requireFreshStep(ctx, { action: 'privacy_export.link', entityType: 'PrivacyRequest', entityId: requestId });
  }
  return inTransaction(ctx, async () => {
    const user = await ctx.em.findOneOrFail(User, ctx.viewer!.userId);
    const request = await ctx.em.findOne(PrivacyRequest, { id: requestId, requesterEmail: user.email.toLowerCase() });
    if (!request) throw notFound('PrivacyRequest');
    const file = await ctx.em.findOne(PrivacyExport, {
      request,
      downloadedAt: null,
      expiresAt: { $gt: new Date() },
    });
    if (!file) throw badInput('requestId', 'There is no export to download for this request');
    const { token, hash } = newTenantToken(ctx.tenantId!);
    file.tokenHash = hash;
    await ctx.em.flush();
    await audit(ctx, { action: 'privacy_export.link', entityType: 'PrivacyRequest', entityId: request.id });
    return exportLink(ctx, token);
  });
}

/** Where an export's sealed bytes belong: its tenant and its request. */
function exportFileContext(tenantId: string, requestId: string): FileContext {
  return { tenantId, kind: 'privacy-export', id: requestId };
}

/** The download: once, before expiry; the bytes are deleted as they are handed over. */
export async function takeExport(ctx: RequestContext, rawToken: string): Promise<Buffer | undefined> {
  const parsed = parseTenantToken(rawToken);
  if (!parsed) return undefined;
  await useTenant(ctx, parsed.tenantId);
  const file = await ctx.em.findOne(PrivacyExport, { tokenHash: parsed.hash }, { populate: ['content'] });
  if (!file || file.downloadedAt || file.expiresAt.getTime() < Date.now()) return undefined;
  const stored = Buffer.from(file.content);
  // An export built before exports were sealed (they live at most EXPORT_TTL_MS) is still plain.
  const content = Keyring.isSealedFile(stored)
    ? ctx.app.keyring.openFile(stored, exportFileContext(parsed.tenantId, file.request.id))
    : stored;
  // The bytes go as they are handed over; the row stays as the record of the download.
  await ctx.em.nativeUpdate(
    PrivacyExport,
    { id: file.id },
    { downloadedAt: new Date(), tokenHash: null, content: Buffer.alloc(0) },
  );
  await audit(ctx, { action: 'privacy_export.download', entityType: 'PrivacyRequest', entityId: file.request.id });
  return content;
}
