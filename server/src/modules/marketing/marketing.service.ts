// P14, P32, P9: a marketing e-mail to a purpose's subscribers. Each recipient passes the gate; each
// message carries a signed one-click unsubscribe link with RFC 8058's headers; opens and clicks are
// tracked only for recipients who consented to `email_tracking`.
import { randomUUID } from 'node:crypto';
import { fingerprint } from '../../auth/tokens';
import { publicBaseUrl, type RequestContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { PageInput, type Page } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { ConsentChannel } from '../consents/consent-event.entity';
import { languageOf, purposeByKey } from '../consents/consent.service';
import { enqueueMail } from '../mail/outbox.service';
import { Tenant } from '../tenants/tenant.entity';
import { mayMarket, mayTrack } from './marketing.gate';
import { MarketingCampaign, MarketingCampaignRecipient, MarketingOutcome } from './campaign.entity';
import type { MarketingRecipient, MarketingSendInput, MarketingSendResult } from './marketing.inputs';
import { signToken, signUrl, type TrackingPayload, type UnsubscribePayload } from './signing';

/** The one-click unsubscribe URL of `email` for `purpose` (P32). */
export function unsubscribeUrl(ctx: RequestContext, email: string, purpose: string): string {
  const token = signToken(ctx.app, 'unsubscribe', { t: ctx.tenantId!, e: email, p: purpose } as UnsubscribePayload);
  return `${publicBaseUrl(ctx)}/unsubscribe/${token}`;
}

/** RFC 2369 + RFC 8058: mail clients show an "unsubscribe" button that POSTs to the URL. */
export const unsubscribeHeaders = (url: string): Record<string, string> => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

/** Everyone who ever decided on the purpose by e-mail, once per address, with their language. */
async function candidates(ctx: RequestContext, purposeId: string) {
  return ctx.em.execute<{ email: string; contact_id: string | null; language: string | null }[]>(
    `select distinct on (e.subject_email) e.subject_email as email, c.id as contact_id,
            coalesce(c.preferred_language, s.language) as language
       from consent_events e
       left join contacts c on c.id = e.contact_id
       left join lateral (select language from newsletter_signups n where n.email = e.subject_email
                           order by n.created_at desc limit 1) s on true
      where e.purpose_id = ? and e.channel = 'EMAIL' and e.subject_email is not null
      order by e.subject_email, e.created_at desc`,
    [purposeId],
  );
}

export async function sendMarketing(ctx: RequestContext, input: MarketingSendInput): Promise<MarketingSendResult> {
  return inTransaction(ctx, async () => {
    const purpose = await purposeByKey(ctx, input.purposeKey, 'purposeKey');
    const tenant = await ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
    const base = publicBaseUrl(ctx);
    const campaign = ctx.em.create(MarketingCampaign, {
      tenant,
      purposeKey: purpose.key,
      subjectSv: input.subjectSv,
      subjectEn: input.subjectEn,
      bodySv: input.bodySv,
      bodyEn: input.bodyEn,
      link: input.link ?? null,
    });
    await ctx.em.flush();
    // Issue 23's history: each candidate, sent or refused (why), without keeping the address here.
    const remember = (r: { email: string; contact_id: string | null }, outcome: MarketingOutcome, extra = {}) =>
      ctx.em.create(MarketingCampaignRecipient, {
        tenant,
        campaign,
        contact: r.contact_id,
        recipientFingerprint: fingerprint(r.email),
        outcome,
        ...extra,
      });
    let queued = 0;
    let refused = 0;
    for (const r of await candidates(ctx, purpose.id)) {
      const gate = await mayMarket(ctx, {
        email: r.email,
        contactId: r.contact_id,
        purpose: purpose.key,
        channel: ConsentChannel.EMAIL,
        campaignId: campaign.id,
      });
      if (!gate.allowed) {
        refused += 1;
        remember(r, MarketingOutcome.REFUSED, { reason: gate.reason });
        continue;
      }
      const language = languageOf(r.language ?? tenant.defaultLanguage);
      const id = randomUUID();
      const unsubscribe = unsubscribeUrl(ctx, r.email, purpose.key);
      let link = input.link ?? undefined;
      let pixel: string | undefined;
      if (await mayTrack(ctx, r.email, gate.contactIds)) {
        const token = signToken(ctx.app, 'track', { t: tenant.id, e: r.email, m: id } as TrackingPayload);
        pixel = `${base}/t/o/${token}`;
        if (link) link = `${base}/t/c/${token}?u=${encodeURIComponent(link)}&s=${signUrl(ctx.app, token, link)}`;
      }
      await enqueueMail(ctx, {
        id,
        tenantId: tenant.id,
        to: r.email,
        template: 'marketing.message',
        language,
        payload: {
          agency: tenant.name,
          subject: language === 'sv' ? input.subjectSv : input.subjectEn,
          body: language === 'sv' ? input.bodySv : input.bodyEn,
          ...(link ? { link } : {}),
          ...(pixel ? { pixel } : {}),
          unsubscribe,
        },
        headers: unsubscribeHeaders(unsubscribe),
      });
      remember(r, MarketingOutcome.SENT, { outboxMessageId: id });
      queued += 1;
    }
    Object.assign(campaign, { queued, refused });
    await ctx.em.flush();
    await audit(ctx, {
      action: 'marketing.send',
      entityType: 'ProcessingPurpose',
      entityId: purpose.id,
      detail: { purpose: purpose.key, queued, refused, campaignId: campaign.id },
    });
    return { queued, refused, campaign };
  });
}

/** Issue 23: the campaign history, newest first (staff). */
export async function listCampaigns(
  ctx: RequestContext,
  purposeKey?: string,
  page = new PageInput(),
): Promise<Page<MarketingCampaign>> {
  const [nodes, totalCount] = await ctx.em.findAndCount(MarketingCampaign, purposeKey ? { purposeKey } : {}, {
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: page.take,
    offset: page.skip,
  });
  return { nodes, totalCount };
}

export async function getCampaign(ctx: RequestContext, id: string): Promise<MarketingCampaign> {
  const campaign = await ctx.em.findOne(MarketingCampaign, { id });
  if (!campaign) throw notFound('MarketingCampaign');
  return campaign;
}

/**
 * Who a campaign reached and who the gate refused (and why), with the opens and clicks recorded
 * (only where the person consented to tracking, P9). The address comes from the contact or the sent
 * message; a refused address with no contact is shown by its fingerprint only.
 */
export async function campaignRecipients(ctx: RequestContext, campaignId: string): Promise<MarketingRecipient[]> {
  const rows = await ctx.em.execute<
    {
      outcome: MarketingOutcome;
      reason: string | null;
      contact_name: string | null;
      email: string | null;
      fingerprint: string;
      opens: string;
      clicks: string;
    }[]
  >(
    `select r.outcome, r.reason, c.name as contact_name, coalesce(m.recipient, c.email) as email,
            r.recipient_fingerprint as fingerprint,
            (select count(*) from tracking_events t where t.outbox_message_id = r.outbox_message_id and t.kind = 'OPEN') as opens,
            (select count(*) from tracking_events t where t.outbox_message_id = r.outbox_message_id and t.kind = 'CLICK') as clicks
       from marketing_campaign_recipients r
       left join contacts c on c.id = r.contact_id
       left join outbox_messages m on m.id = r.outbox_message_id
      where r.campaign_id = ?
      order by r.outcome desc, coalesce(c.name, m.recipient, r.recipient_fingerprint)`,
    [campaignId],
  );
  return rows.map((r) => ({
    outcome: r.outcome,
    reason: r.reason,
    contactName: r.contact_name,
    email: r.email,
    fingerprint: r.fingerprint,
    opens: Number(r.opens),
    clicks: Number(r.clicks),
  }));
}
