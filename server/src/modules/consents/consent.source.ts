// S25, P26, P28: what the consent module holds about a person (consent history, newsletter sign-ups,
// policy acceptances, e-mail opens and clicks), for their export and their erasure.
import type { RequestContext } from '../../graphql/context';
import type { DataSubject, ErasureReport, PersonalDataSource } from '../../privacy/personal-data';
import { TrackingEvent } from '../marketing/tracking-event.entity';
import { ConsentEvent } from './consent-event.entity';
import { NewsletterSignup } from './newsletter-signup.entity';
import { PolicyAcceptance } from './policy-version.entity';

const eventsOf = (s: DataSubject) => ({
  $or: [{ contact: { $in: s.contactIds } }, { subjectEmail: s.email.toLowerCase() }],
});

export const consentSource: PersonalDataSource = {
  name: 'consents',
  description: {
    sv: 'Dina samtycken och återkallelser med bevis, anmälningar till nyhetsbrev, godkännanden av integritetspolicyn samt öppningar och klick i våra utskick.',
    en: 'Your consents and withdrawals with their proof, newsletter sign-ups, privacy policy acceptances, and opens and clicks of our mailings.',
  },
  async export(ctx: RequestContext, s: DataSubject) {
    const email = s.email.toLowerCase();
    const events = await ctx.em.find(ConsentEvent, eventsOf(s), {
      populate: ['purpose', 'policyVersion'],
      orderBy: { createdAt: 'asc', id: 'asc' },
    });
    const signups = await ctx.em.find(NewsletterSignup, { email }, { orderBy: { createdAt: 'asc' } });
    const acceptances = await ctx.em.find(
      PolicyAcceptance,
      { contact: { $in: s.contactIds } },
      { populate: ['policyVersion'], orderBy: { createdAt: 'asc' } },
    );
    const tracking = await ctx.em.find(TrackingEvent, { email }, { orderBy: { createdAt: 'asc' } });
    return {
      events: events.map((e) => ({
        at: e.createdAt.toISOString(),
        purpose: e.purpose.key,
        channel: e.channel,
        decision: e.decision,
        method: e.method,
        policyVersion: e.policyVersion?.version ?? null,
        wording: e.wording,
        sourceUrl: e.sourceUrl,
        ip: e.ip,
        userAgent: e.userAgent,
        signupProof: e.signupProof,
      })),
      newsletterSignups: signups.map((n) => ({
        at: n.createdAt.toISOString(),
        confirmedAt: n.confirmedAt?.toISOString() ?? null,
        name: n.name,
        language: n.language,
        country: n.country,
        wording: n.wording,
        sourceUrl: n.sourceUrl,
        ip: n.ip,
        userAgent: n.userAgent,
      })),
      policyAcceptances: acceptances.map((a) => ({
        version: a.policyVersion.version,
        language: a.policyVersion.language,
        notifiedAt: a.createdAt.toISOString(),
        acceptedAt: a.acceptedAt?.toISOString() ?? null,
        ip: a.ip,
        userAgent: a.userAgent,
      })),
      emailTracking: tracking.map((t) => ({ at: t.createdAt.toISOString(), kind: t.kind, url: t.url, ip: t.ip })),
    };
  },
  async erase(ctx: RequestContext, s: DataSubject): Promise<ErasureReport> {
    const email = s.email.toLowerCase();
    // The one sanctioned exception to the append-only history (see ConsentEvent), for this transaction only.
    await ctx.em.execute("select set_config('app.erasure', 'on', true)");
    let deleted = await ctx.em.nativeDelete(ConsentEvent, eventsOf(s));
    await ctx.em.execute("select set_config('app.erasure', '', true)");
    deleted += await ctx.em.nativeDelete(NewsletterSignup, { email });
    deleted += await ctx.em.nativeDelete(PolicyAcceptance, { contact: { $in: s.contactIds } });
    deleted += await ctx.em.nativeDelete(TrackingEvent, { email });
    return { deleted, anonymised: 0 };
  },
};
