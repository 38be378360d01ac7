// P17: cookie preferences, written once: the GraphQL operations (`cookiePreferences`,
// `cookiePreferencesSet`, the portal's `myCookiePreferences*`) and the hosted page
// (`/a/<agency>/cookies`, modules/hosted) call these.
import { rateLimitPublicForm } from '../../auth/throttle';
import { useTenant, type RequestContext } from '../../graphql/context';
import { inTransaction } from '../../graphql/transaction';
import type { Contact } from '../customers/contact.entity';
import { ConsentChannel, ConsentDecision, ConsentMethod } from './consent-event.entity';
import type { CookiePreferencesInput } from './consent.inputs';
import { currentConsents, recordConsent, type SubjectKey } from './consent.service';
import type { CookiePreferences } from './consent.types';
import { tenantBySlug } from './newsletter.service';

/** P17: the cookie categories that need consent, and the purpose each rests on. */
const COOKIE_PURPOSES = { analytics: 'analytics', marketing: 'targeted_ads' } as const;

export async function cookiePreferencesOf(ctx: RequestContext, key: SubjectKey): Promise<CookiePreferences> {
  const current = (await currentConsents(ctx, key)).filter((c) => c.channel === ConsentChannel.WEB);
  const granted = (purpose: string) =>
    current.some((c) => c.purposeKey === purpose && c.decision === ConsentDecision.GRANTED);
  return {
    necessary: true,
    analytics: granted(COOKIE_PURPOSES.analytics),
    marketing: granted(COOKIE_PURPOSES.marketing),
  };
}

/** Records the categories that changed (a banner saved twice the same way adds nothing). */
export async function saveCookiePreferences(
  ctx: RequestContext,
  subject: { contact?: Contact; visitorId?: string },
  key: SubjectKey,
  input: { analytics: boolean; marketing: boolean; sourceUrl?: string | null },
  method: ConsentMethod,
): Promise<CookiePreferences> {
  const before = await cookiePreferencesOf(ctx, key);
  for (const category of ['analytics', 'marketing'] as const) {
    if (before[category] === input[category]) continue;
    await recordConsent(ctx, subject, {
      purposeKey: COOKIE_PURPOSES[category],
      channel: ConsentChannel.WEB,
      decision: input[category] ? ConsentDecision.GRANTED : ConsentDecision.WITHDRAWN,
      method,
      sourceUrl: input.sourceUrl ?? null,
    });
  }
  return { necessary: true, analytics: input.analytics, marketing: input.marketing };
}

/** An anonymous visitor's preferences (the banner's random id); an unknown agency answers the defaults. */
export async function visitorCookiePreferences(
  ctx: RequestContext,
  agency: string,
  visitorId: string,
): Promise<CookiePreferences> {
  const tenantId = await tenantBySlug(ctx, agency);
  if (!tenantId) return { necessary: true, analytics: false, marketing: false };
  await useTenant(ctx, tenantId);
  const prefs = await cookiePreferencesOf(ctx, { visitorId });
  await useTenant(ctx, undefined);
  return prefs;
}

/** The cookie banner (no login, rate-limited); an unknown agency answers as if saved. */
export async function setVisitorCookiePreferences(
  ctx: RequestContext,
  input: CookiePreferencesInput,
): Promise<CookiePreferences> {
  await rateLimitPublicForm(ctx);
  const tenantId = await tenantBySlug(ctx, input.agency);
  if (!tenantId) return { necessary: true, analytics: input.analytics, marketing: input.marketing };
  await useTenant(ctx, tenantId);
  const prefs = await inTransaction(ctx, () =>
    saveCookiePreferences(
      ctx,
      { visitorId: input.visitorId },
      { visitorId: input.visitorId },
      input,
      ConsentMethod.COOKIE_BANNER,
    ),
  );
  await useTenant(ctx, undefined);
  return prefs;
}
