// Issue 21: hosted pages for agencies without a website form of their own:
// `/a/<agency slug>/contact`, `/newsletter`, `/support`, `/privacy-request`, `/cookies`. A GET shows the
// form; the form POSTs to the same address (no JavaScript), which validates it with the public
// operation's input class, calls the operation's service function (hosted.forms.ts) and redirects to
// `<page>/thanks` (post/redirect/get) or shows the form again with each error next to its field.
// CSRF: hosted.csrf.ts. Language: `?lang=`, else Accept-Language, else the agency's default.
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '@sitecare/schema';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { inAgency } from '../../graphql/agency';
import { routeContext, type AppServices, type RequestContext } from '../../graphql/context';
import { ErrorCode } from '../../graphql/errors';
import { validateInput, type FieldError } from '../../graphql/validation';
import { Tenant } from '../tenants/tenant.entity';
import { crossSiteRefusal, formToken } from './hosted.csrf';
import { FORMS, type Body } from './hosted.forms';
import { formPage, messagePage, thanksPage, type PageAgency, type RenderedPage } from './hosted.html';
import { HOSTED_PAGES, WORDS, type HostedPage } from './hosted.i18n';
import { hostedTheme, type HostedTheme } from './hosted.theme';

const SLUG = /^[a-z0-9-]{1,100}$/;
/** The cookie page's visitor id: a random id, this agency's pages only. */
const VISITOR_COOKIE = 'sc_visitor';
const VISITOR_ID = /^[\w-]{8,100}$/;

interface Agency extends PageAgency {
  defaultLanguage: SupportedLanguage;
  theme: HostedTheme;
  allowedOrigins: string[];
}

const isLanguage = (value: unknown): value is SupportedLanguage =>
  typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);

function languageOf(req: Request, fallback: SupportedLanguage): SupportedLanguage {
  if (isLanguage(req.query.lang)) return req.query.lang;
  if (!req.get('accept-language')) return fallback;
  const accepted = req.acceptsLanguages(...SUPPORTED_LANGUAGES);
  return isLanguage(accepted) ? accepted : fallback;
}

function send(res: Response, status: number, page: RenderedPage, agency?: Agency): void {
  res.status(status);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('vary', 'Accept-Language, Cookie');
  // Only the page's own style sheet and the agency's logo; forms post here; framed by the agency's
  // own website origins only (its embedded form), else by nothing but this server.
  const ancestors = ["'self'", ...(agency?.allowedOrigins ?? [])].join(' ');
  res.setHeader(
    'content-security-policy',
    `default-src 'none'; style-src ${page.styleHash}; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors ${ancestors}`,
  );
  res.removeHeader('x-frame-options');
  // helmet's `no-referrer` makes a browser send `Origin: null` with the form's POST, which the
  // same-origin check (hosted.csrf.ts) must refuse: the pages send their origin to themselves only.
  res.setHeader('referrer-policy', 'same-origin');
  res.send(page.html);
}

export function hostedRouter(orm: MikroORM, app: AppServices): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 });

  const context = (req: Request, res: Response, em: RequestContext['em']): RequestContext => ({
    ...routeContext(req, res, em, app),
    req,
    res,
  });

  async function agencyOf(ctx: RequestContext, slug: string): Promise<Agency | undefined> {
    if (!SLUG.test(slug)) return undefined;
    const tenant = await inAgency(ctx, slug, (tenantId) =>
      ctx.em.findOne(Tenant, tenantId, {
        fields: ['name', 'slug', 'defaultLanguage', 'brandColor', 'logoUpdatedAt', 'allowedOrigins'],
      }),
    );
    if (!tenant) return undefined;
    return {
      name: tenant.name,
      slug: tenant.slug,
      logoUrl: tenant.logoUpdatedAt ? `/agency-logo/${tenant.slug}?v=${tenant.logoUpdatedAt.getTime()}` : null,
      defaultLanguage: isLanguage(tenant.defaultLanguage) ? tenant.defaultLanguage : 'sv',
      theme: hostedTheme(tenant.brandColor),
      allowedOrigins: tenant.allowedOrigins,
    };
  }

  const pageHref = (agency: Agency, page: HostedPage, language: SupportedLanguage, suffix = '') =>
    `/a/${agency.slug}/${page}${suffix}?lang=${language}`;

  function notFound(req: Request, res: Response): void {
    const language = languageOf(req, 'sv');
    const w = WORDS[language];
    const page = messagePage({
      language,
      agency: { name: 'Sitecare', slug: '', logoUrl: null },
      theme: hostedTheme(null),
      title: w.notFound,
      switchHref: `?lang=${language === 'sv' ? 'en' : 'sv'}`,
    });
    send(res, 404, page);
  }

  const visitorOf = (req: Request): string | undefined => {
    const id = req.headers.cookie ? parseCookies(req.headers.cookie)[VISITOR_COOKIE] : undefined;
    return id && VISITOR_ID.test(id) ? id : undefined;
  };

  function render(
    res: Response,
    status: number,
    agency: Agency,
    page: HostedPage,
    language: SupportedLanguage,
    values: Body,
    errors: FieldError[],
    notice?: string,
  ): void {
    const spec = FORMS[page];
    send(
      res,
      status,
      formPage({
        language,
        agency,
        theme: agency.theme,
        page,
        fields: spec.fields,
        button: spec.button,
        action: pageHref(agency, page, language),
        switchHref: pageHref(agency, page, language === 'sv' ? 'en' : 'sv'),
        token: formToken(app, agency.slug, page),
        values,
        errors,
        notice,
      }),
      agency,
    );
  }

  const pageOf = (raw: string): HostedPage | undefined =>
    (HOSTED_PAGES as readonly string[]).includes(raw) ? (raw as HostedPage) : undefined;

  router.get('/a/:agency/:page', async (req, res) => {
    const page = pageOf(req.params.page);
    if (!page) return notFound(req, res);
    const shown = await orm.em.fork().transactional(async (em) => {
      const ctx = context(req, res, em);
      const agency = await agencyOf(ctx, req.params.agency);
      if (!agency) return undefined;
      const language = languageOf(req, agency.defaultLanguage);
      const visitorId = visitorOf(req);
      const scope = { agency: agency.slug, agencyName: agency.name, language, visitorId: visitorId ?? '' };
      const values = visitorId || page !== 'cookies' ? ((await FORMS[page].initial?.(ctx, scope)) ?? {}) : {};
      return { agency, language, values };
    });
    if (!shown) return notFound(req, res);
    render(res, 200, shown.agency, page, shown.language, shown.values, []);
  });

  router.get('/a/:agency/:page/thanks', async (req, res) => {
    const page = pageOf(req.params.page);
    if (!page) return notFound(req, res);
    const agency = await orm.em.fork().transactional((em) => agencyOf(context(req, res, em), req.params.agency));
    if (!agency) return notFound(req, res);
    const language = languageOf(req, agency.defaultLanguage);
    send(
      res,
      200,
      thanksPage({
        language,
        agency,
        theme: agency.theme,
        page,
        formHref: pageHref(agency, page, language),
        switchHref: pageHref(agency, page, language === 'sv' ? 'en' : 'sv', '/thanks'),
      }),
      agency,
    );
  });

  router.post('/a/:agency/:page', form, async (req, res) => {
    const page = pageOf(req.params.page);
    if (!page) return notFound(req, res);
    const body = (req.body ?? {}) as Body;
    const spec = FORMS[page];
    let visitorId = page === 'cookies' ? visitorOf(req) : undefined;
    if (page === 'cookies' && !visitorId) visitorId = randomUUID();
    type Outcome =
      | { kind: 'absent' }
      | {
          kind: 'refused' | 'invalid' | 'limited' | 'done';
          agency: Agency;
          language: SupportedLanguage;
          errors?: FieldError[];
        };
    const outcome = await orm.em.fork().transactional(async (em): Promise<Outcome> => {
      const ctx = context(req, res, em);
      const agency = await agencyOf(ctx, req.params.agency);
      if (!agency) return { kind: 'absent' };
      const language = languageOf(req, agency.defaultLanguage);
      const why = crossSiteRefusal(req, app, agency.slug, page);
      if (why) {
        app.logger.info({ agency: agency.slug, page, why }, 'hosted page: cross-site form post refused');
        return { kind: 'refused', agency, language };
      }
      const scope = { agency: agency.slug, agencyName: agency.name, language, visitorId: visitorId ?? '' };
      const { input, errors } = await validateInput(spec.input, spec.values(body, scope));
      if (errors.length) return { kind: 'invalid', agency, language, errors };
      try {
        await spec.submit(ctx, input);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const code = error.extensions.code;
        if (code === ErrorCode.RATE_LIMITED) return { kind: 'limited', agency, language };
        if (code !== ErrorCode.BAD_USER_INPUT) throw error;
        const field = typeof error.extensions.field === 'string' ? error.extensions.field : '';
        return { kind: 'invalid', agency, language, errors: [{ field, message: error.message }] };
      }
      return { kind: 'done', agency, language };
    });
    if (outcome.kind === 'absent') return notFound(req, res);
    const { agency, language } = outcome;
    const w = WORDS[language];
    if (outcome.kind === 'refused') return render(res, 403, agency, page, language, {}, [], w.crossSite);
    if (outcome.kind === 'limited') return render(res, 429, agency, page, language, body, [], w.rateLimited);
    if (outcome.kind === 'invalid') return render(res, 422, agency, page, language, body, outcome.errors ?? []);
    if (page === 'cookies' && visitorId)
      res.append(
        'Set-Cookie',
        serializeCookie(VISITOR_COOKIE, visitorId, {
          httpOnly: true,
          sameSite: 'lax',
          secure: app.config.sessions.secureCookie,
          path: `/a/${agency.slug}/`,
          maxAge: 365 * 24 * 3600,
        }),
      );
    res.redirect(303, pageHref(agency, page, language, '/thanks'));
  });

  return router;
}
