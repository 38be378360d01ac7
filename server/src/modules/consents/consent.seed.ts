// Demo data (P12, P13, P15, P22): a published policy in both languages, and consent histories:
// granted, withdrawn and re-granted; a tracking consent; and a newsletter subscriber who is no contact.
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import type { Contact } from '../customers/contact.entity';
import type { Tenant } from '../tenants/tenant.entity';
import { ConsentChannel, ConsentDecision, ConsentEvent, ConsentMethod } from './consent-event.entity';
import { NewsletterSignup } from './newsletter-signup.entity';
import { PolicyVersion } from './policy-version.entity';
import { ProcessingPurpose } from './processing-purpose.entity';
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_CUSTOMERS } from '../customers/customer.seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';

const DAY = 24 * 3600_000;
export const DEMO_NEWSLETTER_WORDING =
  'Ja, jag vill få nyhetsbrev med tips och erbjudanden via e-post. / Yes, I want newsletters with tips and offers by e-mail.';

export async function seedConsents(em: EntityManager, tenant: Tenant, contacts: Contact[]): Promise<void> {
  await em.flush();
  const purposes = new Map(
    (await em.find(ProcessingPurpose, { tenant }, { filters: false })).map((p) => [p.key, p] as const),
  );
  const publishedAt = new Date(Date.now() - 120 * DAY);
  const policies = (['sv', 'en'] as const).map((language) =>
    em.create(PolicyVersion, {
      tenant,
      version: '2026-01',
      language,
      text:
        language === 'sv'
          ? `Integritetspolicy för ${tenant.name}. Vi behandlar personuppgifter för att leverera våra tjänster och, med ditt samtycke, för nyhetsbrev.`
          : `Privacy policy of ${tenant.name}. We process personal data to deliver our services and, with your consent, for newsletters.`,
      publishedAt,
      createdAt: publishedAt,
    }),
  );
  const event = (
    subject: { contact?: Contact; email: string; language: string },
    purpose: string,
    decision: ConsentDecision,
    method: ConsentMethod,
    daysAgo: number,
  ) =>
    em.create(ConsentEvent, {
      tenant,
      contact: subject.contact ?? null,
      subjectEmail: subject.email.toLowerCase(),
      purpose: purposes.get(purpose)!,
      channel: ConsentChannel.EMAIL,
      decision,
      method,
      policyVersion: policies.find((p) => p.language === subject.language) ?? policies[0],
      wording: decision === ConsentDecision.GRANTED ? DEMO_NEWSLETTER_WORDING : null,
      sourceUrl: method === ConsentMethod.PORTAL ? null : `https://${tenant.slug}.example.com/nyhetsbrev`,
      ip: '203.0.113.20',
      userAgent: 'Mozilla/5.0 (demo)',
      createdAt: new Date(Date.now() - daysAgo * DAY),
    });
  const [first, second] = contacts;
  if (first) {
    first.ageConfirmed = true;
    const s = { contact: first, email: first.email, language: first.preferredLanguage };
    event(s, 'newsletter', ConsentDecision.GRANTED, ConsentMethod.FORM, 90);
    event(s, 'newsletter', ConsentDecision.WITHDRAWN, ConsentMethod.UNSUBSCRIBE_LINK, 60);
    event(s, 'newsletter', ConsentDecision.GRANTED, ConsentMethod.PORTAL, 30);
    event(s, 'email_tracking', ConsentDecision.GRANTED, ConsentMethod.PORTAL, 30);
  }
  if (second) {
    second.ageConfirmed = true;
    event(
      { contact: second, email: second.email, language: second.preferredLanguage },
      'newsletter',
      ConsentDecision.GRANTED,
      ConsentMethod.FORM,
      45,
    );
  }
  // A newsletter subscriber who is not a customer's contact, confirmed by double opt-in.
  const email = `prenumerant@${tenant.slug}.example.com`;
  const signedUpAt = new Date(Date.now() - 20 * DAY);
  em.create(NewsletterSignup, {
    tenant,
    email,
    name: 'Petra Prenumerant',
    language: 'sv',
    country: 'SE',
    wording: DEMO_NEWSLETTER_WORDING,
    sourceUrl: `https://${tenant.slug}.example.com/nyhetsbrev`,
    ip: '203.0.113.30',
    userAgent: 'Mozilla/5.0 (demo)',
    tokenHash: createHash('sha256').update(`demo-signup-${tenant.slug}`).digest('hex'),
    expiresAt: new Date(signedUpAt.getTime() + 3 * DAY),
    confirmedAt: new Date(signedUpAt.getTime() + 3600_000),
    createdAt: signedUpAt,
  });
  const confirmed = event(
    { email, language: 'sv' },
    'newsletter',
    ConsentDecision.GRANTED,
    ConsentMethod.DOUBLE_OPT_IN,
    20,
  );
  confirmed.signupProof = {
    at: signedUpAt.toISOString(),
    ip: '203.0.113.30',
    userAgent: 'Mozilla/5.0 (demo)',
    sourceUrl: `https://${tenant.slug}.example.com/nyhetsbrev`,
  };
}

export const consentSeed: DemoSeeder = {
  // The agency's processing purposes are made with the agency (tenants).
  after: ['tenants', 'customers'],
  perAgency: (ctx) =>
    seedConsents(
      ctx.em,
      ctx.get(DEMO_TENANT),
      ctx.get(DEMO_CUSTOMERS).flatMap((c) => c.contacts),
    ),
};
