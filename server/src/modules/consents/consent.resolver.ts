import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { useTenant } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { byIdLoader } from '../../graphql/loaders';
import { ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { Contact } from '../customers/contact.entity';
import { ConsentChannel, ConsentDecision, ConsentEvent, ConsentMethod } from './consent-event.entity';
import {
  ConsentChoiceInput,
  ConsentEventListArgs,
  ConsentRecordInput,
  CookiePreferencesInput,
  MyCookiePreferencesInput,
  NewsletterSubscribeInput,
  PolicyVersionInput,
  ProcessingPurposeUpdateInput,
} from './consent.inputs';
import {
  asksAge,
  assertMayConsentAlone,
  channelsOf,
  currentConsents,
  ownContact,
  recordConsent,
} from './consent.service';
import { CookiePreferences, CurrentConsent, toCurrent } from './consent.types';
import {
  cookiePreferencesOf,
  saveCookiePreferences,
  setVisitorCookiePreferences,
  visitorCookiePreferences,
} from './cookie.service';
import { confirmNewsletter, subscribeNewsletter } from './newsletter.service';
import { PolicyAcceptance, PolicyVersion } from './policy-version.entity';
import { acceptPolicy, createPolicyVersion, myPolicyAcceptances, publishPolicyVersion } from './policy.service';
import { ProcessingPurpose } from './processing-purpose.entity';

const ConsentEventList = ListOf(ConsentEvent, 'ConsentEvent');
type ConsentEventList = InstanceType<typeof ConsentEventList>;

@Resolver(() => ProcessingPurpose)
export class ProcessingPurposeResolver {
  @Query(() => [ProcessingPurpose], { description: 'P12: why the agency processes personal data, and on which basis.' })
  processingPurposes(@Ctx() ctx: RequestContext): Promise<ProcessingPurpose[]> {
    return ctx.em.find(ProcessingPurpose, {}, { orderBy: { key: 'asc' } });
  }

  @FieldResolver(() => [ConsentChannel], {
    description:
      'Issue 25: the channels consent for this purpose is given on (WEB: the cookie banner); empty when it does not rest on consent.',
  })
  channels(@Root() purpose: ProcessingPurpose): ConsentChannel[] {
    return channelsOf(purpose.key);
  }

  @Query(() => ProcessingPurpose, { description: 'P12: one purpose (the edit view).' })
  async processingPurpose(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<ProcessingPurpose> {
    const purpose = await ctx.em.findOne(ProcessingPurpose, id);
    if (!purpose) throw notFound('ProcessingPurpose');
    return purpose;
  }

  @Mutation(() => ProcessingPurpose)
  processingPurposeUpdate(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: ProcessingPurposeUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcessingPurpose> {
    return inTransaction(ctx, async () => {
      const purpose = await ctx.em.findOne(ProcessingPurpose, id);
      if (!purpose) throw notFound('ProcessingPurpose');
      const changed = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
      ctx.em.assign(purpose, Object.fromEntries(changed.map((k) => [k, input[k as keyof typeof input]])));
      await ctx.em.flush();
      await ctx.em.refresh(purpose); // stoppedByObjection is computed by PostgreSQL from the basis
      await audit(ctx, {
        action: 'purpose.update',
        entityType: 'ProcessingPurpose',
        entityId: id,
        detail: { changed },
      });
      return purpose;
    });
  }
}

@Resolver(() => ConsentEvent)
export class ConsentEventResolver {
  @FieldResolver(() => String)
  async purposeKey(@Root() event: ConsentEvent, @Ctx() ctx: RequestContext): Promise<string> {
    return (await byIdLoader(ctx, ProcessingPurpose).load(event.purpose.id))!.key; // purposes have no row rule
  }

  @FieldResolver(() => Contact, { nullable: true })
  contact(@Root() event: ConsentEvent, @Ctx() ctx: RequestContext): Promise<Contact | null> | null {
    return event.contact ? byIdLoader(ctx, Contact).load(event.contact.id) : null;
  }

  @FieldResolver(() => PolicyVersion, { nullable: true, description: 'P22: the policy version in force.' })
  policyVersion(@Root() event: ConsentEvent, @Ctx() ctx: RequestContext): Promise<PolicyVersion | null> | null {
    return event.policyVersion ? byIdLoader(ctx, PolicyVersion).load(event.policyVersion.id) : null;
  }

  @Query(() => ConsentEventList, { description: 'P13: the consent history, newest first (staff).' })
  async consentEvents(
    @Args(() => ConsentEventListArgs) { filter = {}, page = new PageInput() }: ConsentEventListArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const [nodes, totalCount] = await ctx.em.findAndCount(
      ConsentEvent,
      {
        ...(filter.contactId || filter.customerId
          ? {
              contact: {
                ...(filter.contactId ? { id: filter.contactId } : {}),
                ...(filter.customerId ? { customer: filter.customerId } : {}),
              },
            }
          : {}),
        ...(filter.purposeKey ? { purpose: { key: filter.purposeKey } } : {}),
        ...(filter.decision ? { decision: filter.decision } : {}),
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.take, offset: page.skip },
    );
    return { nodes, totalCount };
  }

  @Query(() => [CurrentConsent], { description: "P13: a contact's current consents (staff)." })
  async contactConsents(@Arg('contactId', () => UUID) contactId: string, @Ctx() ctx: RequestContext) {
    const contact = await ctx.em.findOne(Contact, contactId);
    if (!contact) throw notFound('Contact');
    return (await currentConsents(ctx, { contactIds: [contact.id], email: contact.email })).map(toCurrent);
  }

  @Mutation(() => ConsentEvent, { description: "P13: staff record a decision on the person's instruction." })
  consentRecord(@Arg('input') input: ConsentRecordInput, @Ctx() ctx: RequestContext): Promise<ConsentEvent> {
    return inTransaction(ctx, async () => {
      const contact = await ctx.em.findOne(Contact, input.contactId);
      if (!contact) throw notFound('Contact');
      return decide(ctx, contact, input, ConsentMethod.STAFF_ON_INSTRUCTION);
    });
  }

  @Query(() => [CurrentConsent], { description: 'P13: my current consents (customer portal).' })
  async myConsents(@Ctx() ctx: RequestContext): Promise<CurrentConsent[]> {
    const contact = await ownContact(ctx);
    return (await currentConsents(ctx, { contactIds: [contact.id], email: contact.email })).map(toCurrent);
  }

  @Query(() => [ConsentEvent], { description: 'P13: my consent history, newest first (customer portal).' })
  async myConsentHistory(@Ctx() ctx: RequestContext): Promise<ConsentEvent[]> {
    const contact = await ownContact(ctx);
    return ctx.em.find(
      ConsentEvent,
      { $or: [{ contact }, { subjectEmail: contact.email.toLowerCase() }] },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 },
    );
  }

  @Query(() => Boolean, {
    description:
      "Issue 25: whether granting a consent asks the customer login's person to confirm her age (a private individual not yet confirmed); a company's contact is not asked.",
  })
  async myConsentAsksAge(@Ctx() ctx: RequestContext): Promise<boolean> {
    const contact = await ownContact(ctx);
    await ctx.em.populate(contact, ['customer']);
    return asksAge(contact, contact.customer.buyerType);
  }

  @Mutation(() => ConsentEvent, { description: 'P13: grant or withdraw one consent from the portal.' })
  myConsentSet(@Arg('input') input: ConsentChoiceInput, @Ctx() ctx: RequestContext): Promise<ConsentEvent> {
    return inTransaction(ctx, async () => decide(ctx, await ownContact(ctx), input, ConsentMethod.PORTAL));
  }

  @Mutation(() => Boolean, { description: 'P1, P15: newsletter sign-up; mails a confirmation link (double opt-in).' })
  newsletterSubscribe(@Arg('input') input: NewsletterSubscribeInput, @Ctx() ctx: RequestContext) {
    return subscribeNewsletter(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'P15: the link in the confirmation mail; records the consent.' })
  async newsletterConfirm(@Arg('token') token: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    await confirmNewsletter(ctx, token);
    await useTenant(ctx, undefined);
    return true;
  }

  @Query(() => CookiePreferences, { description: "P17: an anonymous visitor's cookie preferences." })
  cookiePreferences(
    @Arg('agency') agency: string,
    @Arg('visitorId') visitorId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CookiePreferences> {
    return visitorCookiePreferences(ctx, agency, visitorId);
  }

  @Mutation(() => CookiePreferences, { description: 'P17: the cookie banner (no login).' })
  cookiePreferencesSet(@Arg('input') input: CookiePreferencesInput, @Ctx() ctx: RequestContext) {
    return setVisitorCookiePreferences(ctx, input);
  }

  @Query(() => CookiePreferences, { description: 'P17: my cookie preferences (customer portal).' })
  async myCookiePreferences(@Ctx() ctx: RequestContext): Promise<CookiePreferences> {
    const contact = await ownContact(ctx);
    return cookiePreferencesOf(ctx, { contactIds: [contact.id] });
  }

  @Mutation(() => CookiePreferences, { description: 'P17: change my cookie preferences (customer portal).' })
  myCookiePreferencesSet(@Arg('input') input: MyCookiePreferencesInput, @Ctx() ctx: RequestContext) {
    return inTransaction(ctx, async () => {
      const contact = await ownContact(ctx);
      return saveCookiePreferences(ctx, { contact }, { contactIds: [contact.id] }, input, ConsentMethod.PORTAL);
    });
  }
}

/** One decision for a contact; S24 applies to grants. */
async function decide(
  ctx: RequestContext,
  contact: Contact,
  input: ConsentChoiceInput,
  method: ConsentMethod,
): Promise<ConsentEvent> {
  if (input.granted) {
    await ctx.em.populate(contact, ['customer']);
    assertMayConsentAlone(contact, input.ageConfirmed, undefined, contact.customer.buyerType);
    if (input.ageConfirmed && !contact.ageConfirmed) contact.ageConfirmed = true;
  }
  return recordConsent(
    ctx,
    { contact },
    {
      purposeKey: input.purposeKey,
      channel: input.channel,
      decision: input.granted ? ConsentDecision.GRANTED : ConsentDecision.WITHDRAWN,
      method,
      wording: input.wording ?? null,
    },
  );
}

@Resolver(() => PolicyVersion)
export class PolicyVersionResolver {
  @Query(() => [PolicyVersion], { description: 'P22: policy versions, newest first (customers see published ones).' })
  policyVersions(@Ctx() ctx: RequestContext): Promise<PolicyVersion[]> {
    const published = ctx.viewer?.role === 'CUSTOMER' ? { publishedAt: { $ne: null } } : {};
    return ctx.em.find(PolicyVersion, published, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  @Mutation(() => PolicyVersion)
  policyVersionCreate(@Arg('input') input: PolicyVersionInput, @Ctx() ctx: RequestContext): Promise<PolicyVersion> {
    return createPolicyVersion(ctx, input);
  }

  @Mutation(() => PolicyVersion, { description: 'P22: publish; a material change notifies and asks for acceptance.' })
  policyVersionPublish(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<PolicyVersion> {
    return publishPolicyVersion(ctx, id);
  }

  @Query(() => [PolicyAcceptance], { description: 'P22: my pending and given acceptances (customer portal).' })
  myPolicyAcceptances(@Ctx() ctx: RequestContext): Promise<PolicyAcceptance[]> {
    return myPolicyAcceptances(ctx);
  }

  @Mutation(() => PolicyAcceptance, { description: 'P22: accept a policy version (customer portal).' })
  policyAccept(@Arg('policyVersionId', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<PolicyAcceptance> {
    return acceptPolicy(ctx, id);
  }
}

@Resolver(() => PolicyAcceptance)
export class PolicyAcceptanceResolver {
  @FieldResolver(() => PolicyVersion)
  policyVersion(@Root() acceptance: PolicyAcceptance, @Ctx() ctx: RequestContext): Promise<PolicyVersion | null> {
    return byIdLoader(ctx, PolicyVersion).load(acceptance.policyVersion.id);
  }
}
