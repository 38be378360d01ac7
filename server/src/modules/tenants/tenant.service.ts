import type { EntityManager } from '@mikro-orm/postgresql';
import type { SupportedLanguage } from '@sitecare/schema';
import type { RequestContext } from '../../graphql/context';
import { AppError, ErrorCode } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { createDefaultPurposes } from '../consents/consent.service';
import {
  checkBankgiro,
  checkBic,
  checkIban,
  checkOrganisationNumber,
  checkPlusgiro,
  checkVatNumber,
  type Checked,
} from './business-identifiers';
import { Tenant } from './tenant.entity';
import type { TenantUpdateInput } from './tenant.inputs';

export function currentTenant(ctx: RequestContext): Promise<Tenant> {
  return ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
}

/** Every problem of one submission at once, as class-validator's are: `field` is the first, `fields` all. */
export function badInputs(problems: Array<{ field: string; message: string }>): AppError {
  const [first] = problems;
  return new AppError(ErrorCode.BAD_USER_INPUT, `Invalid ${first.field}: ${first.message}`, {
    field: first.field,
    fields: problems,
  });
}

const CHECKED: Partial<Record<keyof TenantUpdateInput, (value: string, country: string) => Checked>> = {
  organisationNumber: checkOrganisationNumber,
  vatNumber: checkVatNumber,
  bankgiro: checkBankgiro,
  plusgiro: checkPlusgiro,
  iban: checkIban,
  bic: checkBic,
};

/** The input as it will be stored: trimmed, empty text cleared, identifiers checked and normalised. */
function normalise(input: TenantUpdateInput, tenant: Tenant): Record<string, unknown> {
  const country = (input.country ?? tenant.country).toUpperCase();
  const values: Record<string, unknown> = {};
  const problems: Array<{ field: string; message: string }> = [];
  for (const [key, raw] of Object.entries(input) as Array<[keyof TenantUpdateInput, unknown]>) {
    if (raw === undefined) continue;
    let value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === '' && key in NULLABLE) value = null;
    if (value === null && !(key in NULLABLE)) {
      problems.push({ field: key, message: 'must not be empty' });
      continue;
    }
    const check = CHECKED[key];
    if (check && typeof value === 'string') {
      const result = check(value, country);
      if (!result.ok) {
        problems.push({ field: key, message: result.message });
        continue;
      }
      value = result.value;
    }
    if (key === 'country' || key === 'currency') value = String(value).toUpperCase();
    if (key === 'brandColor' && typeof value === 'string') value = value.toLowerCase();
    values[key] = value;
  }
  // A stored Swedish number must still hold when the country changes to Sweden.
  if (input.organisationNumber === undefined && input.country && tenant.organisationNumber) {
    const result = checkOrganisationNumber(tenant.organisationNumber, country);
    if (!result.ok) problems.push({ field: 'organisationNumber', message: result.message });
  }
  if (problems.length) throw badInputs(problems);
  return values;
}

const NULLABLE = {
  legalName: 1,
  organisationNumber: 1,
  vatNumber: 1,
  addressLine1: 1,
  addressLine2: 1,
  postalCode: 1,
  city: 1,
  bankgiro: 1,
  plusgiro: 1,
  iban: 1,
  bic: 1,
  supportEmail: 1,
  senderName: 1,
  brandColor: 1,
};

/** Admins (the matrix). The audit names the fields that changed, never their values. */
export async function updateTenant(ctx: RequestContext, input: TenantUpdateInput): Promise<Tenant> {
  return inTransaction(ctx, async () => {
    const tenant = await currentTenant(ctx);
    const changed: string[] = [];
    for (const [key, value] of Object.entries(normalise(input, tenant))) {
      const record = tenant as unknown as Record<string, unknown>;
      if (record[key] === value) continue;
      record[key] = value;
      changed.push(key);
    }
    await ctx.em.flush();
    if (changed.length)
      await audit(ctx, { action: 'tenant.update', entityType: 'Tenant', entityId: tenant.id, detail: { changed } });
    return tenant;
  });
}

export const LOGO_MAX_BYTES = 256 * 1024;
const LOGO_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * The logo, sniffed by its content (file-type), not by what the client says: PNG, JPEG or WebP up to
 * 256 KB. SVG is refused: it is a document that can carry scripts, and invoices print raster images.
 */
export async function setTenantLogo(ctx: RequestContext, contentBase64: string): Promise<Tenant> {
  const base64 = contentBase64.replace(/^data:[^,]*,/, '').replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw badInputs([{ field: 'contentBase64', message: 'must be base64' }]);
  const bytes = Buffer.from(base64, 'base64');
  if (!bytes.length) throw badInputs([{ field: 'contentBase64', message: 'is empty' }]);
  if (bytes.length > LOGO_MAX_BYTES) throw badInputs([{ field: 'contentBase64', message: 'must be at most 256 KB' }]);
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !LOGO_TYPES.has(type.mime))
    throw badInputs([{ field: 'contentBase64', message: 'must be a PNG, JPEG or WebP image (SVG is not accepted)' }]);
  return inTransaction(ctx, async () => {
    const tenant = await currentTenant(ctx);
    tenant.logo = bytes;
    tenant.logoContentType = type.mime;
    tenant.logoUpdatedAt = new Date();
    await ctx.em.flush();
    await audit(ctx, {
      action: 'tenant.update',
      entityType: 'Tenant',
      entityId: tenant.id,
      detail: { changed: ['logo'], contentType: type.mime, bytes: bytes.length },
    });
    return tenant;
  });
}

export function removeTenantLogo(ctx: RequestContext): Promise<Tenant> {
  return inTransaction(ctx, async () => {
    const tenant = await currentTenant(ctx);
    if (!tenant.logoContentType) return tenant;
    tenant.logo = null;
    tenant.logoContentType = null;
    tenant.logoUpdatedAt = null;
    await ctx.em.flush();
    await audit(ctx, {
      action: 'tenant.update',
      entityType: 'Tenant',
      entityId: tenant.id,
      detail: { changed: ['logo'] },
    });
    return tenant;
  });
}

export interface NewTenant {
  name: string;
  slug: string;
  country: string;
  defaultLanguage: SupportedLanguage;
  privacyContactEmail: string;
  supervisoryAuthorityName: string;
  supervisoryAuthorityUrl: string;
  timezone?: string;
  /** Roles that must have a second factor (issue 20); default DEFAULT_SECOND_FACTOR_ROLES. */
  secondFactorRoles?: string[];
}

/** A new agency requires a second factor of everyone who can reach site credentials (issue 20). */
export const DEFAULT_SECOND_FACTOR_ROLES = ['ADMIN', 'EMPLOYEE', 'CONTRACTOR'];

/** The system path (owner connection): onboarding creates a tenant before anyone belongs to it. */
export function createTenant(em: EntityManager, input: NewTenant): Tenant {
  const tenant = em.create(Tenant, {
    ...input,
    country: input.country.toUpperCase(),
    secondFactorRoles: input.secondFactorRoles ?? DEFAULT_SECOND_FACTOR_ROLES,
  });
  createDefaultPurposes(em, tenant); // P12
  return tenant;
}
