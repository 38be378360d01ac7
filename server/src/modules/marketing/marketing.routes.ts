// The links in mail, answered without login: P32's one-click unsubscribe (RFC 8058), P15's
// newsletter confirmation, and P9's open pixel and click redirect. A GET never changes anything
// that matters (mail scanners follow links): unsubscribing and confirming take a POST.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import { escapeLike } from '../../db/like';
import { routeContext, type AppServices, type RequestContext } from '../../graphql/context';
import { useTenant } from '../../graphql/context';
import { AppError } from '../../graphql/errors';
import { audit } from '../audit/audit.service';
import { ConsentChannel, ConsentDecision, ConsentMethod } from '../consents/consent-event.entity';
import { recordConsent } from '../consents/consent.service';
import { confirmNewsletter } from '../consents/newsletter.service';
import { Contact } from '../customers/contact.entity';
import { escapeHtml } from '../mail/templates';
import { mayTrack } from './marketing.gate';
import { TrackingEvent, TrackingKind } from './tracking-event.entity';
import { urlSigned, verifyToken, type TrackingPayload, type UnsubscribePayload } from './signing';

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** A small bilingual page (the link does not say which language the reader prefers). */
function page(res: Response, status: number, sv: string, en: string, button?: { sv: string; en: string }) {
  res
    .status(status)
    .type('html')
    .setHeader('cache-control', 'no-store')
    .send(
      [
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
        '<title>Sitecare</title></head><body style="font-family:system-ui,sans-serif;max-width:36em;margin:3em auto">',
        `<p>${escapeHtml(sv)}</p><p lang="en">${escapeHtml(en)}</p>`,
        button
          ? `<form method="post"><button type="submit" style="padding:10px 16px">${escapeHtml(button.sv)} / ${escapeHtml(button.en)}</button></form>`
          : '',
        '</body></html>',
      ].join(''),
    );
}

export function marketingRouter(orm: MikroORM, app: AppServices): Router {
  const router = express.Router();

  /** Runs `work` in one transaction as an anonymous request of the agency `tenantId`. */
  const asVisitor = <T>(req: Request, res: Response, tenantId: string, work: (ctx: RequestContext) => Promise<T>) =>
    orm.em.fork().transactional(async (em) => {
      const ctx = routeContext(req, res, em, app);
      await useTenant(ctx, tenantId);
      return work(ctx);
    });

  const unsubscribeOf = (req: Request) =>
    verifyToken<UnsubscribePayload>(app, 'unsubscribe', req.params.token as string);

  router.get('/unsubscribe/:token', (req, res) => {
    if (!unsubscribeOf(req)) return page(res, 404, 'Länken är ogiltig.', 'The link is invalid.');
    page(res, 200, 'Vill du avregistrera dig från våra utskick?', 'Do you want to unsubscribe from our mailings?', {
      sv: 'Avregistrera',
      en: 'Unsubscribe',
    });
  });

  // RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click`; a person POSTs the page's form.
  router.post('/unsubscribe/:token', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const token = unsubscribeOf(req);
    if (!token) return page(res, 404, 'Länken är ogiltig.', 'The link is invalid.');
    await asVisitor(req, res, token.t, async (ctx) => {
      const contacts = await ctx.em.find(Contact, { email: { $ilike: escapeLike(token.e) } });
      const subjects = contacts.length ? contacts : [null];
      for (const contact of subjects)
        await recordConsent(
          ctx,
          { contact, email: token.e },
          {
            purposeKey: token.p,
            channel: ConsentChannel.EMAIL,
            decision: ConsentDecision.WITHDRAWN,
            method: ConsentMethod.UNSUBSCRIBE_LINK,
          },
        );
    });
    page(res, 200, 'Du är avregistrerad. Tack!', 'You are unsubscribed. Thank you!');
  });

  router.get('/newsletter/confirm/:token', (_req, res) =>
    page(res, 200, 'Bekräfta din prenumeration.', 'Confirm your subscription.', { sv: 'Bekräfta', en: 'Confirm' }),
  );

  router.post('/newsletter/confirm/:token', async (req, res) => {
    const token = String(req.params.token);
    const tenantId = token.split('.')[0] ?? '';
    if (!/^[0-9a-f-]{36}$/.test(tenantId)) return page(res, 404, 'Länken är ogiltig.', 'The link is invalid.');
    try {
      await asVisitor(req, res, tenantId, (ctx) => confirmNewsletter(ctx, token));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return page(res, 410, 'Länken är ogiltig eller har gått ut.', 'The link is invalid or has expired.');
    }
    page(res, 200, 'Tack! Din prenumeration är bekräftad.', 'Thank you! Your subscription is confirmed.');
  });

  const track = (req: Request, res: Response, payload: TrackingPayload, kind: TrackingKind, url: string | null) =>
    asVisitor(req, res, payload.t, async (ctx) => {
      // Asked again now: a restriction, an objection or a withdrawal since sending stops the recording.
      if (!(await mayTrack(ctx, payload.e, []))) return;
      const event = ctx.em.create(TrackingEvent, {
        tenant: payload.t,
        email: payload.e,
        outboxMessageId: payload.m,
        kind,
        url,
        ip: ctx.ip ?? null,
        userAgent: ctx.userAgent?.slice(0, 500) ?? null,
      });
      await ctx.em.flush();
      await audit(ctx, {
        action: kind === TrackingKind.OPEN ? 'tracking.open' : 'tracking.click',
        entityType: 'TrackingEvent',
        entityId: event.id,
      });
    });

  // P9: the pixel and the redirect exist only in mail to people who consented to tracking at send time.
  router.get('/t/o/:token', async (req, res) => {
    const payload = verifyToken<TrackingPayload>(app, 'track', req.params.token);
    if (payload) await track(req, res, payload, TrackingKind.OPEN, null);
    res.status(200).type('gif').setHeader('cache-control', 'no-store').send(PIXEL);
  });

  router.get('/t/c/:token', async (req, res) => {
    const token = req.params.token;
    const payload = verifyToken<TrackingPayload>(app, 'track', token);
    const url = typeof req.query.u === 'string' ? req.query.u : '';
    const sig = typeof req.query.s === 'string' ? req.query.s : undefined;
    // Only a URL signed into this very mail: never an open redirect.
    if (!payload || !/^https?:\/\//.test(url) || !urlSigned(app, token, url, sig))
      return page(res, 400, 'Länken är ogiltig.', 'The link is invalid.');
    await track(req, res, payload, TrackingKind.CLICK, url);
    res.redirect(302, url);
  });

  return router;
}
