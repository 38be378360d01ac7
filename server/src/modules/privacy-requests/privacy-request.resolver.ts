import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isStaff } from '../../auth/scopes';
import type { RequestContext } from '../../graphql/context';
import { byIdLoader, loaderFor } from '../../graphql/loaders';
import { ListOf, PageInput } from '../../graphql/pagination';
import { UUID } from '../../graphql/scalars';
import { Contact } from '../customers/contact.entity';
import { User } from '../users/user.entity';
import { OPEN_STATUSES, PrivacyExport, PrivacyRequest } from './privacy-request.entity';
import {
  MinorFlagInput,
  ParentalConsentInput,
  PrivacyRequestCompleteInput,
  PrivacyRequestExtendInput,
  PrivacyRequestListArgs,
  PrivacyRequestPortalInput,
  PrivacyRequestPublicInput,
  PrivacyRequestStaffInput,
} from './privacy-request.inputs';
import { flagSuspectedMinor, recordParentalConsent } from './minors.service';
import * as requests from './privacy-request.service';

const PrivacyRequestList = ListOf(PrivacyRequest, 'PrivacyRequest');
type PrivacyRequestList = InstanceType<typeof PrivacyRequestList>;

/** Requests with an export still waiting to be downloaded. */
const exportWaiting = (ctx: RequestContext) =>
  loaderFor<string, boolean>(ctx, 'privacyExportWaiting', async (ids) => {
    const rows = await ctx.em.find(
      PrivacyExport,
      { request: { $in: [...ids] }, downloadedAt: null, expiresAt: { $gt: new Date() } },
      { fields: ['id', 'request'] },
    );
    const waiting = new Set(rows.map((r) => r.request.id));
    return ids.map((id) => waiting.has(id));
  });

/** P28, P29, P30, P33, S23: data subject requests, and P2: suspected minors. */
@Resolver(() => PrivacyRequest)
export class PrivacyRequestResolver {
  @Query(() => PrivacyRequestList, { description: 'P30: data subject requests by due date (soonest first).' })
  privacyRequests(
    @Args(() => PrivacyRequestListArgs) { filter = {}, page = new PageInput() }: PrivacyRequestListArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<PrivacyRequestList> {
    return requests.listRequests(ctx, filter, page);
  }

  @Query(() => PrivacyRequest)
  privacyRequest(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext): Promise<PrivacyRequest> {
    return requests.getRequest(ctx, id);
  }

  @Query(() => [PrivacyRequest], { description: "P33: the viewer's own requests (the portal's privacy tools)." })
  myPrivacyRequests(@Ctx() ctx: RequestContext): Promise<PrivacyRequest[]> {
    return requests.myRequests(ctx);
  }

  @FieldResolver(() => Boolean, { description: 'P30: still open and past its due date.' })
  overdue(@Root() r: PrivacyRequest): boolean {
    return OPEN_STATUSES.includes(r.status) && r.dueAt.getTime() < Date.now();
  }

  @FieldResolver(() => Boolean, { description: 'An export is ready and not yet downloaded.' })
  exportAvailable(@Root() r: PrivacyRequest, @Ctx() ctx: RequestContext): Promise<boolean> {
    return exportWaiting(ctx).load(r.id);
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() r: PrivacyRequest, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return r.assignee && isStaff(ctx) ? byIdLoader(ctx, User).load(r.assignee.id) : null;
  }

  @FieldResolver(() => [Contact], { description: 'The matched contacts (staff only).' })
  async contacts(@Root() r: PrivacyRequest, @Ctx() ctx: RequestContext): Promise<Contact[]> {
    if (!isStaff(ctx) || !r.contactIds.length) return [];
    const found = await byIdLoader(ctx, Contact).loadMany(r.contactIds);
    return found.filter((c): c is Contact => !!c && !(c instanceof Error));
  }

  @Mutation(() => Boolean, {
    description: 'P29: the public privacy page. Always true; a single-use link is mailed to the address.',
  })
  privacyRequestSubmit(@Arg('input') input: PrivacyRequestPublicInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    return requests.submitPublicRequest(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'P29: following the mailed link creates the verified request.' })
  async privacyRequestConfirm(@Arg('token') token: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    await requests.confirmPublicRequest(ctx, token);
    return true;
  }

  @Mutation(() => PrivacyRequest, {
    description: 'P33: a request about the viewer, from the portal (no token needed).',
  })
  privacyRequestFile(@Arg('input') input: PrivacyRequestPortalInput, @Ctx() ctx: RequestContext) {
    return requests.submitPortalRequest(ctx, input);
  }

  @Mutation(() => PrivacyRequest, { description: 'A request staff received by phone or letter (verify it next).' })
  privacyRequestCreate(@Arg('input') input: PrivacyRequestStaffInput, @Ctx() ctx: RequestContext) {
    return requests.createStaffRequest(ctx, input);
  }

  @Mutation(() => PrivacyRequest)
  privacyRequestVerify(@Arg('id', () => UUID) id: string, @Ctx() ctx: RequestContext) {
    return requests.verifyRequest(ctx, id);
  }

  @Mutation(() => PrivacyRequest)
  privacyRequestStart(
    @Arg('id', () => UUID) id: string,
    @Arg('assigneeId', () => UUID, { nullable: true }) assigneeId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return requests.startRequest(ctx, id, assigneeId);
  }

  @Mutation(() => PrivacyRequest, { description: 'S23: extend (once, with a reason); the person is told by e-mail.' })
  privacyRequestExtend(
    @Arg('id', () => UUID) id: string,
    @Arg('input') input: PrivacyRequestExtendInput,
    @Ctx() ctx: RequestContext,
  ) {
    return requests.extendRequest(ctx, id, input);
  }

  @Mutation(() => PrivacyRequest, { description: "Carries out the request's effect and completes it." })
  privacyRequestComplete(
    @Arg('id', () => UUID) id: string,
    @Arg('input', () => PrivacyRequestCompleteInput, { nullable: true }) input: PrivacyRequestCompleteInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    return requests.completeRequest(ctx, id, input ?? new PrivacyRequestCompleteInput());
  }

  @Mutation(() => PrivacyRequest)
  privacyRequestReject(@Arg('id', () => UUID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext) {
    return requests.rejectRequest(ctx, id, reason);
  }

  @Mutation(() => String, {
    description:
      "A fresh single-use link to the viewer's own export (staff: after a fresh second step, STEP_UP_REQUIRED).",
  })
  privacyExportLink(@Arg('requestId', () => UUID) requestId: string, @Ctx() ctx: RequestContext): Promise<string> {
    return requests.issueExportLink(ctx, requestId);
  }

  @Mutation(() => Contact, {
    description: 'P2: flag a suspected minor: erased after the period unless a parent consents.',
  })
  contactMinorFlag(
    @Arg('contactId', () => UUID) contactId: string,
    @Arg('input', () => MinorFlagInput, { nullable: true }) input: MinorFlagInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    return flagSuspectedMinor(ctx, contactId, input ?? new MinorFlagInput());
  }

  @Mutation(() => Contact, { description: "P2: a parent's consent, which cancels the scheduled erasure." })
  contactParentalConsent(
    @Arg('contactId', () => UUID) contactId: string,
    @Arg('input') input: ParentalConsentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return recordParentalConsent(ctx, contactId, input);
  }
}
