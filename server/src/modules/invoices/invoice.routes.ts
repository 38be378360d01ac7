// Issue 19: GET /invoices/<id>/pdf, the stored PDF of an invoice or credit note, with the session
// cookie of the dashboard and the portal, authorised exactly like the invoice (the row rule): a
// customer's own, staff their agency's; anything else is NOT_FOUND (404), whatever the reason.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { routeContext, useTenant, type AppServices, type RequestContext } from '../../graphql/context';
import { GraphQLError } from 'graphql';
import { contentDisposition } from '../attachments/attachment.routes';
import { resumeSession } from '../../auth/resume';
import { readInvoicePdf } from './invoice.service';
import { invoiceFileName } from './pdf';
import { Tenant } from '../tenants/tenant.entity';
import { Invoice } from './invoice.entity';
import { isPayToken, payInvoiceByCard } from './pay-by-invoice.service';

/** What the pay link answers when the invoice can no longer be paid (paid meanwhile, or credited). */
const NOT_PAYABLE = {
  sv: 'Fakturan är redan betald eller går inte längre att betala med kort. Hör av dig till oss om du har frågor.',
  en: 'This invoice is already paid or can no longer be paid by card. Please contact us if you have questions.',
} as const;
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const errorBody = (code: string, message: string, requestId: string) => ({
  errors: [{ message, extensions: { code, requestId } }],
});

export function invoiceRouter(orm: MikroORM, app: AppServices): Router {
  const router = express.Router();
  router.get('/invoices/:id/pdf', async (req, res) => {
    res.setHeader('cache-control', 'private, no-store');
    const requestId = String(res.locals.requestId);
    if (!UUID_RE.test(req.params.id))
      return void res.status(404).json(errorBody('NOT_FOUND', 'Invoice not found', requestId));
    const found = await orm.em.fork().transactional(async (em) => {
      const ctx: RequestContext = { ...routeContext(req, res, em, app), req, res };
      await resumeSession(ctx);
      if (!ctx.viewer) return null;
      return { value: await readInvoicePdf(ctx, req.params.id) };
    });
    if (!found) return void res.status(401).json(errorBody('UNAUTHENTICATED', 'Log in first', requestId));
    if (!found.value) return void res.status(404).json(errorBody('NOT_FOUND', 'Invoice not found', requestId));
    const { invoice, pdf } = found.value;
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-length', String(pdf.length));
    res.setHeader('content-disposition', contentDisposition(invoiceFileName(invoice)));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', "default-src 'none'; sandbox");
    res.end(pdf);
  });
  // Issue 19: the reminder's pay link (pay-by-invoice.service.ts, `invoicePayLink`): with the agency's
  // signed token, it starts a card payment of what is left through the agency's provider and redirects
  // there. A wrong token, agency or id answers 404 alike; an invoice no longer payable a short page (410).
  router.get('/invoices/:id/pay', async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('referrer-policy', 'no-referrer');
    const requestId = String(res.locals.requestId);
    const slug = typeof req.query.agency === 'string' ? req.query.agency : '';
    const token = typeof req.query.t === 'string' ? req.query.t : '';
    const notFoundAnswer = () => void res.status(404).json(errorBody('NOT_FOUND', 'Invoice not found', requestId));
    if (!UUID_RE.test(req.params.id) || !slug || !token) return notFoundAnswer();
    const outcome = await orm.em.fork().transactional(async (em) => {
      const ctx: RequestContext = { ...routeContext(req, res, em, app, 'route:invoice-pay'), req, res };
      // The agency by its slug (tenants are walled by row-level security until one is chosen).
      const [row] = await em.execute<{ id: string | null }[]>('select sitecare_tenant_by_slug(?) as id', [slug]);
      if (!row?.id) return null;
      await useTenant(ctx, row.id);
      const tenant = await em.findOne(Tenant, { id: row.id });
      if (!tenant || !isPayToken(tenant, req.params.id, token)) return null;
      const invoice = await em.findOne(Invoice, { id: req.params.id });
      if (!invoice) return null;
      try {
        return { redirectUrl: (await payInvoiceByCard(ctx, invoice.id)).redirectUrl, language: invoice.language };
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions?.code === 'BAD_USER_INPUT')
          return { redirectUrl: null, language: invoice.language };
        throw error;
      }
    });
    if (!outcome) return notFoundAnswer();
    if (outcome.redirectUrl) return void res.redirect(303, outcome.redirectUrl);
    const message = NOT_PAYABLE[outcome.language === 'en' ? 'en' : 'sv'];
    res
      .status(410)
      .type('html')
      .send(
        `<!doctype html><html lang="${outcome.language === 'en' ? 'en' : 'sv'}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(message)}</title><main style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem"><p>${escapeHtml(message)}</p></main></html>`,
      );
  });
  return router;
}
