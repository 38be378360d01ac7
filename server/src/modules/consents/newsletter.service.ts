// P1, P15, S24: newsletter sign-up with double opt-in. The form records its proof and mails a
// single-use, expiring link; only its confirmation records the consent (with both proofs) and lifts
// an earlier suppression of the address. Nothing but the confirmation request is sent before that.
import { rateLimitPublicForm } from '../../auth/throttle';
import { newTenantToken, parseTenantToken } from '../../auth/tokens';
import { escapeLike } from '../../db/like';
import { publicBaseUrl, useTenant, type RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { Contact } from '../customers/contact.entity';
import { enqueueMail } from '../mail/outbox.service';
import { unsuppress } from '../suppression/suppression.service';
import { Tenant } from '../tenants/tenant.entity';
import { ConsentChannel, ConsentDecision, ConsentMethod } from './consent-event.entity';
import type { NewsletterSubscribeInput } from './consent.inputs';
import { assertMayConsentAlone, languageOf, recordConsent } from './consent.service';
import { NewsletterSignup } from './newsletter-signup.entity';

const CONFIRM_TTL_MS = 72 * 3600_000;

/** The agency a public form names; undefined for an unknown slug (answered like a known one). */
export async function tenantBySlug(ctx: RequestContext, slug: string): Promise<string | undefined> {
  const [row] = await ctx.em.execute<{ id: string | null }[]>('select sitecare_tenant_by_slug(?) as id', [slug]);
  return row?.id ?? undefined;
}

/**
 * The public sign-up, written once: the GraphQL operation (`newsletterSubscribe`) and the hosted page
 * (`/a/<agency>/newsletter`) call it. No login; rate-limited; an unknown agency answers like a known one.
 */
export async function subscribeNewsletter(ctx: RequestContext, input: NewsletterSubscribeInput): Promise<boolean> {
  await rateLimitPublicForm(ctx);
  const tenantId = await tenantBySlug(ctx, input.agency);
  if (!tenantId) return true;
  await useTenant(ctx, tenantId);
  const email = input.email.trim().toLowerCase();
  await inTransaction(ctx, async () => {
    // S24: under the age of consent only a parent's consent on file lets the person sign up.
    const withParent = await ctx.em.findOne(Contact, {
      email: { $ilike: escapeLike(email) },
      parentalConsent: { $ne: null },
    });
    assertMayConsentAlone(withParent, input.ageConfirmed, input.country);
    const tenant = await ctx.em.findOneOrFail(Tenant, tenantId);
    const { token, hash } = newTenantToken(tenantId);
    const signup = ctx.em.create(NewsletterSignup, {
      tenant,
      email,
      name: input.name?.trim() || null,
      language: input.preferredLanguage,
      country: input.country?.toUpperCase() ?? null,
      wording: input.consentText,
      sourceUrl: input.sourceUrl ?? null,
      ip: ctx.ip ?? null,
      userAgent: ctx.userAgent?.slice(0, 500) ?? null,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + CONFIRM_TTL_MS),
    });
    await ctx.em.flush();
    await enqueueMail(ctx, {
      tenantId,
      to: email,
      template: 'newsletter.confirm',
      language: languageOf(input.preferredLanguage),
      payload: {
        agency: tenant.name,
        name: signup.name ?? email,
        link: `${publicBaseUrl(ctx)}/newsletter/confirm/${encodeURIComponent(token)}`,
      },
    });
    await audit(ctx, { action: 'newsletter.signup', entityType: 'NewsletterSignup', entityId: signup.id });
  });
  await useTenant(ctx, undefined);
  return true;
}

const invalidLink = () => badInput('token', 'The link is invalid or has expired');

/** The second half: records the GRANTED event with the sign-up's proof and the confirmation's own. */
export async function confirmNewsletter(ctx: RequestContext, rawToken: string): Promise<boolean> {
  const parsed = parseTenantToken(rawToken);
  if (!parsed) throw invalidLink();
  await useTenant(ctx, parsed.tenantId);
  await inTransaction(ctx, async () => {
    const signup = await ctx.em.findOne(NewsletterSignup, { tokenHash: parsed.hash });
    if (!signup || signup.confirmedAt || signup.expiresAt.getTime() < Date.now()) throw invalidLink();
    signup.confirmedAt = new Date();
    const contact = await ctx.em.findOne(Contact, { email: { $ilike: escapeLike(signup.email) }, erasedAt: null });
    await recordConsent(
      ctx,
      { contact, email: signup.email },
      {
        purposeKey: 'newsletter',
        channel: ConsentChannel.EMAIL,
        decision: ConsentDecision.GRANTED,
        method: ConsentMethod.DOUBLE_OPT_IN,
        wording: signup.wording,
        sourceUrl: signup.sourceUrl,
        language: signup.language,
        signupProof: {
          at: signup.createdAt.toISOString(),
          ip: signup.ip,
          userAgent: signup.userAgent,
          sourceUrl: signup.sourceUrl,
        },
      },
    );
    // P26: fresh, confirmed consent is the one thing that lifts an earlier suppression.
    await unsuppress(ctx, { email: signup.email });
    await audit(ctx, { action: 'newsletter.confirm', entityType: 'NewsletterSignup', entityId: signup.id });
  });
  return true;
}
